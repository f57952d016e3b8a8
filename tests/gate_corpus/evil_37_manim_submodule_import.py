# expect: reject: import of module `manim.utils.commands` is not allowed
from manim import *
import manim.utils.commands as c


class Scene1(Scene):
    def construct(self):
        c.capture(['id'])
