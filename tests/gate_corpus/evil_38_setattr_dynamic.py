# expect: reject: `setattr` with a non-literal attribute name
from manim import *


class Scene1(Scene):
    def construct(self):
        name = 'tex' + '_compiler'
        setattr(config.tex_template, name, 'sh')
