"A provider, a voice and a template added from outside the library, each as one definition, are used by a whole run."
import numpy as np
import pytest
from pydantic import Field

from manim_nb.core import SceneCode
from manim_nb.pipeline import Run, RunError, RunOptions
from manim_nb.providers import PROVIDERS, register_provider
from manim_nb.storyboard import parse_storyboard
from manim_nb.templates import TEMPLATES, Template, register_template
from manim_nb.tts import VOICES, estimate_duration, pcm_to_wav, register_voice


@pytest.fixture
def registries():
    "Whatever a test registers is gone after it."
    saved = dict(PROVIDERS), dict(VOICES), dict(TEMPLATES)
    yield
    for reg, old in zip((PROVIDERS, VOICES, TEMPLATES), saved): reg.clear(); reg.update(old)


def test_a_new_voice_and_provider_make_a_video(tmp_path, registries):
    @register_voice('hum')
    def hum(text, path, **kw):
        "A quiet hum as long as a narrator would take."
        t = np.arange(int(16000 * estimate_duration(text))) / 16000
        return pcm_to_wav((2000 * np.sin(2 * np.pi * 220 * t)).astype('<i2').tobytes(), path, rate=16000)

    @register_provider('dots')
    class Dots:
        "A dot per scene."
        def __init__(self, client=None, batch=True): pass
        def identity(self): return 'dots-1'
        def generate(self, scenes, run):
            return {s.seq: SceneCode(f'from manim import *\nclass {s.name}(Scene):\n    def construct(self):\n        self.add(Dot()); self.wait(1)\n',
                                     'template', scene=s.name) for s in scenes}
        def repair(self, failures, run): return {}

    sb = parse_storyboard(dict(title='Extensions', scenes=[dict(seq=1, text='One dot.'), dict(seq=2, text='And a dot.', layout='custom')]))
    run = Run(sb, tmp_path/'run', RunOptions(provider='dots', tts='hum', workers=2, no_cache=True)).execute()
    df = run.outcomes
    assert list(df.render_status) == ['ok', 'ok'] and list(df.tts_source) == ['hum', 'hum'] and list(df.codegen_source) == ['template'] * 2
    assert 'self.add(Dot())' in run.path('code', 2).read_text() and (run.out/'final.mp4').exists()


def test_a_new_template_is_a_layout_a_prompt_line_and_offline_code(registries):
    from manim_nb.gate import check
    from manim_nb.prompts import layout_help, storyboard_schema
    from manim_nb.templates import template_source

    @register_template('checklist')
    class Checklist(Template):
        "Items ticked off one by one."
        items: list[str] = Field(min_length=1, description='what to tick off')
        def play(self, s):
            from manim import DOWN, LEFT, VGroup, Write
            from manim_nb.layouts import fit_into, wrap_text
            rows = VGroup(*[wrap_text(f'[x] {i}', 8, font_size=36) for i in self.items]).arrange(DOWN, aligned_edge=LEFT)
            s.play_steps([[Write(r)] for r in fit_into(rows, 10, 4)], start=0)

    sb = parse_storyboard(dict(title='T', scenes=[dict(seq=1, text='Check.', layout='checklist', params=dict(items=['a', 'b']))]))
    with pytest.raises(ValueError, match='items'): parse_storyboard(dict(title='T', scenes=[dict(seq=1, text='x', layout='checklist', params={})]))
    assert '- checklist: Items ticked off one by one; params items (what to tick off)' in layout_help()
    assert 'checklist' in storyboard_schema().model_json_schema()['$defs']['SceneSchema']['properties']['layout']['enum']
    src = template_source(sb.scenes[0], 'T', 3.0)
    assert "Checklist(items=['a', 'b']).play(self)" in src and check(src, 'Scene1').ok


def test_unregistered_names_are_refused_before_anything_runs(tmp_path):
    sb = parse_storyboard(dict(title='T', scenes=[dict(seq=1, text='Hi.')]))
    with pytest.raises(RunError, match='unknown provider .nope.; use one of gemini, offline'): Run(sb, tmp_path/'a', RunOptions(provider='nope'))
    with pytest.raises(RunError, match="unknown narration provider 'nope'"): Run(sb, tmp_path/'b', RunOptions(provider='offline', tts='nope'))
    assert not (tmp_path/'a').exists() and not (tmp_path/'b').exists()
    with pytest.raises(ValueError, match='unknown layout .checklist.'):
        parse_storyboard(dict(title='T', scenes=[dict(seq=1, text='Hi.', layout='checklist', params={})]))
