# expect: ok
from __future__ import annotations

from manim import *


class LabeledDot(VGroup):
    def __init__(self, label: str, color=WHITE, **kwargs):
        super().__init__(**kwargs)
        self._label = label
        self.dot = Dot(color=color)
        self.text = Text(label, font_size=24).next_to(self.dot, UP, buff=0.1)
        self.add(self.dot, self.text)


class Scene19(Scene):
    def construct(self):
        p = LabeledDot("P", color=RED).shift(LEFT * 2)
        q = LabeledDot("Q", color=BLUE).shift(RIGHT * 2)
        line = DashedLine(p.dot.get_center(), q.dot.get_center())
        self.play(FadeIn(p), FadeIn(q))
        self.play(Create(line))
