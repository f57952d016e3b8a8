# expect: ok
from manim import *
import random
import math
from itertools import combinations


def make_node(label, color=BLUE):
    circle = Circle(radius=0.35, color=color, fill_opacity=0.3)
    return VGroup(circle, Text(label, font_size=24).move_to(circle))


class Scene18(Scene):
    def construct(self):
        random.seed(3)
        nodes = VGroup(*[make_node(str(i)) for i in range(5)])
        for i, node in enumerate(nodes):
            angle = i * TAU / 5
            node.move_to(2.5 * (math.cos(angle) * RIGHT + math.sin(angle) * UP))
        edges = VGroup(*[Line(a.get_center(), b.get_center(), stroke_opacity=0.5)
                         for a, b in combinations(nodes, 2) if random.random() < 0.6])
        self.play(LaggedStart(*[GrowFromCenter(n) for n in nodes], lag_ratio=0.2))
        self.play(Create(edges))
