"Render every layout template (and the caption fallbacks) with manim at -ql; check the clip exists and lasts as long as its narration."
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
    "name -> (source, audio_duration): each template once (short narrations keep it fast), plus both caption scenes."
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
    cases['caption'] = (src, 3.0)
    cases['split_caption'] = (template_source(SEED[3], SEED.title, 2.6), 2.6)
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
    assert set(TEMPLATES) | {'caption', 'split_caption'} == set(CASES)
    assert 'SplitCaptions(' in CASES['split_caption'][0] and ' Captions(' in CASES['caption'][0]
    assert 'show_captions = True' in CASES['caption'][0]

@pytest.mark.parametrize('name', list(CASES))
def test_renders_for_narration_length(renders, name):
    code, err, mp4 = renders[name]
    assert code == 0, err
    assert mp4 is not None and mp4.stat().st_size > 0
    with av.open(str(mp4)) as c: dur = c.duration / 1e6
    audio = CASES[name][1]
    assert audio - 0.1 <= dur < audio + 1.5, (name, dur, audio)
