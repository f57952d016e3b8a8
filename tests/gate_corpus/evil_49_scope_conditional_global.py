# expect: reject: line 11: forbidden name `capture`
from manim import *

if False:
    def capture(cmd):
        return cmd


class Scene1(Scene):
    def construct(self):
        capture(['touch', '/tmp/pwned'])
        self.wait()
