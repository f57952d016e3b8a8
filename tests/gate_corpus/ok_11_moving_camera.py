# expect: ok
from manim import *


class Scene11(MovingCameraScene):
    def construct(self):
        dots = VGroup(*[Dot(point=[x, 0, 0]) for x in range(-4, 5)])
        target = dots[6]
        self.add(dots)
        self.camera.frame.save_state()
        self.play(self.camera.frame.animate.scale(0.4).move_to(target))
        self.play(target.animate.set_color(RED).scale(2))
        self.play(Restore(self.camera.frame))
