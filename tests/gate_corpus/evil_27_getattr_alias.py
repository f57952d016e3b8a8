# expect: reject: `getattr` may only be called directly
from manim import *


class Scene1(Scene):
    def construct(self):
        ga = getattr
        ga(self, '__class__')
