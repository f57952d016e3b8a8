"Render every layout template (and the content fallback, `Explainer`) with manim at -ql; check the clip exists and lasts as long as its narration. Then code written for the seed's layout API (its layout manager, regions, import forms and path hacks): it passes the gate and runs in the sandbox."
import subprocess, sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av, pytest
from manim_nb.templates import TEMPLATES, template_source
from manim_nb.storyboard import SceneSpec, load_storyboard

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = load_storyboard(ROOT / 'examples' / 'pythagoras.yaml')
SEED = load_storyboard(ROOT / 'tests' / 'data' / 'seed_storyboard_1.json')

def _cases():
    "name -> (source, audio_duration): each template once (short narrations keep it fast), plus the content fallback twice."
    cases, seen = {}, set()
    for i, s in enumerate(EXAMPLE.scenes):
        if s.layout in seen: continue
        seen.add(s.layout)
        cases[s.layout] = (template_source(s, EXAMPLE.title, 2.5 + 0.25 * i), 2.5 + 0.25 * i)
    graph = SceneSpec(seq=9, text='A pole at zero.', layout='graph',
                      params=dict(title='One over x', function='1/x', x_range=(-3, 3), label='y = 1/x'))
    cases['graph'] = (template_source(graph, 'Graphs', 2.7), 2.7)
    cap = SEED[2].model_copy(update=dict(text='Quotes "\'\'\' and \\ stay text. ' + SEED[2].text))
    src = template_source(cap, SEED.title, 3.0).replace('\n    def construct_scene', '\n    show_captions = True\n\n    def construct_scene')
    cases['explainer'] = (src, 3.0)
    cases['explainer_figure'] = (template_source(SEED[4], SEED.title, 2.6), 2.6)  # the pendulum storyboard's formula scene
    return cases

CASES = _cases()

def _render(item, tmp:Path):
    name, (src, _) = item
    scene = src.split('class ')[1].split('(')[0]
    work = tmp / name; work.mkdir()
    f = work / f'{scene}.py'; f.write_text(src)
    r = subprocess.run([sys.executable, '-m', 'manim', 'render', '-ql', '--media_dir', str(work / 'media'), str(f), scene],
                       capture_output=True, text=True, timeout=240, cwd=work)
    return name, (r.returncode, r.stderr[-2000:], next((work / 'media').rglob(f'{scene}.mp4'), None))

@pytest.fixture(scope='module')
def renders(tmp_path_factory):
    tmp = tmp_path_factory.mktemp('layouts')
    with ThreadPoolExecutor(2) as ex: return dict(ex.map(lambda it: _render(it, tmp), CASES.items()))

def test_every_template_is_covered():
    assert set(TEMPLATES) | {'explainer', 'explainer_figure'} == set(CASES)
    assert all(' Explainer(' in CASES[k][0] for k in ('explainer', 'explainer_figure'))
    assert "figure='pendulum'" in CASES['explainer_figure'][0] and 'formulas=' in CASES['explainer_figure'][0]
    assert 'show_captions = True' in CASES['explainer'][0]

@pytest.mark.parametrize('name', list(CASES))
def test_renders_for_narration_length(renders, name):
    code, err, mp4 = renders[name]
    assert code == 0, err
    assert mp4 is not None and mp4.stat().st_size > 0
    with av.open(str(mp4)) as c: dur = c.duration / 1e6
    audio = CASES[name][1]
    assert audio - 0.1 <= dur < audio + 1.5, (name, dur, audio)


# --- Code written for the seed's layout API ---------------------------------------------------------------------
# Scenes written the way the seed system's README and prompts tell the model to use its layout API (the layout
# classes, their regions and boxes, and `manim_layout_manager`), with the import forms and `sys.path` hacks those
# prompts show. Each must pass the gate unchanged in meaning and run to the end in the sandbox (a dry run).
from manim_nb.gate import check
from manim_nb.render import RenderJob, render_all

