"The notebook experience without a browser: the status shown by default and its snapshot, the readable outcomes, previews, re-renders."
import html, re
from pathlib import Path

import pytest

import manim_nb.pipeline as pipeline
import manim_nb.widgets as widgets
from manim_nb.core import COLUMNS
from manim_nb.outcomes import Outcomes, outcomes_html
from manim_nb.pipeline import Run, RunError, RunOptions
from manim_nb.providers import GeminiProvider
from manim_nb.storyboard import SceneSpec, Storyboard
from manim_nb.widgets import BatchStatus

try: from test_widgets import fake_batch, two_scenes  # noqa: F401  (the same two scenes, and a fake batch on a fake clock)
except ImportError: from tests.test_widgets import fake_batch, two_scenes  # noqa: F401

class Frontend:
    "Stands in for Jupyter: `display(obj, display_id=True)` records the object and returns a handle that records updates."
    def __init__(self): self.shown, self.updates = [], []
    def display(self, obj, display_id=None):
        assert display_id is True
        self.shown.append(obj)
        # what the frontend shows right now: the widget's view (a model id), as JupyterLab would get it
        self.bundle = obj._repr_mimebundle_()
        return self
    def update(self, obj): self.updates.append(obj)

@pytest.fixture
def frontend(monkeypatch):
    import IPython.display
    f = Frontend()
    monkeypatch.setattr(widgets, '_reader', lambda: 'kernel')
    monkeypatch.setattr(IPython.display, 'display', f.display)
    return f

def test_execute_shows_the_live_status_then_leaves_a_snapshot(tmp_path, frontend, fake_batch):
    fake, clk = fake_batch
    fake.faults.batch_errors = {'codegen-2': 500}
    prov = GeminiProvider(client=fake.client(), clock=clk, sleep=clk.sleep, poll_interval=60)
    seen = []
    run = Run(two_scenes(), tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2), provider=prov)
    run.listeners.append(lambda ev: seen.append([type(l).__name__ for l in run.listeners]))
    run.execute()
    # one live widget, shown when the run started, that listened to the whole run
    [st] = frontend.shown
    assert isinstance(st, BatchStatus) and st.widget is not None
    assert 'application/vnd.jupyter.widget-view+json' in frontend.bundle
    assert all('BatchStatus' in names for names in seen)
    assert st.job_state == 'JOB_STATE_SUCCEEDED' and st.chips == {1: 'done by batch', 2: 'fallback'}
    # at the end: the display is updated once, to static HTML that needs no kernel, and the widget is closed
    [snap] = frontend.updates
    h = snap.data
    assert 'JOB_STATE_SUCCEEDED' in h and 'Scene1 · done by batch' in h and 'Scene2 · fallback' in h
    assert h.count('data:image/png;base64,') == 2 and '2/2 rendered' in h and 'final.mp4' in h
    assert 'widget' not in h and '<script' not in h
    cost = sum(run.outcomes.cost_usd)
    assert cost > 0 and f'cost ${cost:.4f}' in h
    assert st.widget.comm is None  # closed: no orphan model in the kernel
    assert not any(isinstance(l, BatchStatus) for l in run.listeners)

def test_the_snapshot_is_left_however_the_run_ends(tmp_path, frontend, monkeypatch):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='One.', layout='title_card', params=dict(title='One'))])
    run = Run(sb, tmp_path/'run', RunOptions(provider='offline', tts='none'))
    def interrupted(self): raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, '_execute_run', interrupted)
    with pytest.raises(KeyboardInterrupt): run.execute()
    assert len(frontend.shown) == 1 and len(frontend.updates) == 1
    assert 'Scene1 · waiting' in frontend.updates[0].data
    assert not any(isinstance(l, BatchStatus) for l in run.listeners)

def test_no_status_outside_a_notebook_or_when_one_is_shown(tmp_path, frontend, monkeypatch, capsys):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='One.', layout='title_card', params=dict(title='One'))])
    # a status you attached yourself is the one shown
    mine = BatchStatus(widget=False, quiet=True)
    run = Run(sb, tmp_path/'a', RunOptions(provider='offline', tts='none'), listeners=[mine]).execute()
    assert frontend.shown == [] and mine.chips == {1: 'template'}
    # show=False: nothing
    Run(sb, tmp_path/'b', RunOptions(provider='offline', tts='none')).execute(show=False)
    assert frontend.shown == []
    # no frontend (the CLI, a script, a worker): nothing shown, nothing printed
    monkeypatch.setattr(widgets, '_reader', lambda: None)
    Run(sb, tmp_path/'c', RunOptions(provider='offline', tts='none')).execute()
    assert frontend.shown == [] and capsys.readouterr().out == ''

def test_rerender_of_unchanged_code_is_not_an_edit(tmp_path):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='One.', layout='title_card', params=dict(title='One'))])
    run = Run(sb, tmp_path/'run', RunOptions(provider='offline', tts='none', qa=False)).execute(show=False)
    st = BatchStatus(widget=True).attach(run)
    run.rerender(1)  # the saved file as the run wrote it
    assert run.manifest.scene(1)['codegen_source'] == 'template' and st.chips == {1: 'template'}
    code = run.path('code', 1).read_text()
    run.path('code', 1).write_text(code.replace("TitleCard(title='One')", "TitleCard(title='One, edited')", 1))
    run.rerender(1)  # edited by hand: now it is yours
    assert run.manifest.scene(1)['codegen_source'] == 'edit' and st.chips == {1: 'edited'}

def test_the_outcomes_view_is_narrow_and_keeps_errors(tmp_path):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='One.', layout='title_card', params=dict(title='One'))])
    run = Run(sb, tmp_path/'run', RunOptions(provider='offline', tts='none', qa=False)).execute(show=False)
    err = 'ValueError: the <real> reason, ' + ' '.join(f'word{i}' for i in range(40))  # a long reason (the manifest keeps the log)
    run.manifest.update(1, error=err)
    df = run.outcomes
    assert isinstance(df, Outcomes) and list(df.columns) == COLUMNS     # the table stays complete
    h = run._repr_html_()
    head = re.findall(r'<th [^>]*>([^<]*)</th>', h.split('</thead>')[0])
    assert head == ['scene', 'layout', 'source', 'render', 'render s', 'cost', 'fixes', 'layout issues', 'error']
    # the whole reason is in the table, wrapped, not cut
    cell = h.split('<tbody>')[1].split('</tr>')[0]
    assert html.escape(err) in cell and '…' not in cell
    assert 'white-space:pre-wrap' in cell
    assert 'total (1)' in h and f'all {len(COLUMNS)} columns' in h
    # what pandas derives from it is an outcomes table too; a column selection shows as pandas shows it
    assert isinstance(df[df.render_status == 'ok'], Outcomes)
    assert 'manim-nb-outcomes' not in df[['scene']]._repr_html_()

def test_previews_never_autoplay(tmp_path, monkeypatch):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='One.', layout='title_card', params=dict(title='One'))])
    run = Run(sb, tmp_path/'run', RunOptions(provider='offline', tts='none', qa=False)).execute(show=False)
    v = run.preview(1, media_dir=tmp_path/'media')._repr_html_()
    autoplay = re.compile(r'\sautoplay\b')
    assert not autoplay.search(v) and ' muted' in v and ' controls' in v
    assert not autoplay.search(run.video(media_dir=tmp_path/'media').data)
