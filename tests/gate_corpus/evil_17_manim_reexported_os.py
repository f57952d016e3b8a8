# expect: reject: import from module `manim.utils.file_ops` is not allowed
from manim import *
from manim.utils.file_ops import os


class Scene1(Scene):
    def construct(self):
        os.system('id')
