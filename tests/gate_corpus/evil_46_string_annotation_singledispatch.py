# expect: reject: in the annotation string "capture(['touch', '/tmp/pwned'])": forbidden name `capture`
import functools
from manim import *


def describe(x):
    return str(x)


class Scene1(Scene):
    def construct(self):
        show = functools.singledispatch(describe)

        @show.register
        def _(x: "capture(['touch', '/tmp/pwned'])"):
            return "int"

        self.add(Text(show(1)))
