# expect: reject: unknown name ContinualAnimation
from manim import *


class Scene1(Scene):
    def construct(self):
        self.add(ContinualAnimation(Circle()))
