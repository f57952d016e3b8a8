# expect: fix: ShowCreation -> Create
from manim import *


class Scene1(Scene):
    def construct(self):
        c = Circle()
        self.play(ShowCreation(c))
