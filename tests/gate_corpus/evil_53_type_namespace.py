# expect: reject: line 7: `type(...)` builds a class from data
import copy
from manim import *

name = '_' * 2 + 'reduce' + '_' * 2
hooks = {name: lambda self: (Text, ('pwned',))}
Box = type('Box', (), hooks)


class Scene1(Scene):
    def construct(self):
        self.add(copy.copy(Box()))
