# expect: ok
from manim import *


class Scene21(LinearTransformationScene):
    def __init__(self, **kwargs):
        LinearTransformationScene.__init__(self, show_coordinates=True, leave_ghost_vectors=True, **kwargs)

    def construct(self):
        self.add_vector([1, 2], color=YELLOW)
        self.apply_matrix([[2, 1], [1, 1]])
        self.wait()
