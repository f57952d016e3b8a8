# expect: fix: .get_graph -> .plot
from manim import *


class Scene1(Scene):
    def construct(self):
        ax = Axes()
        g = ax.get_graph(lambda x: x ** 2, color=RED)
        self.play(Create(ax), Create(g))
