# expect: reject: forbidden builtin `__import__`
from manim import *


class Scene1(Scene):
    def construct(self):
        __import__('os').system('id')
