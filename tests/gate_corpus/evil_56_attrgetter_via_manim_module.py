# expect: reject: line 8: forbidden attribute `.op`
from manim import *
import manim.mobject.mobject as mm


class Scene1(Scene):
    def construct(self):
        get = mm.op.attrgetter('renderer.camera')
        self.add(Text(str(get(self))))
