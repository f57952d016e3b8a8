# expect: reject: line 7: forbidden attribute `.save_text`
from manim import *


class Scene1(Scene):
    def construct(self):
        console.save_text('/root/.profile')
