# expect: ok
# scene: Scene1
# A model that explains itself in comments, fences included:
# ```python
# self.play(Create(circle))
# ```
from manim import *

class Scene1(Scene):
    def construct(self):
        circle = Circle()
        self.play(Create(circle))
