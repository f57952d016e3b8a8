# expect: reject: line 8: `TexTemplate` may only be called directly, with keyword arguments
import functools
from manim import *


class Scene1(Scene):
    def construct(self):
        make = functools.partial(TexTemplate, '', 'sh')
        self.add(Tex('x', tex_template=make()))
