# expect: reject: line 8: `.format` of a format string that is not a literal
from manim import *


class Scene1(Scene):
    def construct(self):
        field = '_' * 2 + 'class' + '_' * 2
        self.add(Text(('{0.' + field + '}').format(self)))
