"Layout QA: each defect kind found in a rendered scene, clean layouts silent, the record is untrusted data, the rules fix what they can, runs write OUT/qa."
import json, subprocess, sys
from pathlib import Path

import pytest

from manim_nb.core import SceneCode
from manim_nb.geometry import BadRecord, check_record, read_record
from manim_nb.pipeline import Run, RunOptions
from manim_nb.providers import OfflineProvider
from manim_nb.qa import fix_layout, qa
from manim_nb.storyboard import SceneSpec, Storyboard

HEAD = 'from manim import *\nclass S(Scene):\n    def construct(self):\n'
def scene(body:str) -> str: return HEAD + ''.join('        ' + l + '\n' for l in body.strip().splitlines())
def kinds(code, **kw): return sorted({i['kind'] for i in qa(code, 'S', dry_run=True, **kw).issues})

DEFECTS = {
    'off_frame': 'eq = MathTex("x^2 + y^2 = r^2").shift(DOWN * 3.9)\nself.play(Write(eq))\nself.wait()',
    'off_frame_wide': 'line = Text("a sentence far too long to fit on one line of a video frame at this size", font_size=40)\nself.add(line)\nself.wait()',
    'off_frame_moved_later': 'd = Text("drifts").shift(UP * 2)\nself.play(FadeIn(d))\nself.play(d.animate.shift(RIGHT * 6.5))\nself.wait()',
    'overlap_text': 'a = Text("first label")\nb = Text("second label").shift(DOWN * 0.2 + RIGHT * 0.4)\nself.play(FadeIn(a), FadeIn(b))\nself.wait()',
    'overlap_shape_over_text': 't = Text("hidden")\nbox = Square(2, fill_opacity=1, color=BLUE)\nself.add(t, box)\nself.wait()',
    'overlap_text_spills_from_box': 'box = Rectangle(width=2, height=1, fill_opacity=1, color=GREY)\nt = Text("this spills out", font_size=36)\nself.add(box, t)\nself.wait()',
    'small_text': 'n = Text("footnote in tiny type", font_size=9).to_corner(DL)\nself.add(Text("Main"), n)\nself.wait()',
    'small_by_scale': 'n = MathTex("e^{i\\\\pi}+1=0").scale(0.2)\nself.add(n)\nself.wait()',
    'empty': 't = Text("Title").to_edge(UP)\nself.play(Write(t))\nself.wait(5)',
    'empty_after_fadeout': 'c = Circle()\nself.play(Create(c))\nself.play(FadeOut(c))\nself.wait(4)',
}
EXPECT = {'off_frame': ['off_frame'], 'off_frame_wide': ['off_frame'], 'off_frame_moved_later': ['off_frame'], 'overlap_text': ['overlap'],
          'overlap_shape_over_text': ['overlap'], 'overlap_text_spills_from_box': ['overlap'], 'small_text': ['small_text'],
          'small_by_scale': ['small_text'], 'empty': ['empty'], 'empty_after_fadeout': ['empty']}

