# expect: ok
from manim import *


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f'Vec({self.x}, {self.y})'

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def point(self):
        return np.array([self.x, self.y, 0])


class Scene27(Scene):
    def construct(self):
        v = Vec(1, 2) + Vec(0, 1) * 2
        arrow = Arrow(ORIGIN, v.point())
        color = getattr(arrow, 'color', WHITE)
        self.play(GrowArrow(arrow.set_color(color)))
        self.add(Text(repr(v)).to_edge(UP))
