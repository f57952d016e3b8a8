# expect: reject: importing `Path` from `manim.mobject.svg.svg_mobject`
from manim import *
from manim.mobject.svg.svg_mobject import Path


class Scene1(Scene):
    def construct(self):
        Path('/etc/passwd').read_text()
