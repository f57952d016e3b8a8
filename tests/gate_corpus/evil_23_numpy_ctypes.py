# expect: reject: forbidden attribute `.ctypes`
from manim import *
import numpy as np


class Scene1(Scene):
    def construct(self):
        p = np.zeros(4).ctypes.data
