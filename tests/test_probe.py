"The probe in the pipeline and the CLI: failing model code is fixed by rules before any paid repair; clean code is left alone."
import json, subprocess, sys
from pathlib import Path

import pytest

from manim_nb.core import SceneCode
from manim_nb.pipeline import Run, RunOptions
from manim_nb.probe import RULES, probe
from manim_nb.storyboard import parse_storyboard

OLD = {  # what models write for other manim versions: each fails as written, each has a rule
    1: 'class {n}(Scene):\n    def construct(self):\n        c = Circle(color=BROWN).shift(FRAME_WIDTH / 4 * LEFT)\n        self.play(ShowCreation(c))\n',
    2: 'class {n}(Scene):\n    def construct(self):\n        ax = Axes(x_range=[0, 3], y_range=[0, 9], x_lenght=5)\n        self.add(ax, ax.plot(lambda x: x * x))\n        self.camera.frame.scale(1.1)\n        self.wait(0.2)\n',
    3: 'from manim import *\nclass {n}(Scene):\n    def construct(self):\n        t = MathTex(r"a ≤ b → c")\n        s = Square().scale_to_fit(2)\n        self.add(t, s)\n        self.wait(0.2)\n',
}
GOOD = 'from manim import *\nclass {n}(Scene):\n    def construct(self):\n        self.add(Square()); self.wait(0.2)\n'

class Canned:
    "A provider answering with fixed code per scene, recording what each repair round was asked."
    def __init__(self, codes, client=None, batch=True): self.codes, self.asked = codes, []
    name = 'canned'
    def identity(self): return 'canned-1'
    def generate(self, scenes, run):
        return {s.seq: SceneCode(self.codes[s.seq].format(n=s.name), 'batch', scene=s.name) for s in scenes}
    def repair(self, failures, run):
        self.asked.append(failures); return {}

def storyboard(n):
    return parse_storyboard(dict(title='Probe', scenes=[dict(seq=i, text=f'Scene {i}.', layout='custom') for i in range(1, n + 1)]))

def test_old_api_code_renders_without_a_repair_round(tmp_path):
    p = Canned(OLD)
    run = Run(storyboard(3), tmp_path/'run', RunOptions(provider='offline', tts='none', workers=2, repair_rounds=1, no_cache=True), provider=p)
    run.execute()
    df = run.outcomes
    assert list(df.render_status) == ['ok'] * 3 and list(df.codegen_source) == ['batch'] * 3, df[['error']].to_string()
    assert all(df.probe_rounds > 0) and p.asked == []  # no paid repair was needed
    fixes = ' '.join(df.gate_fixes)
    for name in ('name_from_other_manim', 'keyword', 'moving_camera', 'closest_attribute'): assert name in fixes, fixes
    code = run.path('code', 2).read_text()
    assert 'x_length=5' in code and 'MovingCameraScene' in code

def test_clean_code_is_never_probed_or_edited(tmp_path):
    run = Run(storyboard(2), tmp_path/'run', RunOptions(provider='offline', tts='none', workers=2, no_cache=True),
              provider=Canned({1: GOOD, 2: GOOD})).execute()
    df = run.outcomes
    assert list(df.render_status) == ['ok', 'ok'] and list(df.probe_rounds) == [0, 0] and list(df.gate_fixes) == ['', '']
    assert run.path('code', 1).read_text().startswith(GOOD.format(n='Scene1'))

def test_what_the_probe_cannot_fix_reaches_the_repair_prompt_with_a_diagnosis(tmp_path):
    bad = 'from manim import *\nclass {n}(Scene):\n    def construct(self):\n        g = VGroup(Square(), Circle())\n        self.add(g[5])\n'
    p = Canned({1: bad})
    run = Run(storyboard(1), tmp_path/'run', RunOptions(provider='offline', tts='none', workers=1, repair_rounds=1, no_cache=True), provider=p)
    run.execute()  # the template takes over after the (empty) repair round
    assert run.outcomes.codegen_source[0] == 'template'
    (scene, code, error), = p.asked[0]
    assert 'IndexError' in error and '>    5 |         self.add(g[5])' in error, error

def test_check_probe_cli(tmp_path):
    f = tmp_path/'old.py'; f.write_text(OLD[2].format(n='Scene1'))
    r = subprocess.run([sys.executable, '-m', 'manim_nb', 'check', str(f), '--probe', '--json'], capture_output=True, text=True, timeout=300)
    out = json.loads(r.stdout)
    assert r.returncode == 0 and out['ok'] and out['probe_rounds'] >= 2 and 'x_length=5' in out['code'], r.stdout + r.stderr
    assert any(x.startswith('keyword:') for x in out['fixes']) and any(x.startswith('moving_camera:') for x in out['fixes'])
    plain = subprocess.run([sys.executable, '-m', 'manim_nb', 'check', str(f), '--json'], capture_output=True, text=True, timeout=120)
    assert json.loads(plain.stdout)['ok'] is True and 'probe_rounds' not in plain.stdout  # the gate alone cannot see it fail

