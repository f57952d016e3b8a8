# expect: reject: forbidden attribute `.digest_file`
from manim import *


class Scene1(Scene):
    def construct(self):
        config.digest_file('evil.cfg')
