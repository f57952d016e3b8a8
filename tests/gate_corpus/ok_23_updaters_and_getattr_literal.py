# expect: ok
from manim import *


class Scene23(Scene):
    def construct(self):
        sq = Square(color=BLUE)
        clock = Integer(0).to_corner(UL)
        self.elapsed = 0.0

        def tick(mob, dt):
            self.elapsed += dt
            mob.set_value(int(self.elapsed * 10))

        clock.add_updater(tick)
        color = getattr(sq, "color", WHITE)
        self.add(clock)
        self.play(Rotate(sq, angle=PI), run_time=2)
        self.play(sq.animate.set_fill(color, opacity=0.5))
        clock.clear_updaters()
        if __name__ == "__main__":
            self.wait()
