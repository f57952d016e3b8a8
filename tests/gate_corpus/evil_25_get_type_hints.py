# expect: reject: forbidden attribute `.get_type_hints`
from manim import *
import typing


class Scene1(Scene):
    def construct(self):
        def f(x: 'exec(chr(105))'): pass
        typing.get_type_hints(f)
