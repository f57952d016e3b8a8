# expect: ok
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from manim import *


@dataclass
class Style:
    color: 'ManimColor' = BLUE
    size: float = 1.0
    mode: Literal['open', 'filled'] = 'filled'
    tags: list[str] = field(default_factory=list)
    label: Optional['Text'] = None

    def __post_init__(self):
        self.size = max(self.size, 0.1)


def make_dot(style: Style) -> 'Dot':
    return Dot(color=style.color, radius=0.1 * style.size)


class Scene24(Scene):
    def construct(self):
        dots = VGroup(*[make_dot(Style(size=s)) for s in (1, 2, 3)]).arrange(RIGHT)
        self.play(FadeIn(dots))
