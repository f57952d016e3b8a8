# expect: reject: dunder attribute access `.__globals__`
from manim import *


class Scene1(Scene):
    def construct(self):
        b = self.construct.__func__.__globals__['__builtins__']
