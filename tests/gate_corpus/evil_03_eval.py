# expect: reject: forbidden builtin `eval`
from manim import *


class Scene1(Scene):
    def construct(self):
        x = eval("1 + 1")
        self.add(Integer(x))
