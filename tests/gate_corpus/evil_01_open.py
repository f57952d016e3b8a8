# expect: reject: forbidden builtin `open`
from manim import *


class Scene1(Scene):
    def construct(self):
        secret = open('/etc/passwd').read()
        self.add(Text(secret[:40]))
