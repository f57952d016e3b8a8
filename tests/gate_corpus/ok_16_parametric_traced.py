# expect: ok
from manim import *
import numpy as np


class Scene16(Scene):
    def construct(self):
        circle = Circle(radius=1.5, color=BLUE)
        dot = Dot(circle.point_from_proportion(0), color=YELLOW)
        trail = TracedPath(dot.get_center, stroke_color=YELLOW, stroke_width=3)
        curve = ParametricFunction(lambda t: np.array([np.cos(3 * t), np.sin(2 * t), 0]) * 2,
                                   t_range=[0, TAU], color=PINK)
        self.add(circle, dot, trail)
        self.play(MoveAlongPath(dot, circle), run_time=2, rate_func=linear)
        self.play(Create(curve))
