# expect: ok
from manim import *


class Scene20(Scene):
    def construct(self):
        title = Title("Three steps")
        items = BulletedList("Extract the code", "Check the policy", "Fix old APIs", font_size=40)
        self.play(Write(title))
        self.play(Succession(*[FadeIn(item, shift=RIGHT) for item in items], lag_ratio=1))
        self.play(items[1].animate.set_color(YELLOW))
        self.wait()
