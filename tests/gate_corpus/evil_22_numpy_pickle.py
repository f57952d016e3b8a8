# expect: reject: forbidden attribute `.tofile`
from manim import *
import numpy as np


class Scene1(Scene):
    def construct(self):
        np.frombuffer(b'cos\nsystem\n', dtype=np.uint8).tofile('p.npy')
        np.load('p.npy', allow_pickle=True)
