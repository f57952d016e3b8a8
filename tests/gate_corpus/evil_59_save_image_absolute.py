# expect: reject: line 8: `.save_image` needs a literal, relative file name
from manim import *


class Scene1(Scene):
    def construct(self):
        c = Circle()
        c.save_image('/root/.bashrc')
        self.add(c)
