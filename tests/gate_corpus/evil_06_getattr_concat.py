# expect: reject: `getattr` with a non-literal attribute name
from manim import *


class Scene1(Scene):
    def construct(self):
        g = getattr(self.construct, '__glob' + 'als__')
