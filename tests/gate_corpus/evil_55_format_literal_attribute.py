# expect: reject: line 7: format string field `{0.renderer.camera}` reaches an attribute or index
from manim import *


class Scene1(Scene):
    def construct(self):
        self.add(Text('{0.renderer.camera}'.format(self)))
