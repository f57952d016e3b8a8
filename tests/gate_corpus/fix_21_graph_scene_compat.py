# expect: fix: added `from manim_nb.compat import *`
from manim import *


class Scene1(GraphScene):
    def construct(self):
        self.setup_axes()
        self.play(ShowCreation(self.get_graph(lambda x: x ** 2)))
