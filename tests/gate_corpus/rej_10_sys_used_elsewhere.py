# expect: reject: import of module `sys` is not allowed
import sys
sys.path.append("..")
from manim import *


class Scene1(Scene):
    def construct(self):
        self.add(Text(sys.version))
