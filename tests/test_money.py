"""The price before paying and a cap, through the CLI and the real SDK against the fake server: an estimate makes no
generate call, a cap under the estimate refuses in one line, a cap reached mid-run leaves templates and a video."""
import os, subprocess, sys

import pytest

from manim_nb.core import KEY_VARS
from manim_nb.fake_gemini import FakeClock, FakeGemini
from manim_nb.pipeline import Run, RunOptions, outcome_rows
from manim_nb.providers import GeminiProvider
from manim_nb.storyboard import SceneSpec, Storyboard

@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for v in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL', 'MANIM_MODEL', 'THINKING_BUDGET', 'THINKING_LEVEL', 'MANIM_NB_PRICES', 'USE_BATCH_MANIM', 'TTS_PROVIDER'):
        monkeypatch.delenv(v, raising=False)

def twenty():
    return Storyboard(title='Twenty', scenes=[
        SceneSpec(seq=i, text=f'Scene {i} explains one more idea about circles.', layout='custom' if i % 2 else 'title_card',
                  anim=f'Draw circle number {i} and label its radius.' if i % 2 else '', params={} if i % 2 else dict(title=f'Part {i}'))
        for i in range(1, 21)])

def cli(fake, *args, **env):
    e = {k: v for k, v in os.environ.items() if k not in KEY_VARS} | fake.env() | dict(MANIM_MODEL='gemini-3-flash-preview', **env)
    return subprocess.run([sys.executable, '-m', 'manim_nb', *args], capture_output=True, text=True, env=e, timeout=120)

def test_estimate_makes_no_generate_call_and_a_cap_under_it_refuses(tmp_path):
    (tmp_path/'sb.json').write_text(twenty().to_json())
    with FakeGemini() as fake:
        p = cli(fake, 'render', str(tmp_path/'sb.json'), '-o', str(tmp_path/'out'), '--estimate', '--tts', 'gemini')
        assert p.returncode == 0, p.stderr
        assert fake.calls['countTokens'] == 20 and fake.calls['generateContent'] == 0 and fake.jobs_created == 0
        lines = p.stdout.splitlines()
        assert sum(l.lstrip().startswith('Scene') for l in lines) == 20
        total = float(lines[-1].rsplit('total $', 1)[1].split()[0])
        assert total > 0 and 'narration $' in lines[-1] and 'batch' in lines[-1]
        # a cap under the estimate: one line, nothing generated or spoken, no job
        p = cli(fake, 'render', str(tmp_path/'sb.json'), '-o', str(tmp_path/'out2'), '--max-cost', f'{total / 2:.6f}', '--tts', 'gemini')
        assert p.returncode != 0 and len(p.stderr.strip().splitlines()) == 1, p.stderr
        assert 'is over --max-cost' in p.stderr and 'nothing was generated' in p.stderr
        assert fake.calls['generateContent'] == 0 and fake.jobs_created == 0

def test_make_estimate_before_the_storyboard_exists(tmp_path):
    with FakeGemini() as fake:
        p = cli(fake, 'make', 'Why the sky is blue', '-o', str(tmp_path/'out'), '--estimate', '--tts', 'espeak')
        assert p.returncode == 0, p.stderr
        assert 'storyboard:' in p.stdout and 'counted' in p.stdout and 'total, roughly: $' in p.stdout, p.stdout
        assert fake.calls['generateContent'] == 0 and fake.jobs_created == 0 and fake.calls['countTokens'] >= 6
        assert not (tmp_path/'out'/'storyboard.json').exists()

def _capped_run(tmp_path, **faults):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='A circle.', layout='custom', anim='Draw a circle.'),
                                         SceneSpec(seq=2, text='Fine.', layout='title_card', params=dict(title='Fine'))])
    clk = FakeClock()
    fake = FakeGemini(clock=clk, **faults)
    prov = lambda: GeminiProvider(client=fake.client(), model='gemini-3-flash-preview', clock=clk, sleep=clk.sleep, poll_interval=10, timeout=3600)
    cap = Run(sb, tmp_path/'est', RunOptions(provider='gemini', tts='none'), provider=prov()).estimate().total_usd
    run = Run(sb, tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=2, max_cost=cap), provider=prov())
    run.execute(show=False)
    return fake, run, {o.scene: o for o in outcome_rows(run)}, cap

def test_a_cap_reached_mid_run_stops_the_fallback(tmp_path):
    fake, run, rows, cap = _capped_run(tmp_path, batch_errors={'codegen-1': 500})
    o = rows['Scene1']
    assert fake.calls['generateContent'] == 0  # the fallback call was not made
    assert o.codegen_source == 'template' and o.render_status == 'ok' and 'cost cap' in o.error and '--max-cost' in o.error, o
    assert rows['Scene2'].codegen_source == 'batch'
    assert all(x.estimate_usd > 0 for x in rows.values())  # the estimate, next to the actual spend
    assert (run.out/'final.mp4').exists() and sum(x.cost_usd for x in rows.values()) <= cap

def test_a_cap_reached_mid_run_stops_the_repair(tmp_path):
    fake, run, rows, cap = _capped_run(tmp_path, code={'Scene1': ['syntax']})
    o = rows['Scene1']
    assert fake.jobs_created == 1  # the codegen job only: no repair job
    assert o.codegen_source == 'template' and o.render_status == 'ok' and 'cost cap' in o.error, o
    assert (run.out/'final.mp4').exists()
