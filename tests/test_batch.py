"""The Gemini batch path end to end: the real google-genai SDK against FakeGemini, one test per fallback rule.

Every test asserts the outcome columns (codegen_source, attempts, error, thinking_used, tokens, cost_usd) and how
many batch jobs and generateContent calls the fake saw. Most tests stop after the codegen phase (renders take
seconds); the repair, resume-after-kill and `manim-nb make` tests render for real.
"""
import json, os, signal, subprocess, sys, time
from pathlib import Path

import av
import pytest

from manim_nb.providers import GeminiProvider
from manim_nb.fake_gemini import FakeClock, FakeGemini
from manim_nb.core import KEY_VARS, Usage
from manim_nb.gemini import cost_usd
from manim_nb.pipeline import Run, RunOptions, codegen_phase, outcome_rows, write_outcomes
from manim_nb.storyboard import SceneSpec, Storyboard

MODEL = 'gemini-2.5-flash'
FAST_RETRY = dict(initial_delay=0.01, max_delay=0.02)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for v in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL', 'MANIM_MODEL', 'THINKING_BUDGET', 'MANIM_NB_PRICES', 'USE_BATCH_MANIM',
                         'MANIM_NB_BATCH_TIMEOUT', 'MANIM_NB_POLL_INTERVAL', 'TTS_PROVIDER'):
        monkeypatch.delenv(v, raising=False)


def tiny(n=3):
    "n quick title-card scenes; scene N's title is 'Part N', so its code can be told apart."
    return Storyboard(title='Tiny', scenes=[SceneSpec(seq=i, text=f'Scene {i} says a few words.', layout='title_card',
                                                      params=dict(title=f'Part {i}', subtitle=f'sub {i}')) for i in range(1, n + 1)])


def setup(tmp_path, n=3, batch=True, timeout=3600, interval=10, retries=1, **faults):
    "A fake on a FakeClock, and a Run whose GeminiProvider polls on that clock."
    clk = FakeClock()
    fake = FakeGemini(clock=clk, **faults)
    client = fake.client(retry_options=dict(attempts=retries, initial_delay=0.01, max_delay=0.02)) if retries > 1 else fake.client()
    prov = GeminiProvider(client=client, model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=interval, timeout=timeout, batch=batch)
    run = Run(tiny(n), tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2, batch=batch), provider=prov)
    return fake, clk, run


def codegen(run):
    "The codegen phase only; returns {scene name: Outcome}."
    errs = codegen_phase(run); write_outcomes(run)
    return {o.scene: o for o in outcome_rows(run)}, errs


def assert_batch_priced(o):
    "A batch answer's cost is half the interactive price of its tokens."
    u = Usage(o.input_tokens, o.output_tokens, o.thought_tokens)
    assert o.input_tokens > 0 and o.output_tokens > 0 and o.thought_tokens > 0 and o.thinking_used
    assert o.cost_usd > 0
    assert o.cost_usd == pytest.approx(cost_usd(u, MODEL, batch=True), rel=1e-4)
    assert o.cost_usd == pytest.approx(cost_usd(u, MODEL) / 2, rel=1e-4)


def assert_individual(o, reason):
    assert o.codegen_source == 'individual', o
    assert reason in o.error, (reason, o.error)
    assert o.cost_usd > 0 and o.input_tokens > 0 and o.thinking_used


def code_of(run, seq): return run.path('code', seq).read_text()


# ---------------------------------------------------------------- batch succeeds
def test_all_in_batch(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, turnaround=1800, run_time=120)
    run.execute()
    rows = {o.scene: o for o in outcome_rows(run)}
    assert [o.codegen_source for o in rows.values()] == ['batch', 'batch']
    for o in rows.values():
        assert o.attempts == 1 and o.error == '' and o.render_status == 'ok'
        assert_batch_priced(o)
    assert (fake.jobs_created, fake.calls['generateContent'], fake.calls['batchGenerateContent']) == (1, 0, 1)
    assert clk() >= 1920  # it really waited for the job on the fake clock
    job = run.manifest.data['batch']['codegen']
    assert job['name'].startswith('batches/') and job['state'] == 'JOB_STATE_SUCCEEDED'
    # the batch requests carried their own system instruction and thinking config, keyed by scene
    body = next(l['body'] for l in fake.log if l['endpoint'] == 'batchGenerateContent')
    reqs = body['batch']['inputConfig']['requests']['requests']
    assert sorted(r['metadata']['key'] for r in reqs) == ['codegen-1', 'codegen-2']
    assert all('systemInstruction' in r['request'] and r['request']['generationConfig']['thinkingConfig'] for r in reqs)
    with av.open(str(run.out/'final.mp4')) as c: assert c.duration / 1e6 >= 2.5
    csv = (run.out/'outcomes.csv').read_text().splitlines()
    assert len(csv) == 3 and csv[1].split(',')[2] == 'batch'
    fake.stop()


