"""Models and money through the real SDK against the fake server: Gemini 3 is asked by thinking level (never a level and a
budget together), 2.5 by budget; costs follow the model table; each scene thinks as its complexity (or the
storyboard, or the run) says, a repair one level more; retries are options."""
import pytest

from manim_nb.core import KEY_VARS
from manim_nb.fake_gemini import FakeClock, FakeGemini
from manim_nb.models import MODELS, model_info
from manim_nb.pipeline import Run, RunError, RunOptions, codegen_phase, outcome_rows, write_outcomes
from manim_nb.providers import GeminiProvider
from manim_nb.storyboard import SceneSpec, Storyboard

@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for v in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL', 'MANIM_MODEL', 'THINKING_BUDGET', 'THINKING_LEVEL', 'MANIM_NB_PRICES', 'USE_BATCH_MANIM',
                         'MANIM_NB_BATCH_TIMEOUT', 'MANIM_NB_POLL_INTERVAL', 'TTS_PROVIDER', 'MANIM_NB_HTTP_RETRIES', 'MANIM_NB_ATTEMPTS', 'MANIM_NB_REPAIR_ROUNDS'):
        monkeypatch.delenv(v, raising=False)

def mixed():
    "A title card (a template: low), a plain custom scene (medium), a 3D scene with a formula (high), one that says its own."
    return Storyboard(title='Mixed', scenes=[
        SceneSpec(seq=1, text='Shapes.', layout='title_card', params=dict(title='Shapes')),
        SceneSpec(seq=2, text='A circle has a centre.', layout='custom', anim='Draw a circle.'),
        SceneSpec(seq=3, text='A sphere.', layout='custom', anim='Rotate the camera around a sphere; write its equation.'),
        SceneSpec(seq=4, text='Mine.', layout='custom', anim='Draw a square.', thinking='low')])

def run_codegen(tmp_path, model, sb=None, opts=None, **faults):
    clk = FakeClock()
    fake = FakeGemini(clock=clk, **faults)
    prov = GeminiProvider(client=fake.client(), model=model, clock=clk, sleep=clk.sleep, poll_interval=10, timeout=3600)
    run = Run(sb or mixed(), tmp_path/'run', opts or RunOptions(provider='gemini', tts='none', workers=2), provider=prov)
    codegen_phase(run); write_outcomes(run)
    return fake, run, {o.scene: o for o in outcome_rows(run)}

def batch_thinking(fake) -> dict:
    "{request key: thinkingConfig} of every batch request the fake received."
    out = {}
    for l in fake.log:
        if l['endpoint'] == 'batchGenerateContent':
            for r in l['body']['batch']['inputConfig']['requests']['requests']:
                out[r['metadata']['key']] = r['request']['generationConfig'].get('thinkingConfig')
    return out

def test_gemini_3_gets_levels_and_a_cost_from_the_table(tmp_path):
    model = 'gemini-3-pro-preview'
    fake, run, rows = run_codegen(tmp_path, model)
    sent = batch_thinking(fake)
    # a level, never a budget; Pro takes low and high only, so 'medium' goes as HIGH
    assert sent == {'codegen-1': {'thinking_level': 'LOW'}, 'codegen-2': {'thinking_level': 'HIGH'},
                    'codegen-3': {'thinking_level': 'HIGH'}, 'codegen-4': {'thinking_level': 'LOW'}}, sent
    assert [rows[f'Scene{i}'].thinking for i in (1, 2, 3, 4)] == ['low', 'medium', 'high', 'low']
    info = model_info(model)
    for o in rows.values():
        assert o.codegen_source == 'batch' and o.thinking_used and o.cost_usd > 0
        # recomputed from the recorded usage with the table: batch price, thinking billed as output
        assert o.cost_usd == pytest.approx(info.cost(o.input_tokens, o.output_tokens + o.thought_tokens, batch=True), rel=1e-6)
        assert o.cost_usd == pytest.approx((o.input_tokens * 2.0 + (o.output_tokens + o.thought_tokens) * 12.0) / 1e6 / 2, rel=1e-6)
    # the levels change what the model thinks: the high scenes thought more than the low ones
    assert rows['Scene3'].thought_tokens > rows['Scene1'].thought_tokens

def test_gemini_3_fallback_and_retry_send_levels_only(tmp_path):
    model = 'gemini-3-flash-preview'
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='A circle.', layout='custom', anim='Draw a circle.')])
    fake, run, rows = run_codegen(tmp_path, model, sb, batch_errors={'codegen-1': 500}, code={'Scene1': ['safety', 'ok']})
    o = rows['Scene1']
    assert o.codegen_source == 'individual' and o.render_status == 'pending' and o.cost_usd > 0
    calls = [l['body']['generationConfig']['thinkingConfig'] for l in fake.log if l['endpoint'] == 'generateContent']
    assert calls == [{'thinking_level': 'MEDIUM'}, {'thinking_level': 'MINIMAL'}]  # the retry thinks least
    assert all('thinking_budget' not in c for c in calls)

