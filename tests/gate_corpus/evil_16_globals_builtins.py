# expect: reject: forbidden builtin `globals`
from manim import *


class Scene1(Scene):
    def construct(self):
        b = globals()['__builtins__']
        b['open']('/etc/passwd')