def test_out_of_order_results_map_back_by_key(tmp_path):
    fake, clk, run = setup(tmp_path, n=3, out_of_order=True, turnaround=60)
    rows, errs = codegen(run)
    assert errs == {} and [o.codegen_source for o in rows.values()] == ['batch'] * 3
    job = fake.jobs[run.manifest.data['batch']['codegen']['name']]
    assert [r['metadata']['key'] for r in job.results] == ['codegen-3', 'codegen-2', 'codegen-1']  # really reversed
    for i in (1, 2, 3):
        code = code_of(run, i)
        assert f'class Scene{i}(' in code and f"title='Part {i}'" in code
        assert all(f"'Part {j}'" not in code for j in (1, 2, 3) if j != i)
    assert (fake.jobs_created, fake.calls['generateContent']) == (1, 0)
    fake.stop()


def test_24_hour_turnaround_in_milliseconds(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, turnaround=24 * 3600, run_time=1800, timeout=48 * 3600, interval=600)
    t0 = time.perf_counter()
    rows, errs = codegen(run)
    assert time.perf_counter() - t0 < 5
    assert clk() >= 24 * 3600 + 1800
    assert errs == {} and all(o.codegen_source == 'batch' for o in rows.values())
    assert (fake.jobs_created, fake.calls['generateContent']) == (1, 0)
    assert 140 <= fake.calls['batches.get'] <= 160  # every 600 s for 24.5 h, not a busy loop
    fake.stop()


# ---------------------------------------------------------------- per-request fallbacks
@pytest.mark.parametrize('fault, reason', [
    (dict(batch_errors={'codegen-2': 500}), 'batch request error 500'),
    (dict(code={'Scene2': ['empty']}), 'batch answer was empty or blocked (finish reason STOP)'),
    (dict(code={'Scene2': ['safety']}), 'batch answer was empty or blocked (finish reason SAFETY)'),
    (dict(code={'Scene2': ['no_code']}), 'batch answer had no code'),
])
def test_succeeded_with_bad_answers_sends_only_those_scenes_individual(tmp_path, fault, reason):
    fake, clk, run = setup(tmp_path, n=3, **fault)
    rows, errs = codegen(run)
    assert errs == {}
    assert [rows[f'Scene{i}'].codegen_source for i in (1, 2, 3)] == ['batch', 'individual', 'batch']
    for i in (1, 3): assert_batch_priced(rows[f'Scene{i}']); assert rows[f'Scene{i}'].attempts == 1
    o = rows['Scene2']
    assert_individual(o, 'fell back from batch: ' + reason)
    assert o.attempts == 2  # the batch try, then one individual call
    if 'error 500' in reason:  # the batch answered nothing: the whole cost is the interactive call's
        assert o.cost_usd == pytest.approx(cost_usd(Usage(o.input_tokens, o.output_tokens, o.thought_tokens), MODEL), rel=1e-4)
    else:  # the batch answer's tokens are billed too, at half price
        assert o.cost_usd < cost_usd(Usage(o.input_tokens, o.output_tokens, o.thought_tokens), MODEL)
    assert 'class Scene2(' in code_of(run, 2)
    assert (fake.jobs_created, fake.calls['generateContent']) == (1, 1)
    fake.stop()


# ---------------------------------------------------------------- the whole batch fails
@pytest.mark.parametrize('end', ['FAILED', 'CANCELLED', 'EXPIRED'])
def test_job_ending_badly_sends_every_scene_individual(tmp_path, end):
    fake, clk, run = setup(tmp_path, n=3, job_end=end, turnaround=300)
    rows, errs = codegen(run)
    assert errs == {}
    for o in rows.values():
        assert_individual(o, f'fell back from batch: batch job ended JOB_STATE_{end}')
        assert o.attempts == 2
        assert o.cost_usd == pytest.approx(cost_usd(Usage(o.input_tokens, o.output_tokens, o.thought_tokens), MODEL), rel=1e-4)
    assert (fake.jobs_created, fake.calls['generateContent']) == (1, 3)
    assert run.manifest.data['batch']['codegen']['state'] == f'JOB_STATE_{end}'
    fake.stop()


