# expect: reject: line 7: dunder method `__reduce_ex__` is called implicitly
import copy
from manim import *


class Payload(VMobject):
    def __reduce_ex__(self, protocol):
        return (Text, ('pwned',))


class Scene1(Scene):
    def construct(self):
        self.add(copy.deepcopy(Payload()))
