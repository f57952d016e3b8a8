# expect: reject: forbidden builtin `compile`
from manim import *


class Scene1(Scene):
    def construct(self):
        code = compile('1', 'x', 'eval')
