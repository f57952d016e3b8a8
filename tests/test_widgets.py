"Widgets end to end: BatchStatus through a whole fake batch, the tutorial notebook headless, CLI progress per phase."
import json, os, shutil, subprocess, sys, time
from pathlib import Path

import pytest

from manim_nb.storyboard import Storyboard, SceneSpec
from manim_nb.pipeline import Run, RunOptions
from manim_nb.providers import GeminiProvider
from manim_nb.fake_gemini import FakeGemini, FakeClock
from manim_nb.widgets import BatchStatus

ROOT = Path(__file__).resolve().parents[1]

def two_scenes():
    return Storyboard(title='Circles', scenes=[
        SceneSpec(seq=1, text='Circles are everywhere.', layout='title_card', params=dict(title='Circles')),
        SceneSpec(seq=2, text='A circle has a centre.', layout='custom', anim='Draw a circle.')])

class Recorder:
    "Feeds each event to the status, then records the status' state right after it."
    def __init__(self, status): self.status, self.log = status, []
    def __call__(self, ev):
        self.status(ev)
        s = self.status
        self.log.append((ev, dict(chips=dict(s.chips), job=s.job_state, counts=s.counts, cost=s.cost, rendered=s.rendered,
                                  head=s._head.value if s.widget else None,
                                  chip_html=[w.value for w in s._box.children] if s.widget else None)))

@pytest.fixture
def fake_batch():
    clk = FakeClock()
    fake = FakeGemini(clock=clk, turnaround=600, run_time=300)
    yield fake, clk
    fake.stop()

def test_batch_status_follows_a_whole_batch_with_a_fallback(tmp_path, fake_batch):
    fake, clk = fake_batch
    fake.faults.batch_errors = {'codegen-2': 500}
    prov = GeminiProvider(client=fake.client(), clock=clk, sleep=clk.sleep, poll_interval=60, timeout=24 * 3600)
    status = BatchStatus(widget=True)
    rec = Recorder(status)
    run = Run(two_scenes(), tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2), provider=prov, listeners=[rec]).execute()
    log = rec.log
    after = lambda phase, kind, seq=None: [st for ev, st in log if (ev.phase, ev.kind) == (phase, kind) and (seq is None or ev.seq == seq)]

    # before the job exists, every scene waits
    assert after('codegen', 'start')[0]['chips'] == {1: 'waiting', 2: 'waiting'}
    # every poll: the job name and state, both scenes in the batch, nothing counted as done yet
    polls = [(ev, st) for ev, st in log if (ev.phase, ev.kind) == ('batch', 'state')]
    assert len(polls) == 16  # 900 s of job at one poll a minute, plus the first
    for ev, st in polls:
        assert st['job'] == ev.data['state']
        assert st['chips'] == {1: 'in batch', 2: 'in batch'}, st
        assert st['counts'] == {'in batch': 2} and st['cost'] == 0.0 and st['rendered'] == 0
        assert ev.data['name'] in st['head'] and ev.data['state'] in st['head']
        assert all('in batch' in h for h in st['chip_html'])
    assert [st['job'] for _, st in polls[:1] + polls[10:11] + polls[-1:]] == ['JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_SUCCEEDED']
    assert 'waited 10m 00s' in polls[10][1]['head'] and 'next poll in 1m 00s' in polls[10][1]['head']
    assert 'next poll' not in polls[-1][1]['head']  # a finished job is not polled again
    # the batch answered Scene1; Scene2 fell back to an individual call
    s1, s2 = after('codegen', 'scene', 1)[0], after('codegen', 'scene', 2)[0]
    assert s1['chips'] == {1: 'done by batch', 2: 'in batch'} and s1['counts'] == {'in batch': 1, 'done by batch': 1}
    assert s2['chips'] == {1: 'done by batch', 2: 'fallback'} and s2['counts'] == {'done by batch': 1, 'fallback': 1}
    assert 0 < s1['cost'] < s2['cost']
    assert 'Scene2 · fallback' in s2['chip_html'][1]
    # renders count up; the chips keep their source
    assert sorted(st['rendered'] for st in after('render', 'scene')) == [1, 2]
    final = log[-1][1]
    assert final['chips'] == {1: 'done by batch', 2: 'fallback'} and final['rendered'] == 2
    df = run.outcomes
    assert final['cost'] == pytest.approx(df.cost_usd.sum())
    assert list(df.codegen_source) == ['batch', 'individual'] and 'fell back from batch' in df.error[1]
    assert '2/2 rendered' in status._foot.value and 'fallback 1' in status._foot.value
    assert fake.jobs_created == 1

