# expect: ok
from manim import *


class Scene5(Scene):
    def construct(self):
        shapes = VGroup(Circle(color=BLUE), Square(color=GREEN), Triangle(color=RED))
        shapes.arrange(RIGHT, buff=0.8).scale(0.8)
        labels = VGroup(*[Text(n, font_size=28) for n in ("circle", "square", "triangle")])
        for label, shape in zip(labels, shapes):
            label.next_to(shape, DOWN)
        self.play(LaggedStart(*[DrawBorderThenFill(s) for s in shapes], lag_ratio=0.3))
        self.play(Write(labels))
        self.wait()
