# expect: ok
from manim import *


class Scene13(Scene):
    def construct(self):
        line = NumberLine(x_range=[-5, 5, 1], length=10, include_numbers=True)
        tracker = ValueTracker(-4)
        pointer = Vector(DOWN).add_updater(lambda m: m.next_to(line.n2p(tracker.get_value()), UP))
        value = always_redraw(lambda: DecimalNumber(tracker.get_value()).next_to(pointer, UP))
        self.add(line, pointer, value)
        self.play(tracker.animate.set_value(4), run_time=3)
        self.play(tracker.animate.set_value(0), rate_func=there_and_back)
