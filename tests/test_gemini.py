"manim_nb.gemini against the fake Gemini server, through the real google-genai SDK (offline)."
import time

import pytest
from google.genai import errors

from manim_nb.fake_gemini import FakeGemini
from manim_nb.core import KEY_VARS, SceneCode, Usage
from manim_nb.gemini import (PRICES, GeminiConfigError, cost_usd, generate_code, generate_many,
                             make_client, price_for, prices, storyboard_from_topic)
from manim_nb.prompts import code_prompt, repair_prompt, system_instruction
from manim_nb.storyboard import SceneSpec, StoryboardError

FAST = dict(initial_delay=0.01, max_delay=0.02)
SC = SceneSpec(seq=3, text='The hypotenuse is the longest side.', layout='split_shape', params=dict(text='Hypotenuse', shape='right_triangle'))


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for v in KEY_VARS + ('GOOGLE_GEMINI_BASE_URL', 'MANIM_MODEL', 'SCRIPT_MODEL', 'THINKING_BUDGET', 'MANIM_NB_PRICES'):
        monkeypatch.delenv(v, raising=False)


@pytest.fixture
def fake(monkeypatch):
    with FakeGemini() as f:
        for k, v in f.env().items(): monkeypatch.setenv(k, v)
        yield f


def budgets(fake): return [l['body']['generationConfig']['thinkingConfig']['thinking_budget'] for l in fake.log if l['endpoint'] == 'generateContent']


# ---------------------------------------------------------------- client
def test_no_key_names_the_variables():
    with pytest.raises(GeminiConfigError, match='GEMINI_API_KEY, GOOGLE_API_KEY, GENAI_API_KEY'): make_client()


@pytest.mark.parametrize('var', KEY_VARS)
def test_each_key_variable_and_base_url_env(var, monkeypatch):
    with FakeGemini() as f:
        monkeypatch.setenv(var, 'secret-' + var)
        monkeypatch.setenv('GOOGLE_GEMINI_BASE_URL', f.base_url)
        c = make_client(retries=1)
        assert 'class Scene1(' in c.models.generate_content(model='gemini-2.5-flash', contents='Class name: Scene1').text
        assert f.log[-1]['path'].startswith('/v1beta/')


def test_gemini_key_wins_and_api_version_can_be_set(monkeypatch):
    monkeypatch.setenv('GOOGLE_API_KEY', 'g'); monkeypatch.setenv('GEMINI_API_KEY', 'm')
    with FakeGemini() as f:
        c = make_client(base_url=f.base_url, api_version='v1')
        assert c._api_client.api_key == 'm'
        c.models.generate_content(model='gemini-2.5-flash', contents='hi')
        assert f.log[-1]['path'] == '/v1/models/gemini-2.5-flash:generateContent'


def test_sdk_retries_429_and_503_then_succeeds(fake):
    fake.faults.http_errors = {'generateContent': [429, 503, 502, 500]}
    res = generate_code(make_client(retries=5, **FAST), SC, 'Pythagoras', 5.0, model='gemini-2.5-flash')
    assert res.ok and res.attempts == 1 and fake.calls['generateContent'] == 5


def test_without_sdk_retries_the_app_retry_still_recovers(fake):
    fake.faults.http_errors = {'generateContent': [503]}
    res = generate_code(make_client(retries=1), SC, model='gemini-2.5-flash')
    assert res.ok and res.attempts == 2 and fake.calls['generateContent'] == 2
    assert budgets(fake) == [4096, 0]


def test_retry_delays_are_exponential_and_bounded(fake):
    fake.faults.http_errors = {'generateContent': {'*': 429}}
    c = make_client(retries=4, initial_delay=0.05, max_delay=0.1, jitter=0)  # keep a reference: a collected Client closes its pool
    t0 = time.perf_counter()
    with pytest.raises(errors.ClientError): c.models.generate_content(model='gemini-2.5-flash', contents='x')
    took = time.perf_counter() - t0
    assert fake.calls['generateContent'] == 4 and 0.25 <= took < 1.5  # waits 0.05 + 0.1 + 0.1


