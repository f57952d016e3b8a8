# expect: fix: extracted code
```python
from manim import *


class Scene1(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
