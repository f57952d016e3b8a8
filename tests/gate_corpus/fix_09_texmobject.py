# expect: fix: TexMobject -> MathTex
from manim import *


class Scene1(Scene):
    def construct(self):
        t = TexMobject('x^2')
        self.play(Write(t))
