# expect: reject: forbidden attribute `.gi_frame`
from manim import *


class Scene1(Scene):
    def construct(self):
        g = (x for x in [1])
        b = g.gi_frame.f_back.f_globals
