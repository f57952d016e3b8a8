# expect: ok
from manim import *


class Scene7(Scene):
    def construct(self):
        eq = MathTex("a^2", "+", "b^2", "=", "c^2").scale(1.5)
        box = SurroundingRectangle(eq[4], color=YELLOW, buff=0.15)
        brace = Brace(eq[0:3], DOWN)
        note = brace.get_text("legs")
        self.play(Write(eq))
        self.play(Create(box))
        self.play(GrowFromCenter(brace), FadeIn(note))
        self.play(Indicate(eq[4]))
        self.wait()
