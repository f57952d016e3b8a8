# expect: reject: `.replace` of module `dataclasses` is `dataclasses.replace`
import dataclasses
from manim import *


class Scene1(Scene):
    def construct(self):
        writer = self.renderer.file_writer
        writer.output_plan = dataclasses.replace(writer.output_plan, output_stem='pwned')
