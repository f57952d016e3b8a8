# expect: ok
from manim import *


def load(n):
    return [Dot() for _ in range(n)]


def place(save, test=1, select=None):
    "A helper whose parameters happen to share names with numpy's and manim's functions."
    return save * test


class Scene25(Scene):
    def construct(self):
        capture = VGroup(*load(3)).arrange(RIGHT)
        open_items = [place(i) for i in range(3)]
        labels = {'save': Text(str(open_items[0])), 'a.b': Text('ab'), 'input-output': Text('io')}
        self.add(capture, labels['save'].next_to(capture, UP), labels['input-output'], labels['a.b'])
        counter = 0

        def bump():
            nonlocal counter
            counter += 1

        bump()
        self.wait()
