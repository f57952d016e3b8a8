# expect: reject: dunder attribute access `.__class__`
from manim import *


class Scene1(Scene):
    def construct(self):
        self.add(Text(f'{self.__class__}'))
