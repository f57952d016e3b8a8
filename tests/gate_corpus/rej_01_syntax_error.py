# expect: reject: syntax error at line 7
from manim import *


class Scene1(Scene):
    def construct(self):
        self.play(Create(Circle())
        self.wait()