@pytest.mark.parametrize('code, retries, creates, reason', [
    (400, 3, 1, 'batch create failed: 400 INVALID_ARGUMENT'),
    (429, 3, 3, 'batch create failed: 429 RESOURCE_EXHAUSTED'),
    (503, 3, 3, 'batch create failed: 503 UNAVAILABLE'),
])
def test_create_failing_sends_every_scene_individual(tmp_path, code, retries, creates, reason):
    fake, clk, run = setup(tmp_path, n=3, retries=retries, http_errors={'batchGenerateContent': {'*': code}})
    rows, errs = codegen(run)
    assert errs == {}
    for o in rows.values(): assert_individual(o, 'fell back from batch: ' + reason); assert o.attempts == 2
    assert fake.jobs_created == 0
    assert fake.calls['batchGenerateContent'] == creates  # 400 is not retried; 429 and 503 are, by the SDK
    assert fake.calls['batches.list'] == (1 if code >= 500 else 0)  # a 5xx may have made the job: looked up, not found
    assert fake.calls['generateContent'] == 3
    fake.stop()


def test_create_that_made_the_job_before_failing_is_adopted(tmp_path):
    "A create answered 503 after the job was made (the SDK retried, or the answer was lost): found by name, no 2nd job."
    fake, clk, run = setup(tmp_path, n=2)
    real = fake._batchGenerateContent
    def made_then_503(*a, **kw):
        real(*a, **kw)
        from manim_nb.fake_gemini import ApiError
        raise ApiError(503, 'backend hiccup after the job was created')
    fake._batchGenerateContent = made_then_503
    rows, errs = codegen(run)
    assert errs == {} and all(o.codegen_source == 'batch' for o in rows.values())
    assert (fake.jobs_created, fake.calls['batches.list'], fake.calls['generateContent']) == (1, 1, 0)
    assert run.manifest.data['batch']['codegen']['name'] == next(iter(fake.jobs))
    fake.stop()


def test_deadline_cancels_the_stuck_job(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, job_end='PENDING', timeout=7200, interval=600)
    rows, errs = codegen(run)
    assert errs == {}
    for o in rows.values(): assert_individual(o, 'fell back from batch: batch deadline passed'); assert o.attempts == 2
    assert 7200 <= clk() < 7200 + 600
    name = run.manifest.data['batch']['codegen']['name']
    assert fake.calls['batches.cancel'] == 1 and fake.jobs[name].state(clk()) == 'CANCELLED'
    assert run.manifest.data['batch']['codegen']['state'] == 'CANCELLED_AT_DEADLINE'
    assert (fake.jobs_created, fake.calls['generateContent']) == (1, 2)
    fake.stop()


def test_deadline_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv('MANIM_NB_BATCH_TIMEOUT', '300'); monkeypatch.setenv('MANIM_NB_POLL_INTERVAL', '60')
    clk = FakeClock()
    fake = FakeGemini(clock=clk, job_end='PENDING')
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep)
    run = Run(tiny(2), tmp_path/'run', RunOptions(provider='gemini', tts='none'), provider=prov)
    rows, _ = codegen(run)
    assert all('batch deadline passed' in o.error for o in rows.values())
    assert 300 <= clk() < 360 and fake.calls['batches.get'] == 6 and fake.calls['batches.cancel'] == 1
    fake.stop()


def test_individual_calls_run_concurrently(tmp_path):
    fake, clk, run = setup(tmp_path, n=4, job_end='FAILED')
    fake.faults.latency = 0.3
    t0 = time.perf_counter()
    rows, errs = codegen(run)
    took = time.perf_counter() - t0
    assert errs == {} and all(o.codegen_source == 'individual' for o in rows.values())
    assert fake.calls['generateContent'] == 4
    assert 0.3 <= took < 4 * 0.3, took
    fake.stop()


