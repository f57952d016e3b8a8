# expect: reject: forbidden
from manim import *


class Scene1(Scene):
    def construct(self):
        utils.commands.capture(['sh', '-c', 'id'])
