# expect: reject: unknown name Circel; did you mean Circle
from manim import *


class Scene1(Scene):
    def construct(self):
        self.play(Create(Circel()))
