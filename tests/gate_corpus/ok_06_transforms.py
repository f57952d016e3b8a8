# expect: ok
from manim import *


class Scene6(Scene):
    def construct(self):
        square = Square(side_length=2, color=BLUE, fill_opacity=0.5)
        circle = Circle(radius=1, color=RED, fill_opacity=0.5)
        star = Star(color=YELLOW)
        self.play(Create(square))
        self.play(Transform(square, circle))
        self.play(ReplacementTransform(square, star))
        self.play(FadeOut(star))
