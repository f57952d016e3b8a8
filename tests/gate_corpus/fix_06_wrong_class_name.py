# expect: fix: renamed scene class CircleScene -> Scene6
# scene: Scene6
from manim import *


class CircleScene(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
