# expect: fix: picked 1 of 2 blocks
# scene: Scene2
First install manim:
```bash
pip install manim
```
A helper:
```python
x = 1
```
The scene:
```py
from manim import *


class Scene2(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
```
