# expect: reject: forbidden name `open_file`
from manim import *


class Scene1(Scene):
    def construct(self):
        open_file('/bin/sh')
