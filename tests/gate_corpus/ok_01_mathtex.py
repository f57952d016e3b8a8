# expect: ok
from manim import *


class Scene1(Scene):
    def construct(self):
        eq = MathTex(r"e^{i\pi} + 1 = 0", font_size=72)
        label = Text("Euler's identity", font_size=36).next_to(eq, DOWN)
        self.play(Write(eq))
        self.play(FadeIn(label, shift=UP))
        self.wait(1)
