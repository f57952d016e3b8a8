# expect: fix: renamed scene class MyScene -> Scene20
# scene: Scene20
Here is the code:
```python
import sys, os
sys.path.append(os.path.dirname(__file__))
from src.templates.layouts import TitleAndMainContent

class MyScene(TitleAndMainContent):
    def construct_scene(self):
        t = TextMobject("Hi").move_to(self.title_region)
        self.play(ShowCreation(t), FadeInFromDown(Dot()))
```
