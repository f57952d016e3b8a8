# expect: fix: dropped prose
The following code draws a circle.
from manim import *


class Scene1(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()

This uses Create to draw the outline.
