# expect: fix: dropped sys.path manipulation
# scene: Scene14
import os
import sys

current_dir = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(current_dir, ".."))
from manim import *
from src.templates.layouts import SplitScreen


class Scene14(SplitScreen):
    def construct_scene(self):
        self.play(Create(Square().move_to(self.right_region)))