# ---------------------------------------------------------------- batch off
def test_use_batch_manim_false_goes_individual(tmp_path, monkeypatch):
    monkeypatch.setenv('USE_BATCH_MANIM', 'false')
    with FakeGemini() as fake:
        client = fake.client()
        run = Run(tiny(3), tmp_path/'run', RunOptions(provider='gemini', tts='none'), client=client)
        assert run.provider.batch is False
        rows, errs = codegen(run)
        assert errs == {}
        for o in rows.values():
            assert o.codegen_source == 'individual' and o.attempts == 1 and o.error == '' and o.thinking_used
            assert o.cost_usd == pytest.approx(cost_usd(Usage(o.input_tokens, o.output_tokens, o.thought_tokens), run.provider.model), rel=1e-4)
        assert (fake.jobs_created, fake.calls['batchGenerateContent'], fake.calls['generateContent']) == (0, 0, 3)


def test_run_options_batch_false_goes_individual(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, batch=False)
    rows, errs = codegen(run)
    assert errs == {} and all(o.codegen_source == 'individual' and o.attempts == 1 and o.error == '' for o in rows.values())
    assert (fake.jobs_created, fake.calls['generateContent']) == (0, 2)
    fake.stop()


# ---------------------------------------------------------------- resume
def test_resume_after_crash_reattaches(tmp_path):
    clk = FakeClock()
    fake = FakeGemini(clock=clk, turnaround=3600)
    def crash(s): raise KeyboardInterrupt
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=crash, poll_interval=60, timeout=86400)
    opts = RunOptions(provider='gemini', tts='none')
    with pytest.raises(KeyboardInterrupt): codegen_phase(Run(tiny(2), tmp_path/'run', opts, provider=prov))
    saved = json.loads((tmp_path/'run'/'manifest.json').read_text())['batch']['codegen']
    assert fake.jobs_created == 1 and saved['name'] == next(iter(fake.jobs)) and saved['state'] == 'JOB_STATE_PENDING'
    prov2 = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=60, timeout=86400)
    run = Run(tiny(2), tmp_path/'run', opts, provider=prov2)
    rows, errs = codegen(run)
    assert errs == {} and all(o.codegen_source == 'batch' and o.attempts == 1 for o in rows.values())
    for o in rows.values(): assert_batch_priced(o)
    assert (fake.jobs_created, fake.calls['batchGenerateContent'], fake.calls['generateContent']) == (1, 1, 0)
    assert run.manifest.data['batch']['codegen']['name'] == saved['name']
    # a third run has nothing left to generate: no calls at all
    fake.reset(); rows, _ = codegen(Run(tiny(2), tmp_path/'run', opts, provider=prov2))
    assert sum(fake.calls.values()) == 0 and all(o.codegen_source == 'batch' for o in rows.values())
    fake.stop()


def test_a_job_that_is_gone_is_not_polled_until_the_deadline(tmp_path):
    "After a crash, the job was deleted (or expired from retention): the re-run sees 404 once and falls back at once."
    clk = FakeClock()
    fake = FakeGemini(clock=clk, turnaround=3600)
    def crash(s): raise KeyboardInterrupt
    opts = RunOptions(provider='gemini', tts='none')
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=crash, poll_interval=60, timeout=86400)
    with pytest.raises(KeyboardInterrupt): codegen_phase(Run(tiny(2), tmp_path/'run', opts, provider=prov))
    name = next(iter(fake.jobs))
    c = fake.client(); c.batches.delete(name=name)
    fake.reset(); t0 = clk()
    prov2 = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=60, timeout=86400)
    rows, errs = codegen(Run(tiny(2), tmp_path/'run', opts, provider=prov2))
    assert clk() - t0 < 60 and fake.calls['batches.get'] == 1, (clk() - t0, fake.calls)
    for o in rows.values(): assert_individual(o, 'batch job ended JOB_NOT_FOUND')
    assert fake.jobs_created == 1  # no new job for the gone one: its scenes fell back to individual calls
    fake.stop()


