# expect: reject: TexTemplate with positional
from manim import *


class Scene1(Scene):
    def construct(self):
        tpl = TexTemplate('', '/bin/sh')
        self.add(Tex('x', tex_template=tpl))