def test_batch_status_shows_repair_then_recovery(tmp_path, fake_batch):
    "Scene2's batch code is rejected by the gate: failed, then repair (a repair batch), then its repaired code renders."
    fake, clk = fake_batch
    fake.faults.code = {'Scene2': ['syntax']}
    prov = GeminiProvider(client=fake.client(), clock=clk, sleep=clk.sleep, poll_interval=60)
    status = BatchStatus(widget=False, quiet=True)
    rec = Recorder(status)
    run = Run(two_scenes(), tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2), provider=prov, listeners=[rec]).execute()
    start = next(i for i, (ev, _) in enumerate(rec.log) if ev.phase == 'codegen')
    seq2 = [st['chips'][2] for ev, st in rec.log[start + 1:] if ev.seq == 2 or ev.phase == 'batch' or ev.kind == 'state']
    # in batch -> failed (gate) -> probing (no rule fixes a syntax error of this kind) -> repair -> repair (rendered)
    assert seq2[0] == 'in batch' and 'failed' in seq2 and seq2[-1] == 'repair', seq2
    i = seq2.index('failed')
    assert set(seq2[i + 1:]) <= {'probing', 'repair', 'failed'} and seq2.index('repair') > seq2.index('probing'), seq2
    assert {ev.data['name'] for ev, _ in rec.log if (ev.phase, ev.kind) == ('batch', 'state')} == set(fake.jobs)  # both jobs shown
    assert status.counts == {'done by batch': 1, 'repair': 1} and status.rendered == 2
    assert list(run.outcomes.codegen_source) == ['batch', 'repair']

def test_reattach_after_a_restart(tmp_path, fake_batch):
    "A run killed while its job is pending: a new status on a new Run shows the job, then follows it to the end."
    fake, clk = fake_batch
    class Kill:
        def __call__(self, ev):
            if ev.phase == 'batch' and ev.data.get('state') == 'JOB_STATE_RUNNING': raise KeyboardInterrupt
    prov = lambda: GeminiProvider(client=fake.client(), clock=clk, sleep=clk.sleep, poll_interval=60)
    opts = RunOptions(provider='gemini', tts='none', workers=2)
    with pytest.raises(KeyboardInterrupt): Run(two_scenes(), tmp_path/'run', opts, provider=prov(), listeners=[Kill()]).execute()
    run = Run(two_scenes(), tmp_path/'run', opts, provider=prov())       # "after the restart"
    status = BatchStatus(widget=False, quiet=True).attach(run)
    assert status.job_state == 'JOB_STATE_RUNNING' and status.job_name in fake.jobs
    assert status.chips == {1: 'in batch', 2: 'in batch'}
    run.execute()
    assert fake.jobs_created == 1  # re-attached, not re-created
    assert status.job_state == 'JOB_STATE_SUCCEEDED' and status.chips == {1: 'done by batch', 2: 'done by batch'} and status.rendered == 2

def test_text_view_prints_changes(tmp_path, fake_batch, capsys):
    fake, clk = fake_batch
    prov = GeminiProvider(client=fake.client(), clock=clk, sleep=clk.sleep, poll_interval=60)
    Run(two_scenes(), tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2), provider=prov, listeners=[BatchStatus(widget=False)]).execute()
    out = capsys.readouterr().out
    for line in ('JOB_STATE_PENDING', 'JOB_STATE_RUNNING', 'JOB_STATE_SUCCEEDED', 'Scene1: in batch', 'Scene2: done by batch'):
        assert line in out, out
    assert out.count('JOB_STATE_PENDING') == 1  # one line per change, not per poll

