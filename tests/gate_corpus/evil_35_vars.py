# expect: reject: forbidden builtin `vars`
from manim import *


class Scene1(Scene):
    def construct(self):
        v = vars(self)
