# expect: reject: dunder attribute access `.__dict__`
from manim import *


class Scene1(Scene):
    def construct(self):
        d = type(self).__dict__
