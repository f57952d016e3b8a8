# expect: ok
from manim import *
import numpy as np


class Scene4(Scene):
    def construct(self):
        t = ValueTracker(0)
        axes = Axes(x_range=[0, 6], y_range=[-1, 1], x_length=8, y_length=3)
        curve = always_redraw(lambda: axes.plot(np.sin, x_range=[0, max(t.get_value(), 0.01)], color=GREEN))
        dot = always_redraw(lambda: Dot(axes.c2p(t.get_value(), np.sin(t.get_value())), color=RED))
        number = always_redraw(lambda: DecimalNumber(t.get_value(), num_decimal_places=2).to_corner(UR))
        self.add(axes, curve, dot, number)
        self.play(t.animate.set_value(6), run_time=3, rate_func=linear)
