# expect: reject: forbidden builtin `exec`
from manim import *


class Scene1(Scene):
    def construct(self):
        exec('import os; os.system("id")')
