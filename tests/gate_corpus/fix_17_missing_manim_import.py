# expect: fix: added `from manim import *`
import numpy as np


class Scene17(Scene):
    def construct(self):
        self.play(Create(Circle(radius=np.sqrt(2))))
