# expect: reject: line 7: forbidden attribute `.write_text`
from manim import *


class Scene1(Scene):
    def construct(self):
        config.get_dir('video_dir').parent.write_text('pwned')