# name -> (scene code, scene class, fixes the gate must report)
SEED_CASES = {
    # README quick start: a plain Scene, a BoundingBox region, the unguarded import
    'readme_quick_start': ('''from manim import *
from manim_layout_manager import LayoutManager, LayoutStrategy, PreferredPosition, BoundingBox

class Scene1(Scene):
    def construct(self):
        region = BoundingBox(-5, -3, 5, 3)  # x_min, y_min, x_max, y_max
        layout_manager = LayoutManager(region=region, padding=0.1, strategy=LayoutStrategy.CONSTRAINT_BASED)
        heading = Text("Kepler's third law", font_size=48)
        law = MathTex(r"T^2 \\propto a^3", font_size=36)
        orbit = Circle(radius=1, color=BLUE)
        layout_manager.add(heading, PreferredPosition.TOP_CENTER, priority=10)
        layout_manager.add(law, PreferredPosition.CENTER, priority=8)
        layout_manager.add(orbit, PreferredPosition.BOTTOM_CENTER, priority=6)
        report = layout_manager.layout()
        for item in layout_manager.items:
            self.add(item.mobject)
        self.wait(1)
        assert report.items_placed == 3 and report.items_with_overflow == 0, report
        assert all(region.contains(item.bounding_box) for item in layout_manager.items)
''', 'Scene1', ['rewrote `from manim_layout_manager import`']),

    # README example 1: a full-frame region from the camera, relative positions, FadeIn in layout order; star import
    'readme_academic_slide': ('''from manim import *
from manim_layout_manager import *

class Scene2(Scene):
    def construct(self):
        region = BoundingBox(
            -self.camera.frame_width/2 + 0.5,
            -self.camera.frame_height/2 + 0.5,
            self.camera.frame_width/2 - 0.5,
            self.camera.frame_height/2 - 0.5
        )
        layout_manager = LayoutManager(region, padding=0.1)
        title = Text("Field lines", font_size=48)
        equation = MathTex(r"\\nabla \\cdot \\vec{E} = \\frac{\\rho}{\\epsilon_0}")
        axes = Axes(x_range=[-2, 2], y_range=[-1, 1], x_length=4, y_length=2)
        graph = VGroup(axes, axes.plot(lambda x: x ** 3 / 8, color=YELLOW))
        caption = Text("Figure 1: a field along one axis", font_size=24)
        layout_manager.add(title, PreferredPosition.TOP_CENTER, priority=10)
        layout_manager.add(equation, PreferredPosition.CENTER, priority=8)
        layout_manager.add(graph, PreferredPosition.BELOW, priority=6)
        layout_manager.add(caption, PreferredPosition.BELOW, priority=4)
        report = layout_manager.layout()
        for item in layout_manager.items:
            self.play(FadeIn(item.mobject))
        assert graph.get_top()[1] < equation.get_bottom()[1] and caption.get_top()[1] < graph.get_bottom()[1]
        assert report.collisions_resolved >= 0 and 0 < report.region_utilization < 1
''', 'Scene2', ['rewrote `from manim_layout_manager import`']),

    # README example 2: the packing strategy, many widgets; the module imported under an alias
    'readme_dashboard_alias': ('''from manim import *
import manim_layout_manager as mlm

class Scene3(Scene):
    def construct(self):
        region = mlm.BoundingBox(-6, -4, 6, 4)
        layout_manager = mlm.LayoutManager(region, strategy=mlm.LayoutStrategy.PACKING_BASED, min_item_padding=0.1)
        widgets = []
        for i in range(12):
            widget = VGroup(Rectangle(width=1, height=0.8, color=BLUE), Text(f"Widget {i+1}", font_size=16))
            widgets.append(widget)
            layout_manager.add(widget, priority=i)
        report = layout_manager.layout()
        for item in layout_manager.items:
            self.add(item.mobject)
        self.wait(0.5)
        boxes = [item.bounding_box for item in layout_manager.items]
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        assert report.strategy_used == mlm.LayoutStrategy.PACKING_BASED and report.items_placed == 12
''', 'Scene3', ['rewrote `import manim_layout_manager` -> `import manim_nb.layouts as mlm`']),

    # the seed's system prompt: its mandatory import block (path hack, guarded import), a template, class attributes
    'prompt_import_block': ('''import sys
sys.path.append(r'C:\\Users\\student\\Notes2Manim\\langChan_tst')
from manim import *
try:
    from manim_layout_manager import LayoutManager, LayoutStrategy, PreferredPosition, BoundingBox
    LAYOUT_MANAGER_AVAILABLE = True
except ImportError:
    LAYOUT_MANAGER_AVAILABLE = False
from src.templates.layouts import TitleAndMainContent
import numpy as np

class Scene4(TitleAndMainContent):
    def construct_scene(self):
        title = self.create_textbox("Photosynthesis", self.title_region.width, self.title_region.height)
        title.move_to(self.title_region.get_center())
        leaf = Ellipse(width=3, height=1.5, color=GREEN)
        sun = Circle(radius=0.6, color=YELLOW)
        arrow = Arrow(LEFT, RIGHT, color=ORANGE)
        if LAYOUT_MANAGER_AVAILABLE:
            layout_manager = LayoutManager(self.main_bbox, padding=0.1)
            layout_manager.add(leaf, PreferredPosition.CENTER_RIGHT, priority=8)
            layout_manager.add(sun, PreferredPosition.TOP_LEFT, priority=6)
            layout_manager.add(arrow, PreferredPosition.CENTER, priority=4)
            layout_manager.layout()
            for item in layout_manager.items:
                self.add(item.mobject)
        else:
            VGroup(sun, arrow, leaf).arrange(RIGHT).move_to(self.main_region.get_center())
        self.play(Write(title))
        self.play(Create(leaf), FadeIn(sun), GrowArrow(arrow))
        self.wait(1)
        assert LAYOUT_MANAGER_AVAILABLE
        assert self.main_bbox.contains(layout_manager.items[0].bounding_box)
        self.play(FadeOut(title))

Scene4.narration_text = \'\'\'Plants turn light, water and air into sugar.\'\'\'
Scene4.audio_duration = 5.0
''', 'Scene4', ['dropped sys.path manipulation', 'dropped `import sys`', 'rewrote `from src.templates.layouts import`']),

    # the seed's wrapper around a bare construct_scene body that uses the layout manager and imports nothing
    'prompt_wrapped_body': ('''import sys
sys.path.append(r'/home/user/langChan_tst')
from src.templates.layouts import TitleAndMainContent

class Scene5(TitleAndMainContent):
    def construct_scene(self):
        title = self.create_textbox("Vectors", self.title_region.width, self.title_region.height)
        title.move_to(self.title_region.get_center())
        layout_manager = LayoutManager(self.main_bbox, padding=0.1)
        arrow = Arrow(ORIGIN, RIGHT * 2 + UP, buff=0, color=YELLOW)
        label = MathTex(r"\\vec{v}")
        layout_manager.add(arrow, PreferredPosition.CENTER, priority=8)
        layout_manager.add(label, PreferredPosition.RIGHT_OF, priority=5)
        layout_manager.layout()
        for item in layout_manager.items:
            self.add(item.mobject)
        self.play(Write(title))
        self.wait(1)
        assert label.get_left()[0] > arrow.get_right()[0]

# Set narration and duration
Scene5.narration_text = \'\'\'A vector has a length and a direction.\'\'\'
Scene5.audio_duration = 5.0
''', 'Scene5', ['added `from manim import *`', 'added `from manim_nb.layouts import *`']),

    # the layout manager imported inside the method, guarded; regions of a split screen passed as mobjects
    'split_screen_regions': ('''import os, sys
project_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if project_root not in sys.path:
    sys.path.insert(0, project_root)
from manim import *
from layouts import SplitScreen

class Scene6(SplitScreen):
    def construct_scene(self):
        try:
            from manim_layout_manager import LayoutManager, PreferredPosition
        except ImportError:
            LayoutManager = None
        left_title = self.create_textbox("Before", self.left_region.width * 0.8, 1.0)
        left_title.move_to(self.left_region.get_top() + DOWN * 0.7)
        right_title = Text("After", font_size=40).next_to(self.right_region.get_top(), DOWN)
        right_title.align_to(self.right_region, RIGHT)
        box = Square(side_length=min(self.left_region.width, self.left_region.height) * 0.5).move_to(self.left_region)
        corner = Dot(color=RED).move_to(self.left_region.get_corner(DL) + np.array([0.3, 0.3, 0]))
        mid = (self.left_region.get_center() + self.right_region.get_center()) / 2
        divider = Line(mid + UP * self.left_region.height / 2, mid + DOWN * self.left_region.height / 2)
        note = Text("same area", font_size=24).next_to(self.left_region, DOWN, buff=0.1)
        tip = Dot().move_to(self.right_region.get_critical_point(UL))
        layout_manager = LayoutManager(self.right_region, padding=0.2)
        for i in range(3):
            layout_manager.add(Triangle(color=TEAL).scale(0.6), PreferredPosition.BELOW if i else PreferredPosition.TOP_CENTER, priority=3 - i)
        layout_manager.layout()
        self.play(Write(left_title), Write(right_title), Create(divider))
        self.play(Create(box), FadeIn(corner), FadeIn(note), FadeIn(tip))
        self.play(*[FadeIn(item.mobject) for item in layout_manager.items])
        assert self.left_region.get_left()[0] < box.get_center()[0] < self.left_region.get_right()[0]
        assert self.right_bbox.contains(layout_manager.items[2].bounding_box)
        assert abs(self.left_bbox.width - self.left_region.width) < 1e-6
        assert right_title.get_right()[0] == self.right_region.get_right()[0]
''', 'Scene6', ['dropped sys.path manipulation', 'dropped `import os`', 'dropped `import sys`', 'rewrote `from layouts import`']),

    # every enum member, both strategies, BoundingBox's methods, points, scale limits, the report, debug visuals
    'api_values': ('''from manim import *
from manim_layout_manager import LayoutManager, LayoutStrategy, PreferredPosition, BoundingBox
import numpy as np

class Scene7(Scene):
    def construct(self):
        region = BoundingBox(-6, -3.5, 6, 3.5)
        assert region.width == 12 and region.height == 7 and np.allclose(region.center, ORIGIN)
        assert region.overlaps(BoundingBox(5, 3, 7, 4)) and not region.overlaps(BoundingBox(6, 0, 7, 1))
        assert region.contains(BoundingBox(-1, -1, 1, 1)) and not region.contains(BoundingBox(-7, 0, 0, 1))
        inner = region.expand_by_padding(-0.5)
        assert inner.x_min == -5.5 and inner.y_max == 3.0
        for strategy in (LayoutStrategy.CONSTRAINT_BASED, LayoutStrategy("packing_based")):
            layout_manager = LayoutManager(region, padding=0.05, strategy=strategy, min_item_padding=0.02,
                                           overflow_indicator_color=RED, max_iterations=50)
            for k, position in enumerate(PreferredPosition):
                item = layout_manager.add(Square(0.6).add(Text(position.value[:6], font_size=12)), position, priority=20 - k)
                assert item.priority == 20 - k and item.final_scale == 1.0
            layout_manager.add(Dot(color=RED), np.array([2.0, -1.0, 0.0]), priority=0)
            layout_manager.add(Rectangle(width=20, height=1), min_scale=0.1, max_scale=2.0)
            report = layout_manager.layout()
            assert report.total_items == len(PreferredPosition) + 2 and report.items_placed == report.total_items
            assert report.items_scaled >= 1 and report.items_with_overflow == 0, report.warnings
            assert len(report.item_reports) == report.total_items and report.item_reports[0]["final_position"] is not None
            self.add(*[item.mobject for item in layout_manager.items], layout_manager.get_debug_visuals())
            self.wait(0.5)
            self.clear()
            layout_manager.clear()
            assert layout_manager.items == []
        crowded = LayoutManager(BoundingBox(-1, -1, 1, 1), padding=0)
        crowded.add(Square(1.9), priority=1)
        crowded.add(Square(1.9), min_scale=0.8)
        report = crowded.layout()
        assert report.items_with_overflow == 1 and report.warnings and crowded.overflow_indicators
''', 'Scene7', ['rewrote `from manim_layout_manager import`']),

    # `import src.templates.layouts` spelled out where used, `from src.templates import layouts`, module functions
    'package_import_forms': ('''from manim import *
import src.templates.layouts
from src.templates import layouts as seed_layouts

class Scene8(src.templates.layouts.TitleAndMainContent):
    def construct_scene(self):
        heading = self.create_textbox("Two imports", self.title_region.width, self.title_region.height)
        self.play(FadeIn(heading.move_to(self.title_region)))
        manager = seed_layouts.LayoutManager(self.main_bbox)
        manager.add(Star(color=YELLOW), seed_layouts.PreferredPosition.BOTTOM_RIGHT)
        manager.layout()
        self.play(*[GrowFromCenter(item.mobject) for item in manager.items])
        assert manager.items[0].mobject.get_right()[0] <= self.main_region.get_right()[0] + 1e-6
''', 'Scene8', ['rewrote `import src.templates.layouts` -> `import manim_nb.layouts`',
               'rewrote `from src.templates import layouts as seed_layouts` -> `import manim_nb.layouts as seed_layouts`']),

    # the seed's fallback scene: text boxes in both regions, then faded out (a path hack in a method too)
    'fallback_text_scene': ('''from layouts import TitleAndMainContent

class Scene9(TitleAndMainContent):
    def construct_scene(self):
        import sys
        sys.path.append("..")
        title_text = self.create_textbox("Scene 9",
                                       self.title_region.width,
                                       self.title_region.height,
                                       font_size=36)
        title_text.move_to(self.title_region.get_center())
        main_text = self.create_textbox("Content could not be generated, so here is the narration instead.",
                                      self.main_region.width,
                                      self.main_region.height,
                                      font_size=24)
        main_text.move_to(self.main_region.get_center())
        self.play(Write(title_text))
        self.wait(1)
        self.play(Write(main_text))
        self.wait(3)
        self.play(FadeOut(title_text), FadeOut(main_text))

Scene9.narration_text = "Content could not be generated, so here is the narration instead."
Scene9.audio_duration = 5.0
''', 'Scene9', ['dropped sys.path manipulation', 'dropped `import sys`', 'added `from manim import *`']),

    # regions as mobjects and as boxes in a title-and-content scene: next_to, align_to, arithmetic, box edges
    'regions_as_mobjects': ('''from manim import *
from src.templates.layouts import TitleAndMainContent

class Scene10(TitleAndMainContent):
    def construct_scene(self):
        title = Text("Regions", font_size=44).move_to(self.title_region)
        underline = Line(self.title_region.get_corner(DL), self.title_region.get_corner(DR), color=BLUE)
        top_left = Text("top left", font_size=24).move_to(self.main_region.get_corner(UL), aligned_edge=UL)
        graph_area = Rectangle(width=self.main_region.width * 0.5, height=self.main_region.height * 0.6)
        graph_area.next_to(self.main_region.get_bottom(), UP, buff=0.2).align_to(self.main_region, RIGHT)
        shifted = Dot().move_to(self.main_region.get_center() + 0.25 * self.main_region.width * LEFT)
        width_bar = Line(self.main_region.get_left(), self.main_region.get_right()).shift(DOWN * 0.1)
        self.add(self.title_region, self.main_region)
        self.play(Write(title), Create(underline))
        self.play(FadeIn(top_left), Create(graph_area), FadeIn(shifted), Create(width_bar))
        self.play(title.animate.next_to(self.title_region, DOWN, buff=-self.title_region.height))
        assert self.main_region.x_min < shifted.get_x() < self.main_region.get_center()[0]
        assert self.title_bbox.y_min >= self.main_bbox.y_max
        assert abs(graph_area.get_right()[0] - self.main_region.x_max) < 1e-6
''', 'Scene10', ['rewrote `from src.templates.layouts import`']),
}


@pytest.mark.parametrize('name', list(SEED_CASES))
def test_seed_code_passes_the_gate(name):
    code, scene, fixes = SEED_CASES[name]
    v = check(code, scene)
    assert v.ok, v.errors
    for f in fixes: assert any(f in x for x in v.fixes), (f, v.fixes)
    assert v.scene == scene and 'manim_layout_manager' not in v.code and 'src.templates' not in v.code
    assert 'sys.path' not in v.code
    again = check(v.code, scene)  # the fixed code is a fixed point
    assert again.ok and again.fixes == [] and again.code == v.code


@pytest.fixture(scope='module')
def seed_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp('seed')
    jobs = [RenderJob(check(code, scene).code, scene, tmp / name, dry_run=True) for name, (code, scene, _) in SEED_CASES.items()]
    return dict(zip(SEED_CASES, render_all(jobs, workers=2)))


@pytest.mark.parametrize('name', list(SEED_CASES))
def test_seed_code_runs_in_the_sandbox(seed_runs, name):
    r = seed_runs[name]
    assert r.ok, (r.reason, r.error)
