"""A long storyboard in several batch jobs (--batch-size): one job per group of scenes in order, the first job's scenes
come back (and go to render) while later jobs still run, every job persisted and re-attached after kill -9."""
import json, os, signal, subprocess, sys, time

import pytest

from manim_nb.core import KEY_VARS
from manim_nb.fake_gemini import FakeClock, FakeGemini
from manim_nb.pipeline import Run, RunOptions, codegen_phase, outcome_rows
from manim_nb.providers import GeminiProvider
from manim_nb.storyboard import SceneSpec, Storyboard
from manim_nb.widgets import BatchStatus

MODEL = 'gemini-2.5-flash'

@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for v in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL', 'MANIM_MODEL', 'THINKING_BUDGET', 'THINKING_LEVEL', 'USE_BATCH_MANIM', 'TTS_PROVIDER',
                         'MANIM_NB_BATCH_TIMEOUT', 'MANIM_NB_POLL_INTERVAL'):
        monkeypatch.delenv(v, raising=False)

def cards(n):
    return Storyboard(title='Cards', scenes=[SceneSpec(seq=i, text=f'Card {i}.', layout='title_card', params=dict(title=f'Card {i}'))
                                             for i in range(1, n + 1)])

def test_batch_size_5_on_20_scenes_makes_4_jobs_and_the_first_comes_back_first(tmp_path):
    clk = FakeClock()
    fake = FakeGemini(clock=clk, turnaround=[0, 12000, 24000, 36000], run_time=60)
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=60, timeout=48 * 3600)
    log = []
    status = BatchStatus(widget=False, quiet=True)
    run = Run(cards(20), tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2, batch_size=5), provider=prov,
              listeners=[lambda ev: log.append((ev.phase, ev.kind, ev.seq, dict(ev.data), clk())), status])
    codegen_phase(run)
    fake.stop()
    assert fake.jobs_created == 4
    man = run.manifest.data['batch']
    assert sorted(man) == ['codegen', 'codegen.2', 'codegen.3', 'codegen.4']
    # each job holds 5 scenes, in order of appearance
    held = [sorted(int(k.split('-')[1]) for k in man[p]['jobs'][-1]['keys']) for p in ('codegen', 'codegen.2', 'codegen.3', 'codegen.4')]
    assert held == [list(range(1, 6)), list(range(6, 11)), list(range(11, 16)), list(range(16, 21))]
    assert [o.codegen_source for o in outcome_rows(run)] == ['batch'] * 20
    # the first job's scenes were ready (gated, handed to the renderer) before the last job ended
    last = man['codegen.4']['name']
    i_last = next(i for i, (ph, k, q, d, t) in enumerate(log) if ph == 'batch' and d.get('name') == last and d.get('state') == 'JOB_STATE_SUCCEEDED')
    first = [i for i, (ph, k, q, d, t) in enumerate(log) if (ph, k) == ('codegen', 'scene') and q <= 5]
    assert len(first) == 5 and max(first) < i_last
    assert max(log[i][4] for i in first) < log[i_last][4]  # on the fake clock too
    # the status shows every job
    line = status._job_line()
    assert line.startswith('4 batch jobs, 4 ended') and line.count('succeeded') == 4, line

def test_every_job_is_resumed_after_kill_9(tmp_path):
    (tmp_path/'sb.json').write_text(cards(8).to_json())
    out = tmp_path/'run'
    args = [sys.executable, '-m', 'manim_nb', 'render', str(tmp_path/'sb.json'), '-o', str(out), '--provider', 'gemini', '--tts', 'none',
            '--no-progress', '--batch-size', '2', '--no-qa']
    with FakeGemini(turnaround=3600) as fake:  # wall clock: the jobs stay pending while the child polls
        env = {k: v for k, v in os.environ.items() if k not in KEY_VARS} | fake.env() | dict(MANIM_NB_POLL_INTERVAL='0.05', MANIM_MODEL=MODEL)
        p = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            deadline = time.time() + 60
            while time.time() < deadline and (fake.jobs_created < 4 or fake.calls['batches.get'] < 8): time.sleep(0.05)
            assert fake.jobs_created == 4, p.stderr.read1().decode() if p.poll() is not None else 'child too slow'
        finally:
            os.killpg(p.pid, signal.SIGKILL); p.wait()
        man = json.loads((out/'manifest.json').read_text())
        names = [man['batch'][k]['name'] for k in ('codegen', 'codegen.2', 'codegen.3', 'codegen.4')]
        for n in names: fake.jobs[n].turnaround = 0  # they finish while nobody watches
        r = subprocess.run(args + ['--workers', '2'], env=env, capture_output=True, text=True, timeout=180)
        assert r.returncode == 0, r.stderr[-2000:]
        assert (fake.jobs_created, fake.calls['batchGenerateContent'], fake.calls['generateContent']) == (4, 4, 0)
        man = json.loads((out/'manifest.json').read_text())
        assert [man['batch'][k]['name'] for k in ('codegen', 'codegen.2', 'codegen.3', 'codegen.4')] == names
        assert (out/'final.mp4').exists()

def test_an_interrupt_ends_every_jobs_polling_and_a_resume_attaches_to_them(tmp_path):
    clk = FakeClock()
    fake = FakeGemini(clock=clk, turnaround=[0, 12000, 24000, 36000], run_time=60)
    prov = lambda: GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=60, timeout=48 * 3600)
    opts = RunOptions(provider='gemini', tts='none', workers=2, batch_size=5)
    def kill(ev):  # Ctrl-C while the four jobs are pending
        if ev.phase == 'batch' and ev.data.get('part') == '.4' and ev.data.get('state') == 'JOB_STATE_PENDING': raise KeyboardInterrupt
    import threading
    with pytest.raises(KeyboardInterrupt): codegen_phase(Run(cards(20), tmp_path/'run', opts, provider=prov(), listeners=[kill]))
    assert not [t.name for t in threading.enumerate() if t.name.startswith('ThreadPoolExecutor')]  # no job is still polling
    assert fake.jobs_created == 4
    run = Run(cards(20), tmp_path/'run', opts, provider=prov())
    codegen_phase(run)
    fake.stop()
    assert fake.jobs_created == 4 and [o.codegen_source for o in outcome_rows(run)] == ['batch'] * 20