CLEAN = {
    'title_and_bullets': 't = Text("Title").to_edge(UP)\nb = VGroup(*[Text(x, font_size=32) for x in ("one", "two", "three")]).arrange(DOWN, aligned_edge=LEFT)\nself.play(Write(t), FadeIn(b))\nself.wait(2)',
    'transform_in_place': 'e = MathTex("a^2+b^2")\nself.play(Write(e))\nself.play(Transform(e, MathTex("c^2").move_to(e)))\nself.wait(2)',
    'replacement_transform': 'e = MathTex("2x+3=7")\nself.play(Write(e))\nf = MathTex("x=2").move_to(e)\nself.play(ReplacementTransform(e, f))\nself.wait(2)',
    'fadeout_then_fadein': 'a = Text("before")\nself.play(FadeIn(a))\nself.play(FadeOut(a))\nb = Text("after")\nself.play(FadeIn(b))\nself.wait(2)',
    'axes_with_labels': 'ax = Axes(x_range=[0, 5], y_range=[0, 5], x_length=6, y_length=4).add_coordinates()\nlab = ax.get_axis_labels(x_label="x", y_label="y")\nself.play(Create(ax), Write(lab), Create(ax.plot(lambda x: x)))\nself.wait(2)',
    'label_in_box': 'box = RoundedRectangle(width=3, height=1.2, fill_opacity=1, color=BLUE_E)\nt = Text("inside", font_size=32).move_to(box)\nself.play(FadeIn(box), Write(t))\nself.wait(2)',
    'label_next_to_dot': 'd = Dot(fill_opacity=1)\nl = MathTex("P").next_to(d, UR, buff=0.1)\nself.play(FadeIn(d), Write(l))\nself.wait(2)',
    'background_plane': 'p = NumberPlane(x_range=[-10, 10], y_range=[-6, 6])\nt = Text("on a grid").to_edge(UP)\nself.add(p)\nself.play(Write(t), Create(Circle()))\nself.wait(2)',
    'full_screen_background': 'bg = FullScreenRectangle(fill_opacity=1, fill_color=DARK_BLUE)\nt = Text("on a background")\nself.add(bg)\nself.play(Write(t))\nself.wait(2)',
    'slide_out_of_frame': 'a = Text("goodbye")\nself.play(FadeIn(a))\nself.play(a.animate.shift(LEFT * 12))\nself.add(Text("next"))\nself.wait(2)',
    'moving_camera_zoom': 'self.camera.frame.save_state()\nax = Axes()\nself.add(ax, ax.plot(lambda x: x ** 2 / 4))\nd = Dot(ax.c2p(1, 0.25))\nself.add(d)\nself.play(self.camera.frame.animate.scale(0.4).move_to(d))\nself.wait(2)',
    'brief_transition_overlap': 'a = MathTex("x = 1")\nself.play(Write(a))\nb = MathTex("x = 2").move_to(a)\nself.play(FadeOut(a), FadeIn(b))\nself.wait(2)',
}

@pytest.mark.parametrize('name', sorted(DEFECTS))
def test_each_defect_kind_is_found(name):
    code = scene(DEFECTS[name])
    if name == 'moving_camera_zoom': code = code.replace('(Scene)', '(MovingCameraScene)')
    assert kinds(code) == EXPECT[name]

@pytest.mark.parametrize('name', sorted(CLEAN))
def test_clean_layouts_are_silent(name):
    code = scene(CLEAN[name])
    if name == 'moving_camera_zoom': code = code.replace('(Scene)', '(MovingCameraScene)')
    assert qa(code, 'S', dry_run=True).issues == []

def test_empty_counts_the_narration_a_short_scene_holds():
    code = scene('t = Text("Only a title").to_edge(UP)\nself.play(Write(t))')
    assert kinds(code) == [] and kinds(code, narration_s=12) == ['empty']

def test_small_text_is_judged_at_the_rendered_resolution():
    code = scene('self.add(Text("caption", font_size=12))\nself.wait()')
    assert kinds(code) == ['small_text']  # capitals 7.7 px at -ql (480 px high): below the 8 px floor
    assert kinds(code, quality='h') == []  # 17.4 px at -qh, above 1.5% of 1080 px

