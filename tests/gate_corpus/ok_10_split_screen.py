# expect: ok
from manim import *
from manim_nb.layouts import SplitScreen


class Scene10(SplitScreen):
    def construct_scene(self):
        text = self.create_textbox("A hexagon has six sides", self.left_region.width, self.left_region.height, font_size=36)
        text.move_to(self.left_region)
        hexagon = RegularPolygon(n=6, color=TEAL).scale(1.5).move_to(self.right_region)
        self.play(FadeIn(text))
        self.play(Create(hexagon))
        self.play(Rotate(hexagon, angle=PI / 3))
