# expect: reject: dunder attribute access `.__subclasses__`
from manim import *


class Scene1(Scene):
    def construct(self):
        for c in ().__class__.__bases__[0].__subclasses__():
            self.add(Text(c.__name__))
