# expect: reject: import of module `builtins` is not allowed
from manim import *
import builtins


class Scene1(Scene):
    def construct(self):
        builtins.open('/etc/shadow')
