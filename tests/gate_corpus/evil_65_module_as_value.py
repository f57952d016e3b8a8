# expect: reject: line 7: module `manim.camera.camera` used as a value
from manim import *


class Scene1(Scene):
    def construct(self):
        m = camera.camera
        self.add(Text(str(m)))
