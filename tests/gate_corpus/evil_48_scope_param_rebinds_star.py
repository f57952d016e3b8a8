# expect: reject: line 12: forbidden name `save`
import numpy as np
from manim import *


def scaled(save, k=2):
    return save * k


class Scene1(Scene):
    def construct(self):
        save('/tmp/pwned.npy', np.zeros(3))
        self.add(Text(str(scaled(2))))
