# expect: reject: forbidden attribute `__globals__` in a class pattern
from manim import *


class Scene1(Scene):
    def construct(self):
        match self.construct:
            case object(__globals__=g):
                pass
