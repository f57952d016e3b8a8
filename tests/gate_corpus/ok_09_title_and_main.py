# expect: ok
from manim import *
from manim_nb.layouts import *


class Scene9(TitleAndMainContent):
    narration_text = "The derivative measures the slope of a curve."
    audio_duration = 4.0

    def construct_scene(self):
        title = self.create_textbox("The derivative", self.title_region.width, self.title_region.height)
        title.move_to(self.title_region)
        eq = MathTex(r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}")
        eq.scale_to_fit_width(self.main_region.width * 0.8).move_to(self.main_region)
        self.play(Write(title))
        self.play(Write(eq), run_time=2)
