# expect: ok
from manim import *
import numpy as np


class Scene2(Scene):
    def construct(self):
        axes = Axes(x_range=[-3, 3, 1], y_range=[-1.5, 1.5, 0.5], tips=False)
        graph = axes.plot(lambda x: np.sin(2 * x), color=BLUE)
        label = axes.get_graph_label(graph, label=r"\sin(2x)")
        area = axes.get_area(graph, x_range=(0, PI / 2), color=YELLOW, opacity=0.4)
        self.play(Create(axes), run_time=1)
        self.play(Create(graph), Write(label))
        self.play(FadeIn(area))
        self.wait()
