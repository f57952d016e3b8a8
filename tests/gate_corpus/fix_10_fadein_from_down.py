# expect: fix: FadeInFromDown(...) -> FadeIn(..., shift=...)
from manim import *


class Scene1(Scene):
    def construct(self):
        t = Text('Hi')
        self.play(FadeInFromDown(t))
        self.play(FadeOutAndShift(t, LEFT))
