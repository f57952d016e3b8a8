# expect: reject: unknown name MathText; did you mean MathTex
from manim import *


class Scene1(Scene):
    def construct(self):
        self.play(Write(MathText('x')))
