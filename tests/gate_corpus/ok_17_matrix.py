# expect: ok
from manim import *


class Scene17(Scene):
    def construct(self):
        m = Matrix([[1, 2], [3, 4]])
        v = Matrix([["x"], ["y"]])
        eq = MathTex("=")
        r = Matrix([["x + 2y"], ["3x + 4y"]])
        group = VGroup(m, v, eq, r).arrange(RIGHT)
        self.play(Write(m), Write(v))
        self.play(Write(eq), FadeIn(r, shift=LEFT))
        self.play(SurroundingRectangle(m.get_rows()[0], color=GREEN).animate.set_opacity(0.5))