def test_a_crash_inside_create_is_recovered_by_display_name(tmp_path, monkeypatch):
    "The process died after the job was created but before its name was saved: the next run adopts it."
    import manim_nb.batch as B
    clk = FakeClock()
    fake = FakeGemini(clock=clk, turnaround=600)
    opts = RunOptions(provider='gemini', tts='none')
    real = B._record
    def die_after_create(state, name, st): raise KeyboardInterrupt  # dies before the name is recorded and saved
    monkeypatch.setattr(B, '_record', die_after_create)
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=60, timeout=86400)
    with pytest.raises(KeyboardInterrupt): codegen_phase(Run(tiny(2), tmp_path/'run', opts, provider=prov))
    saved = json.loads((tmp_path/'run'/'manifest.json').read_text())['batch']['codegen']['jobs']
    assert [j['state'] for j in saved] == ['CREATING'] and saved[0]['name'] is None and fake.jobs_created == 1
    monkeypatch.setattr(B, '_record', real)
    rows, errs = codegen(Run(tiny(2), tmp_path/'run', opts, provider=prov))
    assert errs == {} and [o.codegen_source for o in rows.values()] == ['batch', 'batch']
    assert fake.jobs_created == 1, 'the job made before the crash was adopted, not created again'
    fake.stop()


def test_a_failed_chunk_keeps_the_jobs_already_created(tmp_path, monkeypatch):
    "Split into one job per scene; the second create is refused: the first job is still used, only scene 2 falls back."
    import manim_nb.batch as B
    monkeypatch.setattr(B, 'INLINE_LIMIT', 20_000)  # each request is ~12 kB (the system instruction): one per job
    fake, clk, run = setup(tmp_path, n=2, http_errors={'batchGenerateContent': {2: 400}})
    rows, errs = codegen(run)
    assert fake.jobs_created == 1 and fake.calls['batchGenerateContent'] == 2
    assert rows['Scene1'].codegen_source == 'batch'
    assert_individual(rows['Scene2'], 'batch create failed: 400')
    fake.stop()


def test_a_bad_poll_interval_fails_before_any_job_exists(tmp_path, monkeypatch):
    from manim_nb.gemini import GeminiConfigError
    monkeypatch.setenv('MANIM_NB_BATCH_TIMEOUT', '2h')
    clk = FakeClock()
    fake = FakeGemini(clock=clk)
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep)
    with pytest.raises(GeminiConfigError, match="MANIM_NB_BATCH_TIMEOUT must be a number of seconds, got '2h'"):
        codegen_phase(Run(tiny(2), tmp_path/'run', RunOptions(provider='gemini', tts='none'), provider=prov))
    assert fake.jobs_created == 0
    fake.stop()


def _env(fake, **kw):
    env = {k: v for k, v in os.environ.items() if k not in KEY_VARS}
    env.update(fake.env(), MANIM_NB_POLL_INTERVAL='0.05', MANIM_MODEL=MODEL, PYTHONUNBUFFERED='1', **kw)
    return env


