# expect: reject: forbidden keyword `tex_compiler=`
from manim import *


class Scene1(Scene):
    def construct(self):
        tpl = TexTemplate(tex_compiler='sh')
        self.add(Tex('x', tex_template=tpl))
