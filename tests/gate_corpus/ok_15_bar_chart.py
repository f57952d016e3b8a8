# expect: ok
from manim import *


class Scene15(Scene):
    def construct(self):
        chart = BarChart(values=[3, 5, 2, 6], bar_names=["A", "B", "C", "D"], y_range=[0, 8, 2],
                         y_length=5, x_length=8)
        title = Text("Sales by quarter", font_size=36).to_edge(UP)
        self.play(Write(title))
        self.play(Create(chart), run_time=2)
        self.play(chart.animate.change_bar_values([4, 6, 3, 7]))
