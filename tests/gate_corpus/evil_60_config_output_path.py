# expect: reject: line 7: forbidden attribute `.media_dir`
from manim import *


class Scene1(Scene):
    def construct(self):
        config.media_dir = '/tmp/elsewhere'
        self.add(Text('x'))
