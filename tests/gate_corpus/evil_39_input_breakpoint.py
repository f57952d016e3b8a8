# expect: reject: forbidden builtin `breakpoint`
from manim import *


class Scene1(Scene):
    def construct(self):
        breakpoint()
