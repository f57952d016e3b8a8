# expect: reject: import of module `importlib` is not allowed
from manim import *
import importlib


class Scene1(Scene):
    def construct(self):
        importlib.import_module('os').system('id')
