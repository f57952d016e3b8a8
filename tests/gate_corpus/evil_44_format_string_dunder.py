# expect: reject: names a forbidden attribute
from manim import *


class Scene1(Scene):
    def construct(self):
        self.add(Text('{0.__init__.__globals__}'.format(self)))
