# expect: reject: several scene classes (Intro, Outro)
# scene: Scene7
from manim import *


class Intro(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()


class Outro(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
