# expect: reject: line 6: in the type string "np.lib.npyio
import typing
import numpy as np
from manim import *

Loader = typing.Optional["np.lib.npyio.DataSource().open('/etc/passwd')"]


class Scene1(Scene):
    def construct(self):
        self.add(Text(str(Loader)))
