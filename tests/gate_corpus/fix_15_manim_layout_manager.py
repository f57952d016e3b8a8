# expect: fix: rewrote `from manim_layout_manager import`
from manim import *
from manim_layout_manager import *


class Scene15(SplitScreen):
    def construct_scene(self):
        self.play(Create(Circle().move_to(self.left_region)))
