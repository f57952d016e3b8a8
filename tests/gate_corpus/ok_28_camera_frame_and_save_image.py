# expect: ok
from manim import *


class Scene28(MovingCameraScene):
    def construct(self):
        sq = Square()
        self.add(sq)
        self.play(self.camera.frame.animate.scale(0.5).move_to(sq))
        label = 'a-b'.replace('-', ' ')
        circle = Circle().replace(sq)
        circle.save_image('circle_frame')
        self.play(Create(circle), Write(Text(label)))
