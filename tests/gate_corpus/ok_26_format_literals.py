# expect: ok
from manim import *


class Scene26(Scene):
    def construct(self):
        x, a, b = 3.14159, 'left', 'right'
        lines = VGroup(
            Text('{:.2f}'.format(x)),
            Text('{0} and {1}'.format(a, b)),
            Text('{name}: {value:>6.1f}'.format(name='pi', value=x)),
            Text(f'{x:.3f} and {a!r}'),
            Text('{{braces}} stay'.format()),
            Text(str.format('{} items', 3)),
        ).arrange(DOWN)
        self.play(Write(lines))