HOSTILE_RECORDS = {
    'not json': b'{"version": 1, ',
    'nesting bomb': b'[' * 200000 + b']' * 200000,
    'wrong version': b'{"version": 2}',
    'id out of range': json.dumps(dict(version=1, frame=dict(width=14.2, height=8, pixel_width=854, pixel_height=480), objects=[],
                                       snapshots=[dict(t0=0, t=1, units=[[0, 0, 0, 1, 1, 0, 0]])])).encode(),
    'nan box': b'{"version":1,"frame":{"width":14.2,"height":8,"pixel_width":854,"pixel_height":480},"objects":[{"label":"x","kind":"text"}],'
               b'"snapshots":[{"t0":0,"t":1,"units":[[0,NaN,0,1,1,0,0]]}]}',
    'too many snapshots': json.dumps(dict(version=1, frame=dict(width=14.2, height=8, pixel_width=854, pixel_height=480), objects=[],
                                          snapshots=[dict(t0=0, t=1, units=[])] * 2001)).encode(),
    'keyframe past the end': json.dumps(dict(version=1, frame=dict(width=14.2, height=8, pixel_width=854, pixel_height=480), objects=[],
                                             snapshots=[dict(t0=0, t=1, units=[])], keyframes=[dict(snap=0, offset=0, width=100, height=100)])).encode(),
}

@pytest.mark.parametrize('name', sorted(HOSTILE_RECORDS))
def test_a_record_is_untrusted_data(name):
    with pytest.raises(BadRecord): read_record(HOSTILE_RECORDS[name], keyframes_size=10)

def test_a_scene_that_forges_its_record_is_refused_not_believed(tmp_path):
    "The scene writes its own geometry.json (a symlink, then garbage): the parent takes neither as a record."
    forge = scene('import os\nos.symlink("/etc/passwd", "geometry.json")\nself.add(Text("x"))\nself.wait()')
    r = qa(forge, 'S', dry_run=True)  # the recorder's write follows the link into the read-only view and fails: no record at all
    assert r.rendered is False and r.issues == [] and 'Read-only file system' in r.error
    garbage = scene('self.add(Text("x"))\nself.wait()\nopen("geometry.json", "w").write("[" * 100)')
    r = qa(garbage, 'S', dry_run=True)  # the recorder writes after construct, over the garbage: still a checked record
    assert r.rendered and r.issues == []

def test_the_rules_fix_what_they_can_and_keep_the_scene():
    code = scene('title = Text("Title").to_edge(UP)\neq = MathTex("a^2+b^2=c^2").shift(DOWN * 3.9)\n'
                 'a = Text("first", font_size=30)\nb = Text("second", font_size=30).shift(DOWN * 0.1)\n'
                 'note = Text("tiny note", font_size=9).to_corner(DR)\nself.play(Write(title))\nself.play(FadeIn(eq), FadeIn(a), FadeIn(b), FadeIn(note))\nself.wait()')
    fx = fix_layout(code, 'S')
    assert (fx.before, fx.after) == (3, 0), fx
    assert {f.split(':')[1].strip() for f in fx.fixes} == {'fit_in_frame', 'separate', 'readable'}
    for call in ('MathTex("a^2+b^2=c^2")', 'Text("tiny note", font_size=9)', 'self.play(FadeIn(eq), FadeIn(a), FadeIn(b), FadeIn(note))'):
        assert call in fx.code  # nothing the scene did is removed
    assert qa(fx.code, 'S').issues == []

def test_a_rule_that_does_not_help_is_undone():
    code = scene('d = Text("drifts").shift(UP * 2)\nself.play(FadeIn(d))\nself.play(d.animate.shift(RIGHT * 6.5))\nself.wait()')
    fx = fix_layout(code, 'S')  # fit_in_frame before it enters cannot stop the later move
    assert fx.fixes == [] and fx.code == code and fx.after == fx.before == 1

