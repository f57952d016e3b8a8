# expect: reject: dunder attribute access `.get___class__`
from manim import *


class Scene1(Scene):
    def construct(self):
        c = Circle().get___class__()
