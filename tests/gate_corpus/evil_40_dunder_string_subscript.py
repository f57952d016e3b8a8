# expect: reject: string '__builtins__' names a forbidden attribute
from manim import *


class Scene1(Scene):
    def construct(self):
        b = self.construct.__self__
        d = {}['__builtins__']