def test_qa_cli_exit_codes_and_json(tmp_path):
    bad, good = tmp_path/'bad.py', tmp_path/'good.py'
    bad.write_text(scene(DEFECTS['overlap_text'])); good.write_text(scene(CLEAN['title_and_bullets']))
    run = lambda *a: subprocess.run([sys.executable, '-m', 'manim_nb', 'qa', *map(str, a)], capture_output=True, text=True, timeout=300)
    r = run(bad, '--json', '--sheet', tmp_path/'sheet.png')
    d = json.loads(r.stdout)
    assert r.returncode == 1 and d['ok'] is False and [i['kind'] for i in d['issues']] == ['overlap'] and d['scene'] == 'S'
    assert (tmp_path/'sheet.png').read_bytes().startswith(b'\x89PNG')
    assert run(good).returncode == 0
    (tmp_path/'boom.py').write_text(scene('raise ValueError("nope")'))
    r = run(tmp_path/'boom.py', '--json')
    assert r.returncode == 2 and json.loads(r.stdout)['rendered'] is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ['bad.py', 'boom.py', 'good.py', 'sheet.png']  # nothing else written

CROWDED = '''from manim import *
class Scene2(Scene):
    def construct(self):
        eq = MathTex("E = mc^2").shift(DOWN * 3.9)
        self.play(Write(eq))
        self.wait()
'''

class Crowded(OfflineProvider):
    "Scene 2's code renders with its formula off the frame."
    def generate(self, scenes, run):
        out = super().generate(scenes, run)
        if 2 in out: out[2] = SceneCode(CROWDED, 'individual')
        return out

def test_runs_write_qa_and_fix_layout_by_rule(tmp_path):
    sb = Storyboard(title='QA', scenes=[SceneSpec(seq=i, text=f'Scene {i} says a few words.', layout='bullets',
                                                  params=dict(title=f'Part {i}', bullets=['one', 'two'])) for i in (1, 2)])
    run = Run(sb, tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=Crowded()).execute()
    df = run.outcomes.set_index('scene')
    assert list(df.layout_issues) == [0, 0] and (df.render_status == 'ok').all()
    assert 'layout: fit_in_frame: fit_in_frame(eq)' in df.loc['Scene2', 'gate_fixes']
    assert 'fit_in_frame(eq)' in (tmp_path/'r'/'scenes'/'Scene2.py').read_text()
    for q in (1, 2):
        d = json.loads((tmp_path/'r'/'qa'/f'Scene{q}.json').read_text())
        assert d['ok'] and d['issues'] == [] and (tmp_path/'r'/'qa'/f'Scene{q}.png').read_bytes().startswith(b'\x89PNG')
    assert 'layout_issues' in (tmp_path/'r'/'outcomes.csv').read_text().splitlines()[0]
    run2 = Run(sb, tmp_path/'r', RunOptions(provider='offline', tts='none', layout_runs=0), provider=Crowded()).execute()
    assert list(run2.outcomes.layout_issues) == [0, 0]  # resumed: nothing redone, the fixed code kept

def test_no_qa_runs_without_the_record(tmp_path):
    sb = Storyboard(title='QA', scenes=[SceneSpec(seq=1, text='One scene.', layout='bullets', params=dict(title='T', bullets=['a']))])
    run = Run(sb, tmp_path/'r', RunOptions(provider='offline', tts='none', qa=False)).execute()
    assert not any((tmp_path/'r'/'qa').glob('*')) and list(run.outcomes.render_status) == ['ok']

STORYBOARDS = ['examples/pythagoras.yaml', 'tests/data/qa/orbits.yaml', 'tests/data/qa/waves.yaml', 'tests/data/qa/triangles.yaml',
               'tests/data/seed_storyboard_1.json']

