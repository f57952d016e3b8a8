# expect: fix: TextMobject -> Text
from manim import *


class Scene1(Scene):
    def construct(self):
        t = TextMobject('Hello')
        self.play(Write(t))
