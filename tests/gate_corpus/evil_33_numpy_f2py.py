# expect: reject: import of module `numpy.f2py` is not allowed
from manim import *
import numpy.f2py


class Scene1(Scene):
    def construct(self):
        numpy.f2py.compile('x', modulename='m')
