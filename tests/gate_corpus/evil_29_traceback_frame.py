# expect: reject: dunder attribute access `.__traceback__`
from manim import *


class Scene1(Scene):
    def construct(self):
        try:
            1 / 0
        except Exception as e:
            f = e.__traceback__.tb_frame
