# expect: reject: forbidden attribute `.Formatter`
from manim import *
import string


class Scene1(Scene):
    def construct(self):
        f = string.Formatter().get_field('0.' + '_' * 2 + 'class' + '_' * 2, [self], {})
