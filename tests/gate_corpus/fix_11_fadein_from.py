# expect: fix: FadeInFrom(...) -> FadeIn
from manim import *


class Scene1(Scene):
    def construct(self):
        t = Text('Hi')
        self.play(FadeInFrom(t, LEFT, run_time=2))
