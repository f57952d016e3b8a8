"Content-addressed caches: replay without HTTP, warm runs from the cache, concurrent runs sharing one cache."
import json, os, subprocess, sys, wave
from pathlib import Path

import av
import pytest

from manim_nb.providers import GeminiProvider
from manim_nb.cache import Cache, cache_info
from manim_nb.fake_gemini import FakeGemini, FakeClock
from manim_nb.core import KEY_VARS
from manim_nb.pipeline import Run, RunOptions
from manim_nb.storyboard import SceneSpec, Storyboard

MODEL = 'gemini-2.5-flash'

@pytest.fixture(autouse=True)
def _no_keys(monkeypatch):
    for v in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL', 'USE_BATCH_MANIM', 'TTS_PROVIDER', 'MANIM_MODEL'): monkeypatch.delenv(v, raising=False)

def tiny(n=2):
    return Storyboard(title='Cached', scenes=[SceneSpec(seq=i, text=f'Scene {i} is short.', layout='title_card',
                                                        params=dict(title=f'Part {i}')) for i in range(1, n + 1)])

def recorded_run(tmp_path, fake):
    clk = FakeClock()
    prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=1, timeout=100)
    return Run(tiny(), tmp_path/'rec', RunOptions(provider='gemini', tts='none', workers=2), provider=prov).execute()

def test_replay_of_a_run_makes_zero_http_calls(tmp_path, monkeypatch):
    with FakeGemini() as fake:
        rec = recorded_run(tmp_path, fake)
        assert list(rec.outcomes.codegen_source) == ['batch', 'batch']
        calls = sum(fake.calls.values())
        monkeypatch.setenv('MANIM_MODEL', MODEL)
        rep = Run(tiny(), tmp_path/'replay', RunOptions(tts='none', replay=str(tmp_path/'rec'))).execute()
        assert sum(fake.calls.values()) == calls, 'a replay must not send a single request'
    df = rep.outcomes
    assert list(df.codegen_source) == ['cache', 'cache'] and list(df.attempts) == [0, 0] and df.cost_usd.sum() == 0
    assert (tmp_path/'replay'/'final.mp4').exists()
    assert (tmp_path/'replay'/'scenes'/'Scene1.py').read_text() == (tmp_path/'rec'/'scenes'/'Scene1.py').read_text()

