# expect: ok
from dataclasses import dataclass
from typing import List

from manim import *
from manim_nb.layouts import TemplateScene


@dataclass
class Step:
    text: str
    color: str


STEPS: List[Step] = [Step("Collect", BLUE), Step("Sort", GREEN), Step("Merge", ORANGE)]


class Scene22(TemplateScene):
    audio_duration = 3.0

    def construct_scene(self):
        boxes = VGroup()
        for step in STEPS:
            box = RoundedRectangle(width=3, height=1, corner_radius=0.2, color=step.color)
            boxes.add(VGroup(box, Text(step.text, font_size=28).move_to(box)))
        boxes.arrange(RIGHT, buff=0.5)
        arrows = VGroup(*[Arrow(a.get_right(), b.get_left(), buff=0.1) for a, b in zip(boxes, boxes[1:])])
        self.play(LaggedStart(*[FadeIn(b) for b in boxes], lag_ratio=0.4))
        self.play(*[GrowArrow(a) for a in arrows])