def test_a_fix_that_does_not_help_is_undone(tmp_path):
    "Spelling ≤ for LaTeX does not make an undefined macro typeset: that fix is undone, and the formula becomes text."
    code = 'from manim import *\nclass S(Scene):\n    def construct(self):\n        t = MathTex(r"a ≤ \\foo b")\n        self.add(t)\n'
    res = probe(code, 'S')
    assert res.ok and 'Text(' in res.code and res.undone == ['tex_spelling'], (res.error, res.fixes, res.undone)
    assert [f.split(':')[0] for f in res.fixes] == ['tex_as_text']

MIXED = '''from manim import *
class {n}(Scene):
    def construct(self):
        row = HGroup(Square(color=DARK_SLATE_GRAY), Circle(color=Color("#ff8800")))
        ring = SurroundingCircle(row)
        label = Tex(r"\\arcsin(1/2) = ?").next_to(ring, DOWN)
        self.play(Create(row), Create(ring), Write(label))
        self.wait(0.2 × 2)
'''

def test_names_models_reach_for_typography_and_math_outside_dollars():
    "Hallucinated mobjects run as meant, colours and classes of other flavours map, prose punctuation and a formula in Tex are fixed."
    res = probe(MIXED.format(n='Scene1'), 'Scene1')
    assert res.ok, (res.error, res.fixes)
    rules = {f.split(':')[0] for f in res.fixes}
    assert {'ascii_punctuation', 'name_from_other_manim', 'tex_math_mode'} <= rules, res.fixes
    assert 'X11.DARKSLATEGRAY' in res.code and 'ManimColor("#ff8800")' in res.code and 'MathTex(r"\\arcsin' in res.code
    assert 'HGroup(' in res.code and 'SurroundingCircle(row)' in res.code  # ours: kept as written

GRAPH = '''from manimlib import *
class {n}(GraphScene):
    CONFIG = {{"x_min": -2, "x_max": 2, "y_min": 0, "y_max": 4, "graph_origin": 2 * DOWN, "x_labeled_nums": [-2, 0, 2]}}
    def construct(self):
        self.setup_axes(animate=True)
        g = self.get_graph(lambda x: x ** 2, color=YELLOW)
        self.play(ShowCreation(g), Write(self.get_graph_label(g, "x^2")))
        self.play(FadeIn(self.get_area(g, 0, 1)), ShowCreation(self.get_vertical_line_to_graph(1, g)))
'''
GL = '''from manimlib import *
class {n}(Scene):
    CONFIG = {{"radius": 0.5, "tail": 1.5}}
    def construct(self):
        line = NumberLine(x_min=-3, x_max=3, tick_frequency=1)
        curve = ParametricFunction(lambda t: np.array([t, np.sin(t), 0]), t_min=0, t_max=PI)
        dot = SmallDot(line.n2p(1))
        self.play(FadeIn(line, UP), ShowCreation(curve))
        self.play(FadeIn(Circle(radius=self.radius).shift(self.tail * LEFT), DOWN), GrowFromCenter(dot))
        self.play(self.frame.animate.scale(1.2), run_time=0.5)
        self.wait(np.float(get_norm(RIGHT)) * 0.2)
'''

def test_code_for_other_manim_flavours_runs():
    "Old Community code (GraphScene, CONFIG) and manimgl code (its imports, helpers, `self.frame`, range keywords, directions by position) run, meaning what they meant."
    g = probe(GRAPH.format(n='Scene1'), 'Scene1')
    assert g.ok and g.rounds == 1, (g.error, g.fixes)  # accepted by the gate and run at once: compat has GraphScene
    assert 'from manim_nb.compat import *' in g.code and 'class Scene1(GraphScene)' in g.code
    m = probe(GL.format(n='Scene1'), 'Scene1')
    assert m.ok, (m.error, m.fixes)
    rules = {f.split(':')[0] for f in m.fixes}
    assert {'range_keywords', 'direction_as_shift', 'config_dict', 'moving_camera', 'numpy_alias'} <= rules, m.fixes
    for part in ('x_range=[-3, 3, 1]', 't_range=[0, PI]', 'FadeIn(line, shift=UP)', 'radius = 0.5', 'self.camera.frame.animate', 'MovingCameraScene'):
        assert part in m.code, (part, m.code)
    assert 'dropped' not in ' '.join(m.fixes)  # nothing the code asked for was thrown away

