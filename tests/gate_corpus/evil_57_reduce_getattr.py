# expect: reject: line 8: `getattr` may only be called directly
import functools
from manim import *


class Scene1(Scene):
    def construct(self):
        cam = functools.reduce(getattr, ['renderer', 'camera'], self)
        self.add(Text(str(cam)))