def test_2_5_still_gets_budgets(tmp_path):
    fake, run, rows = run_codegen(tmp_path, 'gemini-2.5-pro')
    sent = batch_thinking(fake)
    assert sent == {'codegen-1': {'thinking_budget': 1024}, 'codegen-2': {'thinking_budget': 4096},
                    'codegen-3': {'thinking_budget': 16384}, 'codegen-4': {'thinking_budget': 1024}}, sent
    for o in rows.values():
        assert o.cost_usd == pytest.approx(MODELS['gemini-2.5-pro'].cost(o.input_tokens, o.output_tokens + o.thought_tokens, batch=True), rel=1e-6)

def test_the_run_setting_and_the_environment(tmp_path, monkeypatch):
    # the run's setting wins over complexity, the scene's own wins over the run's
    fake, run, rows = run_codegen(tmp_path, 'gemini-3-flash-preview', opts=RunOptions(provider='gemini', tts='none', thinking='minimal'))
    sent = batch_thinking(fake)
    assert [sent[f'codegen-{i}'] for i in (1, 2, 3, 4)] == [{'thinking_level': 'MINIMAL'}] * 3 + [{'thinking_level': 'LOW'}]
    # THINKING_BUDGET keeps working for 2.5, THINKING_LEVEL for 3 (a level on 2.5 becomes its budget)
    monkeypatch.setenv('THINKING_LEVEL', 'high')
    fake, run, rows = run_codegen(tmp_path/'b', 'gemini-2.5-flash')
    assert batch_thinking(fake)['codegen-1'] == {'thinking_budget': 16384}
    monkeypatch.delenv('THINKING_LEVEL'); monkeypatch.setenv('THINKING_BUDGET', '2048')
    fake, run, rows = run_codegen(tmp_path/'c', 'gemini-2.5-flash')
    assert batch_thinking(fake)['codegen-2'] == {'thinking_budget': 2048}
    with pytest.raises(RunError, match='--thinking'): RunOptions(thinking='lots').resolved()

def test_a_repair_thinks_one_level_more(tmp_path):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='A circle.', layout='custom', anim='Draw a circle.')])
    clk = FakeClock()
    fake = FakeGemini(clock=clk, code={'Scene1': ['syntax']})
    prov = GeminiProvider(client=fake.client(), model='gemini-3-flash-preview', clock=clk, sleep=clk.sleep, poll_interval=10, timeout=3600)
    run = Run(sb, tmp_path/'run', RunOptions(provider='gemini', tts='none', workers=1), provider=prov)
    run.execute(show=False)
    sent = batch_thinking(fake)
    assert sent == {'codegen-1': {'thinking_level': 'MEDIUM'}, 'repair-1': {'thinking_level': 'HIGH'}}, sent
    [o] = outcome_rows(run)
    assert (o.codegen_source, o.thinking, o.render_status) == ('repair', 'high', 'ok')

def test_retries_are_options(tmp_path, monkeypatch):
    sb = Storyboard(title='One', scenes=[SceneSpec(seq=1, text='A circle.', layout='custom', anim='Draw a circle.')])
    # one attempt per individual call: a blocked answer is not retried (the scene is left to its template)
    fake, run, rows = run_codegen(tmp_path, 'gemini-2.5-flash', sb, RunOptions(provider='gemini', tts='none', batch=False, attempts=1),
                                  code={'Scene1': ['safety', 'ok']})
    o = rows['Scene1']
    assert fake.calls['generateContent'] == 1 and o.attempts == 1 and 'empty answer' in o.error, o
    monkeypatch.setenv('MANIM_NB_ATTEMPTS', '3')
    assert RunOptions().resolved().attempts == 3 and RunOptions(attempts=2).resolved().attempts == 2
    monkeypatch.setenv('MANIM_NB_HTTP_RETRIES', 'x')
    with pytest.raises(RunError, match='MANIM_NB_HTTP_RETRIES must be a whole number'): RunOptions().resolved()
    monkeypatch.delenv('MANIM_NB_HTTP_RETRIES')
    assert RunOptions().resolved().http_retries == 5
    with pytest.raises(RunError, match='--http-retries'): RunOptions(http_retries=0).resolved()
    monkeypatch.setenv('MANIM_NB_REPAIR_ROUNDS', '0')
    assert RunOptions().resolved().repair_rounds == 0 and RunOptions(repair_rounds=3).resolved().repair_rounds == 3
    with pytest.raises(RunError, match='--repair-rounds'): RunOptions(repair_rounds=-1).resolved()
