# expect: ok
import colorsys
from fractions import Fraction
from scipy.integrate import solve_ivp

from manim import *


class Scene1(Scene):
    def construct(self):
        sol = solve_ivp(lambda t, y: [y[1], -y[0]], (0, 3), [1, 0], max_step=0.1)
        path = VMobject().set_points_smoothly([[t, y, 0] for t, y in zip(sol.t, sol.y[0])])
        hue = colorsys.hsv_to_rgb(0.6, 0.8, 0.9)
        label = Text(f"ratio {Fraction(3, 4)}", font_size=24).to_edge(UP)
        self.play(Create(path.set_color(rgb_to_color(hue))), Write(label))
