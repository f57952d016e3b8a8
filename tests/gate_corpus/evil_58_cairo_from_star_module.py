# expect: reject: line 7: `.cairo` of module `manim.camera.camera` is module `cairo`
from manim import *


class Scene1(Scene):
    def construct(self):
        surface = camera.camera.cairo.ImageSurface(0, 8, 8)
        self.add(Circle())
