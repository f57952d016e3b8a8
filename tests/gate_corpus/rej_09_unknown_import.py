# expect: reject: import of module `pandas` is not allowed
import pandas as pd
from manim import *


class Scene1(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
