# expect: reject: forbidden name `guarantee_empty_existence`
from manim import *


class Scene1(Scene):
    def construct(self):
        guarantee_empty_existence('/home')