def test_resume_after_kill_creates_no_duplicate_job(tmp_path):
    "Kill `python -m manim_nb render --provider gemini` while it polls; the re-run re-attaches to the same job."
    (tmp_path/'sb.json').write_text(tiny(2).to_json())
    out = tmp_path/'run'
    with FakeGemini(turnaround=3600) as fake:  # wall clock: the job stays pending while the child polls
        p = subprocess.Popen([sys.executable, '-m', 'manim_nb', 'render', str(tmp_path/'sb.json'), '-o', str(out), '--provider', 'gemini',
                              '--tts', 'none', '--no-progress'], env=_env(fake), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
        try:
            deadline = time.time() + 60
            while time.time() < deadline and fake.calls['batches.get'] < 3: time.sleep(0.05)
            assert fake.calls['batches.get'] >= 3, p.stderr.read1().decode() if p.poll() is not None else 'child too slow'
        finally:
            os.killpg(p.pid, signal.SIGKILL); p.wait()
        man = json.loads((out/'manifest.json').read_text())
        name = man['batch']['codegen']['name']
        assert fake.jobs_created == 1 and name in fake.jobs
        fake.jobs[name].turnaround = 0  # the job finishes while nobody watches
        r = subprocess.run([sys.executable, '-m', 'manim_nb', 'render', str(tmp_path/'sb.json'), '-o', str(out), '--provider', 'gemini',
                            '--tts', 'none', '--no-progress', '--workers', '2'], env=_env(fake), capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr[-2000:]
        assert (fake.jobs_created, fake.calls['batchGenerateContent'], fake.calls['generateContent']) == (1, 1, 0)
        man = json.loads((out/'manifest.json').read_text())
        assert man['batch']['codegen']['name'] == name and man['batch']['codegen']['state'] == 'JOB_STATE_SUCCEEDED'
        lines = (out/'outcomes.csv').read_text().splitlines()
        col = lines[0].split(',').index('codegen_source')
        assert [l.split(',')[col] for l in lines[1:]] == ['batch', 'batch']
        assert (out/'final.mp4').exists()


# ---------------------------------------------------------------- repair loop
def test_render_error_is_repaired(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, code={'Scene2': ['render_error']})
    run.execute()
    rows = {o.scene: o for o in outcome_rows(run)}
    assert rows['Scene1'].codegen_source == 'batch' and rows['Scene1'].attempts == 1
    o = rows['Scene2']
    assert o.codegen_source == 'repair' and o.render_status == 'ok' and o.attempts == 2 and o.error == ''
    assert o.cost_usd > 0 and o.thinking_used
    assert 'fake_render_error' not in code_of(run, 2)
    assert (fake.jobs_created, fake.calls['generateContent']) == (2, 0)  # codegen job + repair job
    rep = next(l['body'] for l in reversed(fake.log) if l['endpoint'] == 'batchGenerateContent')
    r = rep['batch']['inputConfig']['requests']['requests']
    assert [x['metadata']['key'] for x in r] == ['repair-2']
    assert 'fake_render_error' in r[0]['request']['contents'][0]['parts'][0]['text']  # the failing code and its error went back
    fake.stop()


def test_never_repaired_falls_back_to_template(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, code={'Scene2': 'render_error'})
    run.options.repair_rounds = 1
    run.execute()
    rows = {o.scene: o for o in outcome_rows(run)}
    o = rows['Scene2']
    assert o.codegen_source == 'template' and o.render_status == 'ok' and o.attempts == 3
    assert 'fell back to template after' in o.error and 'fake_render_error' in o.error
    assert rows['Scene1'].codegen_source == 'batch'
    assert fake.jobs_created == 2
    with av.open(str(run.out/'final.mp4')) as c: total = c.duration / 1e6
    assert total == pytest.approx(sum(o.clip_s for o in rows.values()), abs=0.5) and total >= 2.5
    fake.stop()


def test_gate_rejected_code_goes_to_repair(tmp_path):
    fake, clk, run = setup(tmp_path, n=2, code={'Scene1': ['syntax']})
    run.execute()
    rows = {o.scene: o for o in outcome_rows(run)}
    assert rows['Scene1'].codegen_source == 'repair' and rows['Scene1'].render_status == 'ok' and rows['Scene1'].attempts == 2
    assert rows['Scene2'].codegen_source == 'batch'
    assert (fake.jobs_created, fake.calls['generateContent']) == (2, 0)
    rep = next(l['body'] for l in reversed(fake.log) if l['endpoint'] == 'batchGenerateContent')
    text = rep['batch']['inputConfig']['requests']['requests'][0]['request']['contents'][0]['parts'][0]['text']
    assert 'gate:' in text
    fake.stop()


# ---------------------------------------------------------------- the CLI from a topic
def test_make_from_topic_against_fake(tmp_path):
    with FakeGemini() as fake:
        out = tmp_path/'x'
        r = subprocess.run([sys.executable, '-m', 'manim_nb', 'make', 'The Pythagorean theorem', '-o', str(out), '--tts', 'gemini',
                            '--no-progress', '--workers', '2'], env=_env(fake), capture_output=True, text=True, timeout=150)
        assert r.returncode == 0, r.stderr[-2000:]
        lines = (out/'outcomes.csv').read_text().splitlines()
        head = lines[0].split(',')
        rows = [dict(zip(head, l.split(','))) for l in lines[1:]]
        assert len(rows) == 5 and {x['codegen_source'] for x in rows} == {'batch'}
        assert {x['tts_source'] for x in rows} == {'gemini'} and all(float(x['cost_usd']) > 0 for x in rows)
        # the storyboard, then one speech call per sentence (segment) of the narrations; no code calls
        sentences = sum(len(r['narration']['sentences']) for r in json.loads((out/'manifest.json').read_text())['scenes'].values())
        assert fake.jobs_created == 1 and sentences >= 5 and fake.calls['generateContent'] == 1 + sentences
        with av.open(str(out/'final.mp4')) as c:  # (a data stream: the chapters)
            assert sorted(s.type for s in c.streams) == ['audio', 'data', 'video'] and c.duration / 1e6 >= sum(float(x['audio_s']) for x in rows) - 0.5
