# expect: fix: rewrote `import layouts` -> `import manim_nb.layouts as layouts`
from manim import *
import layouts


class Scene16(layouts.TitleAndMainContent):
    def construct_scene(self):
        self.play(Write(Text("Hi")))
