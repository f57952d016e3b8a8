# expect: reject: import from module `.` is not allowed
from manim import *
from . import secrets


class Scene1(Scene):
    def construct(self):
        pass
