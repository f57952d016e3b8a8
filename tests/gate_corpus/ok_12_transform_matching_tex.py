# expect: ok
from manim import *


class Scene12(Scene):
    def construct(self):
        a = MathTex("x", "+", "2", "=", "5")
        b = MathTex("x", "=", "5", "-", "2")
        c = MathTex("x", "=", "3")
        self.play(Write(a))
        self.play(TransformMatchingTex(a, b))
        self.wait(0.5)
        self.play(TransformMatchingTex(b, c))
        self.play(Circumscribe(c))