# ---------------------------------------------------------------- codegen
def test_first_attempt_thinks_and_records_usage(fake):
    res = generate_code(make_client(), SC, 'Pythagoras', 6.5, model='gemini-2.5-flash')
    assert res.ok and res.attempts == 1 and res.thinking_used and res.usage.thought_tokens > 0
    assert res.code.startswith('from manim import') and 'class Scene3(' in res.code
    assert res.usage.cost_usd == pytest.approx(cost_usd(res.usage, 'gemini-2.5-flash')) and res.usage.cost_usd > 0
    body = fake.log[-1]['body']
    assert body['systemInstruction']['parts'][0]['text'] == system_instruction()
    assert body['contents'][0]['parts'][0]['text'] == code_prompt(SC, 'Pythagoras', 6.5)
    assert budgets(fake) == [4096]


def test_thinking_used_only_when_thoughts_reported(fake):
    res = generate_code(make_client(), SC, model='gemini-2.5-flash', thinking_budget=0)
    assert res.ok and not res.thinking_used and res.usage.thought_tokens == 0


def test_env_models_and_budget(fake, monkeypatch):
    monkeypatch.setenv('MANIM_MODEL', 'gemini-2.5-flash-lite'); monkeypatch.setenv('THINKING_BUDGET', '-1')
    res = generate_code(make_client(), SC)
    assert res.model == 'gemini-2.5-flash-lite' and fake.log[-1]['path'].endswith('gemini-2.5-flash-lite:generateContent')
    assert budgets(fake) == [-1] and res.thinking_used


@pytest.mark.parametrize('mode', ['safety', 'empty'])
def test_blocked_or_empty_answer_retries_without_thinking(fake, mode):
    fake.faults.code = {'Scene3': [mode]}
    res = generate_code(make_client(), SC, model='gemini-2.5-flash')
    assert res.ok and res.attempts == 2 and res.error == '' and budgets(fake) == [4096, 0]
    assert res.thinking_used  # the first call did think


def test_retry_on_pro_uses_minimum_budget(fake):
    fake.faults.code = {'Scene3': ['safety']}
    res = generate_code(make_client(), SC, model='gemini-2.5-pro')
    assert res.ok and budgets(fake) == [4096, 128]


def test_dropped_connection_is_retried(fake):
    fake.faults.http_errors = {'generateContent': {1: 'drop'}}
    res = generate_code(make_client(**FAST), SC, model='gemini-2.5-flash')
    assert res.ok and res.attempts == 2 and fake.calls['generateContent'] == 2


def test_all_attempts_fail_gives_an_error_not_an_exception(fake):
    fake.faults.code = {'Scene3': 'empty'}
    res = generate_code(make_client(), SC, model='gemini-2.5-flash', max_attempts=3)
    assert not res.ok and res.code is None and res.attempts == 3 and 'empty answer (finish reason STOP)' in res.error
    fake.faults.code, fake.faults.http_errors = {}, {'generateContent': {'*': 500}}
    res = generate_code(make_client(retries=2, **FAST), SC, model='gemini-2.5-flash')
    assert not res.ok and 'ServerError: 500' in res.error and fake.calls['generateContent'] == 3 + 4


def test_prose_around_the_fence_is_stripped(fake):
    fake.faults.code = {'*': 'prose'}
    res = generate_code(make_client(), SC, model='gemini-2.5-flash')
    assert res.text.startswith('Sure!') and res.code.startswith('from manim import') and not res.code.endswith('```')


def test_repair_prompt_goes_through(fake):
    p = repair_prompt(SC, 'T', 4.0, 'class Scene3: pass', "NameError: name 'ShowCreation' is not defined")
    res = generate_code(make_client(), SC, prompt=p, model='gemini-2.5-flash')
    assert res.ok and "NameError: name 'ShowCreation'" in fake.log[-1]['body']['contents'][0]['parts'][0]['text']