def test_replay_from_the_cli_without_a_key(tmp_path):
    with FakeGemini() as fake:
        recorded_run(tmp_path, fake)
        sb = tmp_path/'sb.json'; tiny().save(sb)
        env = {k: v for k, v in os.environ.items() if k not in KEY_VARS} | dict(MANIM_MODEL=MODEL)
        r = subprocess.run([sys.executable, '-m', 'manim_nb', 'render', str(sb), '-o', str(tmp_path/'cli'), '--replay', str(tmp_path/'rec'),
                            '--tts', 'none', '--no-progress'], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        assert sum(fake.calls.values()) == fake.calls['batchGenerateContent'] + fake.calls['batches.get'] + fake.calls['models.get']
    assert 'cache 2' in r.stderr

def test_replay_miss_falls_back_to_template_with_the_reason(tmp_path, monkeypatch):
    (tmp_path/'empty').mkdir()
    monkeypatch.setenv('MANIM_MODEL', MODEL)
    run = Run(tiny(1), tmp_path/'r', RunOptions(tts='none', replay=str(tmp_path/'empty'), repair_rounds=1)).execute()
    o = run.outcomes.iloc[0]
    assert o.codegen_source == 'template' and 'no recorded answer' in o.error and o.render_status == 'ok'

def test_warm_run_in_a_fresh_folder_renders_and_speaks_nothing(tmp_path, monkeypatch):
    opts = RunOptions(provider='offline', tts='espeak', workers=2)
    Run(tiny(), tmp_path/'cold', opts).execute()
    events = []
    import manim_nb.assemble
    def no_mux(*a, **k): raise AssertionError('a warm run muxes nothing: muxed clips come from the cache')
    monkeypatch.setattr(manim_nb.assemble, 'mux', no_mux)
    warm = Run(tiny(), tmp_path/'warm', opts, listeners=[events.append]).execute()
    rendered = [e for e in events if e.phase == 'render' and e.kind == 'scene']
    assert rendered and all(e.data.get('cached') for e in rendered)
    assert list(warm.outcomes.render_s) == [0.0, 0.0]
    for i in (1, 2):  # muxed clips come from the cache too, byte for byte
        assert (tmp_path/'warm'/'clips'/f'Scene{i}.av.mp4').read_bytes() == (tmp_path/'cold'/'clips'/f'Scene{i}.av.mp4').read_bytes()
    assert (tmp_path/'warm'/'audio'/'Scene1.wav').read_bytes() == (tmp_path/'cold'/'audio'/'Scene1.wav').read_bytes()

def test_two_concurrent_runs_sharing_a_cache_corrupt_nothing(tmp_path):
    sb = tmp_path/'sb.json'; tiny(3).save(sb)
    cache = tmp_path/'shared'
    cmd = lambda out: [sys.executable, '-m', 'manim_nb', 'render', str(sb), '-o', str(out), '--cache', str(cache),
                       '--provider', 'offline', '--tts', 'espeak', '--workers', '1', '--no-progress']
    procs = [subprocess.Popen(cmd(tmp_path/f'run{i}'), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    for i in range(2):
        with av.open(str(tmp_path/f'run{i}'/'final.mp4')) as c:
            assert sum(1 for _ in c.decode(video=0)) > 0
    info = cache_info(Cache(cache))
    assert info['render']['entries'] == 15 and info['tts']['entries'] == 3  # 3 clips, their last frames, muxed clips, geometry records, keyframes
    assert not [p for p in cache.rglob('*') if p.name.startswith('.') or p.suffix == '.tmp'], 'no temporary file is left behind'
    for p in (cache/'render').rglob('*.mp4'):
        with av.open(str(p)) as c: assert c.streams.video[0].frames > 0
    for p in (cache/'tts').rglob('*.wav'):
        with wave.open(str(p)) as w: assert w.getnframes() > 0

def test_cache_cli_info_and_clear(tmp_path):
    c = Cache(tmp_path/'c'); c.put_bytes('render', 'ab' * 32, b'x', '.mp4')
    run = lambda *a: subprocess.run([sys.executable, '-m', 'manim_nb', 'cache', *a, '--cache', str(tmp_path/'c')], capture_output=True, text=True)
    r = run('info'); assert r.returncode == 0 and 'render:      1 entries' in r.stdout, r.stdout
    r = run('clear'); assert r.returncode == 0 and 'removed 1 entries' in r.stdout
    assert cache_info(c)['render']['entries'] == 0

def test_replay_of_a_gemini_narrated_run_reuses_its_narration_and_code(tmp_path, monkeypatch):
    "Durations go into code prompts, so a replay must narrate exactly as the recording did to find its answers."
    with FakeGemini(sec_per_char=0.05) as fake:
        clk = FakeClock()
        prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=1, timeout=100, batch=False)
        rec = Run(tiny(), tmp_path/'rec', RunOptions(provider='gemini', tts='gemini', workers=2), provider=prov, client=fake.client()).execute()
        assert list(rec.outcomes.tts_source) == ['gemini', 'gemini']
        calls = sum(fake.calls.values())
        monkeypatch.setenv('MANIM_MODEL', MODEL)
        rep = Run(tiny(), tmp_path/'replay', RunOptions(replay=str(tmp_path/'rec'))).execute()
        assert sum(fake.calls.values()) == calls
    df = rep.outcomes
    assert rep.options.tts == 'gemini' and list(df.tts_source) == ['gemini', 'gemini']
    assert list(df.codegen_source) == ['cache', 'cache'] and list(df.audio_s) == list(rec.outcomes.audio_s)

def test_make_replays_the_storyboard_from_a_cache_folder(tmp_path):
    with FakeGemini() as fake:
        env = {k: v for k, v in os.environ.items() if k not in KEY_VARS} | fake.env() | dict(MANIM_MODEL=MODEL, MANIM_NB_POLL_INTERVAL='0.05')
        cmd = [sys.executable, '-m', 'manim_nb', 'make', 'Circles', '--tts', 'none', '--no-progress', '--cache', str(tmp_path/'shared')]
        r = subprocess.run(cmd + ['-o', str(tmp_path/'a')], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        calls, stamp = sum(fake.calls.values()), (tmp_path/'a'/'.done.json').stat().st_mtime_ns
        again = subprocess.run(cmd + ['-o', str(tmp_path/'a')], capture_output=True, text=True, env=env)
        assert (again.returncode, again.stdout) == (0, r.stdout), again.stderr  # finished: the stamp answers
        assert (tmp_path/'a'/'.done.json').stat().st_mtime_ns == stamp and sum(fake.calls.values()) == calls
        env = {k: v for k, v in env.items() if k not in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL',)}
        r = subprocess.run([sys.executable, '-m', 'manim_nb', 'make', 'Circles', '--tts', 'none', '--no-progress', '-o', str(tmp_path/'b'),
                            '--replay', str(tmp_path/'a'/'cache')], capture_output=True, text=True, env=env)
        assert r.returncode == 0, r.stderr
        assert sum(fake.calls.values()) == calls
    assert (tmp_path/'b'/'storyboard.json').read_text() == (tmp_path/'a'/'storyboard.json').read_text()

def test_replay_follows_a_repaired_scene_in_another_folder(tmp_path, monkeypatch):
    "Repair prompts quote the render's traceback; its paths and addresses are made run-independent, so a replay finds them."
    with FakeGemini(code={'Scene2': ['render_error']}) as fake:
        clk = FakeClock()
        prov = GeminiProvider(client=fake.client(), model=MODEL, clock=clk, sleep=clk.sleep, poll_interval=1, timeout=100)
        rec = Run(tiny(), tmp_path/'rec', RunOptions(provider='gemini', tts='none', workers=2), provider=prov).execute()
        assert list(rec.outcomes.codegen_source) == ['batch', 'repair']
        calls = sum(fake.calls.values())
        monkeypatch.setenv('MANIM_MODEL', MODEL)
        rep = Run(tiny(), tmp_path/'elsewhere'/'replay', RunOptions(tts='none', replay=str(tmp_path/'rec'))).execute()
        assert sum(fake.calls.values()) == calls
    df = rep.outcomes
    assert list(df.render_status) == ['ok', 'ok'] and 'template' not in list(df.codegen_source), df[['codegen_source', 'error']]
    assert (tmp_path/'elsewhere'/'replay'/'scenes'/'Scene2.py').read_text() == (tmp_path/'rec'/'scenes'/'Scene2.py').read_text()
