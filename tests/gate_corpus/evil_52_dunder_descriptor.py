# expect: reject: line 6: dunder method `__set_name__` is called implicitly
from manim import *


class Hook:
    def __set_name__(self, owner, name):
        self.owner = owner

    def __get__(self, instance, owner):
        return instance


class Scene1(Scene):
    hook = Hook()

    def construct(self):
        self.add(Circle())
