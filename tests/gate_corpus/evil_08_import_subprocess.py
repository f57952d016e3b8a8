# expect: reject: import of module `subprocess` is not allowed
from manim import *
import subprocess


class Scene1(Scene):
    def construct(self):
        subprocess.run(['id'])