def test_tutorial_notebook_runs_headless(tmp_path):
    import nbformat
    from nbclient import NotebookClient
    shutil.copy(ROOT/'nbs'/'18_tutorial.ipynb', tmp_path)
    nb = nbformat.read(tmp_path/'18_tutorial.ipynb', as_version=4)
    t = time.monotonic()
    NotebookClient(nb, timeout=300, kernel_name='python3', store_widget_state=True, resources={'metadata': {'path': str(tmp_path)}}).execute()
    assert time.monotonic() - t < 120
    # the run's cell: the live widget was replaced by the static snapshot when the run ended (a display update)
    cell = next(c for c in nb.cells if c.cell_type == 'code' and c.source.rstrip().endswith('run.execute();'))
    [snap] = [o for o in cell.outputs if 'text/html' in o.get('data', {})]
    h = snap['data']['text/html']
    assert 'JOB_STATE_SUCCEEDED' in h and 'Scene1 · done by batch' in h and 'Scene2 · fallback' in h and h.count('data:image/png') == 2
    assert not any('application/vnd.jupyter.widget-view+json' in o.get('data', {}) for c in nb.cells for o in c.get('outputs', []))
    # the outcomes view: the cell that shows the table
    cell = next(c for c in nb.cells if c.cell_type == 'code' and c.source.rstrip().endswith('df.assign(render_s=0.0)  # (render times differ from run to run: zeroed so this page stays the same)'))
    h = next(o['data']['text/html'] for o in cell.outputs if 'text/html' in o.get('data', {}))
    body = h.split('<tbody>')[1].split('</tbody>')[0]
    assert body.count('<tr>') == 2 and 'Scene1' in body and 'Scene2' in body and 'total (2)' in body
    # no embedded video in any output (thumbnails are small PNGs)
    assert 'data:video' not in json.dumps([c.get('outputs', []) for c in nb.cells])
    assert (tmp_path/'out'/'tutorial'/'final.mp4').exists()

def _cli_render(tmp_path):
    (tmp_path/'sb.json').write_text(Storyboard(title='Tiny', scenes=[SceneSpec(seq=1, text='Hi.', layout='title_card', params=dict(title='Hi'))]).to_json())
    env = {k: v for k, v in os.environ.items() if k not in ('GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GENAI_API_KEY')}
    p = subprocess.run([sys.executable, '-m', 'manim_nb', 'render', str(tmp_path/'sb.json'), '-o', str(tmp_path/'out'), '--tts', 'none'],
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    return p

def test_cli_shows_progress_per_phase(tmp_path):
    p = _cli_render(tmp_path)
    for phase in ('tts', 'codegen', 'render', 'assemble'):
        assert f'{phase:>8}: 100%' in p.stderr, (phase, p.stderr)
    assert p.stdout.strip().endswith('final.mp4')

BOOM = 'from manim import *\nclass Scene1(Scene):\n    def construct(self):\n        raise RuntimeError("boom in the edit")\n'

def test_rerender_that_fails_keeps_the_previous_scene(tmp_path):
    from manim_nb.pipeline import RunError
    import manim_nb.widgets  # noqa: F401  (patches Run)
    sb = Storyboard(title='Tiny', scenes=[SceneSpec(seq=1, text='Hi.', layout='title_card', params=dict(title='Hi'))])
    run = Run(sb, tmp_path/'run', RunOptions(provider='offline', tts='none', workers=1)).execute()
    code, clip, rec = run.path('code', 1).read_text(), run.path('clip', 1).read_bytes(), dict(run.manifest.scene(1))
    with pytest.raises(RunError, match='(?s)previous code and clip are kept.*boom in the edit'): run.rerender(1, BOOM)
    assert run.path('code', 1).read_text() == code and run.path('clip', 1).read_bytes() == clip
    assert run.manifest.scene(1) == rec and run.outcomes.codegen_source[0] == 'template'
    assert 'template' in (tmp_path/'run'/'outcomes.csv').read_text()

def test_degrades_without_ipywidgets_or_jinja2(monkeypatch, capsys):
    import pandas as pd
    from manim_nb.core import Event, COLUMNS
    from manim_nb.widgets import style_outcomes
    monkeypatch.setitem(sys.modules, 'ipywidgets', None)
    monkeypatch.setitem(sys.modules, 'jinja2', None)
    st = BatchStatus(widget=True)
    assert st.widget is None
    st(Event('batch', 'state', data=dict(name='batches/1', state='JOB_STATE_RUNNING', elapsed=5.0, next_poll=10, seqs=[1])))
    assert 'batches/1: JOB_STATE_RUNNING' in capsys.readouterr().out
    assert st._repr_mimebundle_() == {'text/plain': st.text()}
    df = pd.DataFrame([dict.fromkeys(COLUMNS, '')])
    assert style_outcomes(df) is df
