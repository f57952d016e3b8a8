# expect: reject: forbidden name `capture`
from manim import *


class Scene1(Scene):
    def construct(self):
        out = capture(['cat', '/etc/passwd'])
        self.add(Text(str(out)[:30]))
