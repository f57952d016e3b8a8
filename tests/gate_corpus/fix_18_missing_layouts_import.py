# expect: fix: added `from manim_nb.layouts import *`
from manim import *


class Scene18(TitleAndMainContent):
    def construct_scene(self):
        self.play(Write(Text("Hi").move_to(self.title_region)))
