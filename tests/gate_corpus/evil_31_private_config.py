# expect: reject: private attribute `._config`
from manim import *


class Scene1(Scene):
    def construct(self):
        import manim
        manim._config.logger_utils
