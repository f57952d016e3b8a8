# expect: fix: extracted code from a markdown fence
# scene: Scene1
Sure! Here is the scene you asked for:

```python
from manim import *


class Scene1(Scene):
    def construct(self):
        circle = Circle(color=BLUE)
        self.play(Create(circle))
        self.wait()
```

Run it with `manim -ql scene.py Scene1`.
