# expect: reject: import from module `os` is not allowed
from manim import *
from os import system


class Scene1(Scene):
    def construct(self):
        system('id')
