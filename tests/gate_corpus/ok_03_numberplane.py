# expect: ok
from manim import *


class Scene3(Scene):
    def construct(self):
        plane = NumberPlane(background_line_style={"stroke_opacity": 0.4})
        vec = Arrow(plane.c2p(0, 0), plane.c2p(2, 1), buff=0, color=YELLOW)
        dot = Dot(plane.c2p(2, 1), color=RED)
        self.add(plane)
        self.play(GrowArrow(vec), FadeIn(dot))
        self.play(plane.animate.apply_matrix([[1, 1], [0, 1]]), run_time=2)
        self.wait()
