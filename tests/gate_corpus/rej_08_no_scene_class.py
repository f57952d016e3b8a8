# expect: reject: no scene class found
from manim import *


class Helper(VGroup):
    pass