def test_templates_have_no_layout_issues():
    """The offline code of every scene of the bundled example, three storyboards written for this (every template, long and
    short texts and titles, scenes without params) and a storyboard Gemini wrote: no issue, no empty stretch over the
    narration. At -ql: the geometry is the same at every quality and -ql's readable size is the strictest (8 px is font
    size 12.4 there; 1.5% of the height, the rule at -qm and -qh, is font size 11.2)."""
    from concurrent.futures import ThreadPoolExecutor
    from manim_nb.storyboard import load_storyboard
    from manim_nb.templates import template_source
    root, cases = Path(__file__).resolve().parent.parent, []
    for f in STORYBOARDS:
        sb = load_storyboard(root/f)
        for s in sb.scenes:
            secs = max(3.0, len(s.text.split()) / 2.5)  # about espeak's pace
            cases.append((f'{Path(f).stem}:{s.seq}', template_source(s, sb.title, secs), s.name, secs))
    def one(c):
        name, code, cls, secs = c
        r = qa(code, cls, narration_s=secs, dry_run=True)
        return name, r.rendered, r.issues, r.error
    with ThreadPoolExecutor(2) as ex: got = list(ex.map(one, cases))
    assert len(got) >= 20
    bad = [(n, err or [i['message'] for i in issues]) for n, ok, issues, err in got if not ok or issues]
    assert not bad, bad

DRIFT = '''from manim import *
class Scene2(Scene):
    def construct(self):
        d = Text("drifts away")
        self.play(FadeIn(d))
        self.play(d.animate.shift(RIGHT * 6))
        self.wait()
'''
STAYS = DRIFT.replace('RIGHT * 6', 'RIGHT * 1')
WORSE = DRIFT.replace('RIGHT * 6', 'RIGHT * 6 + DOWN * 3.9')

class LayoutRepair(OfflineProvider):
    "Scene 2 drifts off the frame (no rule can stop a later move); its repair is `answer`."
    name = 'layoutrepair'
    def __init__(self, answer): super().__init__(); self.answer, self.asked = answer, []
    def generate(self, scenes, run):
        out = super().generate(scenes, run)
        if 2 in out: out[2] = SceneCode(DRIFT, 'individual')
        return out
    def repair(self, failures, run):
        self.asked += [(s.seq, err) for s, _, err in failures]
        return {s.seq: SceneCode(self.answer, 'repair') for s, _, _ in failures}

def _two_scenes():
    return Storyboard(title='QA', scenes=[SceneSpec(seq=i, text=f'Scene {i} says a few words.', layout='bullets',
                                                    params=dict(title=f'Part {i}', bullets=['one', 'two'])) for i in (1, 2)])

def test_layout_issues_go_to_one_repair_round_and_a_better_answer_is_kept(tmp_path):
    p = LayoutRepair(STAYS)
    run = Run(_two_scenes(), tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=p).execute()
    assert [q for q, _ in p.asked] == [2]
    err = p.asked[0][1]
    assert err.startswith('Layout QA found these problems') and 'off_frame' in err and "Text 'drifts away' (d, line 5)" in err and 'y from -4.00 to 4.00' in err
    df = run.outcomes.set_index('scene')
    assert df.loc['Scene2', 'codegen_source'] == 'repair' and df.loc['Scene2', 'layout_issues'] == 0
    assert 'RIGHT * 1' in (tmp_path/'r'/'scenes'/'Scene2.py').read_text()

def test_a_worse_layout_repair_is_undone(tmp_path):
    p = LayoutRepair(WORSE)
    run = Run(_two_scenes(), tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=p).execute()
    df = run.outcomes.set_index('scene')
    assert len(p.asked) == 1 and df.loc['Scene2', 'codegen_source'] == 'individual' and df.loc['Scene2', 'layout_issues'] == 1
    assert 'RIGHT * 6)' in (tmp_path/'r'/'scenes'/'Scene2.py').read_text() and 'layout repair not kept' in df.loc['Scene2', 'error']
    assert (df.render_status == 'ok').all()
    Run(_two_scenes(), tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=p).execute()
    assert len(p.asked) == 1  # resumed: the same code is not sent again

def test_a_layout_repair_that_answers_the_same_code_changes_nothing(tmp_path):
    p = LayoutRepair(DRIFT)
    run = Run(_two_scenes(), tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=p).execute()
    df = run.outcomes.set_index('scene')
    assert len(p.asked) == 1 and df.loc['Scene2', 'codegen_source'] == 'individual' and 'the same code' in df.loc['Scene2', 'error']
