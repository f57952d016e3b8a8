# expect: reject: import of module `sys` is not allowed
from manim import *
import sys


class Scene1(Scene):
    def construct(self):
        sys.modules['os'].system('id')
