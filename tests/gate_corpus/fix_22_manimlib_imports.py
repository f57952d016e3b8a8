# expect: fix: rewrote `from manimlib.imports import *` -> `from manim import *`
from manimlib.imports import *


class Scene1(Scene):
    def construct(self):
        dots = VGroup(*(SmallDot(RIGHT * i) for i in range(3)))
        self.play(ShowCreation(Polyline(LEFT, UP, RIGHT)), FadeIn(dots))
        self.wait(get_norm(UP))
