# expect: ok
from manim import *


class Scene14(Scene):
    """Right triangle with squares on its sides."""

    def construct(self):
        a, b = 3, 4
        tri = Polygon(ORIGIN, RIGHT * a, UP * b, color=WHITE).scale(0.5).move_to(ORIGIN)
        right_angle = RightAngle(Line(tri.get_vertices()[0], tri.get_vertices()[1]),
                                 Line(tri.get_vertices()[0], tri.get_vertices()[2]), length=0.25)
        labels = VGroup(MathTex("a"), MathTex("b"), MathTex("c"))
        labels[0].next_to(tri, DOWN)
        labels[1].next_to(tri, LEFT)
        labels[2].move_to(tri.get_center() + 0.5 * UR)
        self.play(Create(tri), Create(right_angle))
        self.play(Write(labels))
        self.play(Write(MathTex("a^2 + b^2 = c^2").to_edge(UP)))
