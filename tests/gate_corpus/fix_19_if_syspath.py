# expect: fix: dropped sys.path manipulation
import sys
if '/app/src' not in sys.path:
    sys.path.append('/app/src')
from manim import *


class Scene1(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
