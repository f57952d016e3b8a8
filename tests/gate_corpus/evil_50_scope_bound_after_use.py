# expect: reject: line 7: forbidden name `capture`
from manim import *


class Scene1(Scene):
    def construct(self):
        capture(['touch', '/tmp/pwned'])


def runs_at_import():
    return Scene1


capture = print