SHAPES = '''from manim import *
class {n}(Scene):
    def construct(self):
        corner = [2, 1]
        dot = Dot(corner, color="crimson")
        edge = Line([-2, -1], [2, -1], color="light_blue")
        count = Text(len(self.mobjects) + 3).next_to(edge, DOWN)
        m = Matrix([[1, 2], [3, 4]]).to_edge(LEFT)
        m.get_column(1).set_color(RED)
        listing = Code(code="x = 1", language="python").to_edge(RIGHT)
        self.play(Create(edge), FadeIn(dot), Write(count), FadeIn(m, listing), run_time=0.5)
'''

def test_values_of_the_wrong_shape_or_type_are_read_as_meant():
    "Two-coordinate points get a zero z, a number given to Text becomes its digits, colour names manim does not parse become its constants, renamed accessors and keywords their installed spelling."
    res = probe(SHAPES.format(n='Scene1'), 'Scene1')
    assert res.ok, (res.error, res.fixes)
    assert {'point_3d', 'color_string', 'text_of_value', 'plural_accessor', 'keyword'} <= {f.split(':')[0] for f in res.fixes}, res.fixes
    for part in ('m.get_columns()[1]', 'Code(code_string="x = 1"', 'corner = [2, 1, 0]', 'Line([-2, -1, 0], [2, -1, 0]', 'Text(str(len(self.mobjects) + 3))', 'XKCD.CRIMSON', 'X11.LIGHTBLUE'):
        assert part in res.code, (part, res.code)

PROSE = '''Here is the scene.
```python
This script meets all the requirements:
- step‐by‐step, as asked
from manim import *
class {n}(Scene):
    def construct(self):
        law = MathTex(r"\\neg(A ∧ B) = ¬A ∨ ¬B")
        dot = Dot().add_updater(lambda m, dt: m.shift(0.1 * dt * RIGHT))
        self.play(Write(law), FadeIn(dot), run_time=0.5)
        dot.remove_updater()
        self.wait(0.2)
```'''

def test_prose_in_the_fence_logic_symbols_and_an_argless_updater_removal():
    res = probe(PROSE.format(n='Scene1'), 'Scene1')
    assert res.ok, (res.error, res.fixes)
    assert any('inside the fence' in f for f in res.fixes) and {'tex_spelling', 'argless_twin'} <= {f.split(':')[0] for f in res.fixes}, res.fixes
    assert r'\wedge' in res.code and 'dot.clear_updaters()' in res.code and 'MathTex(' in res.code  # still a formula, not text

SURFACE = '''from manim import *
class {n}(ThreeDScene):
    def construct(self):
        ax = ThreeDAxes()
        s = Surface(lambda u, v: ax.c2p(u, v, np.sin(u) * np.cos(v)), u_range=[-3, 3], v_range=[-3, 3], resolution=(30, 30))
        self.set_camera_orientation(phi=70 * DEGREES, theta=30 * DEGREES)
        self.add(ax, s)
        self.begin_ambient_camera_rotation(rate=0.3)
        self.wait(4)
'''

def test_a_dry_run_does_not_draw():
    "A dry run asks whether `construct` runs, not what it draws: a rotating 3D surface (over 30 s of drawing at -ql) answers within 20 s."
    res = probe(SURFACE.format(n='Scene1'), 'Scene1', timeout=20)
    assert res.ok and res.rounds == 1, res.error

FLAT = '''from manim import *
from manim_nb.layouts import *
class {n}(TitleAndMainContent):
    def construct_scene(self):
    title = self.create_textbox("Squares", self.title_region.width, self.title_region.height)
    self.play(Write(title.move_to(self.title_region)))
    squares = VGroup()
    for i in range(3):
    squares.add(Square(0.5 + 0.2 * i))

    squares.arrange(RIGHT).move_to(self.main_region)
    if len(squares) == 3:
    self.play(Create(squares))
    else:
    self.add(squares)
'''

def test_a_body_a_harness_flattened_is_nested_again():
    "Every line of the answer at one level (a harness stripped them): bodies go back under their headers, and it runs."
    res = probe(FLAT.format(n='Scene1'), 'Scene1')
    assert res.ok, (res.error, res.fixes)
    assert any(f.startswith('flattened_blocks') for f in res.fixes), res.fixes
    assert '        for i in range(3):\n            squares.add(' in res.code and '        else:\n            self.add(squares)' in res.code, res.code