def test_generate_many_runs_concurrently_in_order(fake):
    fake.faults.latency = 0.25
    scenes = [SceneSpec(seq=i, text=f'Scene {i}.') for i in range(1, 9)]
    c = make_client()
    t0 = time.perf_counter()
    rs = generate_many(c, scenes, 'T', {i: 2.0 for i in range(1, 9)}, workers=8, model='gemini-2.5-flash')
    concurrent = time.perf_counter() - t0
    assert [r.scene for r in rs] == [s.name for s in scenes] and all(r.ok for r in rs)
    assert concurrent < 1.0  # 8 x 0.25 s one after another would take 2 s
    fake.faults.latency = 0.1
    t0 = time.perf_counter(); seen = []
    generate_many(c, scenes[:4], workers=0, on_result=seen.append, model='gemini-2.5-flash')
    assert time.perf_counter() - t0 >= 0.4 and [r.scene for r in seen] == ['Scene1', 'Scene2', 'Scene3', 'Scene4']


def test_generate_many_isolates_failures(fake):
    fake.faults.code = {'Scene2': 'empty'}
    rs = generate_many(make_client(), [SceneSpec(seq=i, text='x') for i in (1, 2, 3)], model='gemini-2.5-flash')
    assert [r.ok for r in rs] == [True, False, True] and rs[1].attempts == 2


# ---------------------------------------------------------------- cost
def test_cost_table_batch_discount_and_overrides(monkeypatch):
    u = Usage(2_000_000, 500_000, 500_000)
    assert cost_usd(u, 'gemini-2.5-flash') == pytest.approx(2 * 0.30 + 1 * 2.50)
    assert cost_usd(u, 'gemini-2.5-flash', batch=True) == pytest.approx((2 * 0.30 + 1 * 2.50) / 2)
    assert set(PRICES) >= {'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-flash-preview-tts'}
    assert price_for('gemini-2.5-pro-preview-06-05') == PRICES['gemini-2.5-pro']
    monkeypatch.setenv('MANIM_NB_PRICES', '{"gemini-2.5-flash": [1, 2]}')
    assert cost_usd(u, 'gemini-2.5-flash') == pytest.approx(2 + 2)
    assert cost_usd(u, 'gemini-2.5-flash', table=prices({'gemini-2.5-flash': {'input': 0, 'output': 1}})) == pytest.approx(1)


def test_code_result_repr_is_deterministic():
    r = SceneCode('x = 1', 'individual', 1, Usage(10, 5, 0, 0.001), scene='Scene1', model='m')
    assert r._repr_markdown_() == r._repr_markdown_() and '**Scene1** (individual, m): ok after 1 attempt(s)' in r._repr_markdown_()


# ---------------------------------------------------------------- storyboards
def test_storyboard_from_topic(fake):
    sb = storyboard_from_topic(make_client(), 'How rainbows form', n_scenes=4)
    assert sb.title == 'How rainbows form' and [s.seq for s in sb.scenes] == [1, 2, 3, 4]
    gc = fake.log[-1]['body']['generationConfig']
    assert gc['responseMimeType'] == 'application/json' and gc['responseSchema']['required'] == ['title', 'scenes']
    assert fake.log[-1]['path'].endswith('gemini-2.5-flash:generateContent')


def test_storyboard_retries_with_the_error_fed_back(fake):
    fake.faults.storyboard = ['invalid_json', 'fenced']
    sb = storyboard_from_topic(make_client(), 'Circles', model='gemini-2.5-pro')
    assert len(sb.scenes) == 5 and fake.calls['generateContent'] == 2
    assert 'previous answer was invalid: invalid JSON' in fake.log[1]['body']['contents'][0]['parts'][0]['text']


def test_storyboard_http_error_is_retried_then_gives_up(fake):
    fake.faults.http_errors = {'generateContent': [503]}
    assert storyboard_from_topic(make_client(retries=1), 'Circles').title == 'Circles'
    fake.faults.storyboard = ['invalid'] * 5
    with pytest.raises(StoryboardError, match="no valid storyboard for 'Circles' in 2 tries; last problem: .*narration is empty"):
        storyboard_from_topic(make_client(), 'Circles', max_tries=2)
    assert fake.faults.storyboard == ['invalid'] * 3


def test_script_model_env(fake, monkeypatch):
    monkeypatch.setenv('SCRIPT_MODEL', 'gemini-2.5-flash-lite')
    storyboard_from_topic(make_client(), 'Circles')
    assert fake.log[-1]['path'].endswith('gemini-2.5-flash-lite:generateContent')
