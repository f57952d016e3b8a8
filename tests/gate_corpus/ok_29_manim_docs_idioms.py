# expect: ok
import manim
from manim import *


class Scene29(Scene):
    def construct(self):
        banner = Title(f'Manim version {manim.__version__}')
        pts = np.random.default_rng(0).uniform(-2, 2, size=(4, 3))
        dots = VGroup(*[Dot(p) for p in pts])
        self.play(Create(Circle()), rate_func=rate_functions.smooth)
        self.add(banner, dots)
