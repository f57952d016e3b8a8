# expect: fix: rewrote `from layouts import` -> `from manim_nb.layouts import`
# scene: Scene13
from manim import *
from layouts import TitleAndMainContent


class Scene13(TitleAndMainContent):
    def construct_scene(self):
        self.play(Write(Text("Hi").move_to(self.title_region)))
