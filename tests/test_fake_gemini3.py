"""FakeGemini's Gemini 3 thinking rules and countTokens, through the unmodified google-genai SDK (offline, loopback only).

The real service steers Gemini 3 thinking by `thinkingLevel` and refuses, with a 400: a level together with a budget,
a level on a model before Gemini 3, and a level the model does not take (Pro: LOW, HIGH; Flash: MINIMAL, LOW, MEDIUM,
HIGH). In a batch job the same request gets a per-request error with code 400. countTokens answers `totalTokens`,
equal to the `promptTokenCount` a generateContent on the same contents reports, and is never a generate call.
"""
import asyncio, json, urllib.error, urllib.request

import pytest
from google.genai import errors, types

from manim_nb.fake_gemini import LEVEL_THOUGHTS, FakeGemini

PRO3, FLASH3 = 'gemini-3-pro-preview', 'gemini-3-flash-preview'
PROMPT = 'Class name: Scene1\nNarration: A circle grows.'
BOTH = 'You can only set only one of thinking budget and thinking level.'
NOT_G3 = 'Thinking level is not supported for this model.'
FAST = dict(retry_options=types.HttpRetryOptions(attempts=3, initial_delay=0.01, max_delay=0.02, jitter=0.0))


def think(**t): return types.GenerateContentConfig(thinking_config=types.ThinkingConfig(**t))


def gen(c, model, config=None, contents=PROMPT):
    return c.models.generate_content(model=model, contents=contents, config=config)


def not_taken(level): return f'Thinking level {level} is not supported for this model. Please retry with other thinking level.'


def raw(fake, path, body):
    "A raw POST (to see what the SDK hides or refuses to send). Returns (status, parsed body)."
    req = urllib.request.Request(fake.base_url + path, method='POST', data=json.dumps(body).encode(),
                                 headers={'Content-Type': 'application/json', 'x-goog-api-key': 'k'})
    try:
        with urllib.request.urlopen(req, timeout=5) as r: return r.status, json.loads(r.read() or b'{}')
    except urllib.error.HTTPError as e: return e.code, json.loads(e.read())


def refused(c, model, config, message):
    "The call fails with the SDK's ClientError 400 INVALID_ARGUMENT carrying `message`."
    with pytest.raises(errors.ClientError) as e: gen(c, model, config)
    assert (e.value.code, e.value.status, e.value.message) == (400, 'INVALID_ARGUMENT', message)


# ---------------------------------------------------------------- the wire format
def test_sdk_sends_thinking_level_snake_case_and_upper_case():
    with FakeGemini() as fake:
        c = fake.client()
        gen(c, FLASH3, think(thinking_level=types.ThinkingLevel.LOW))
        gen(c, FLASH3, think(thinking_level='medium', include_thoughts=True))
        assert [l['body']['generationConfig'] for l in fake.log] == [
            {'thinkingConfig': {'thinking_level': 'LOW'}}, {'thinkingConfig': {'include_thoughts': True, 'thinking_level': 'MEDIUM'}}]


# ---------------------------------------------------------------- the rules, interactive
@pytest.mark.parametrize('model', [PRO3, FLASH3, 'gemini-2.5-pro', 'gemini-2.5-flash'])
def test_level_and_budget_together_is_400(model):
    with FakeGemini() as fake:
        refused(fake.client(), model, think(thinking_level='HIGH', thinking_budget=1024), BOTH)
        assert fake.calls['generateContent'] == 1


@pytest.mark.parametrize('model', ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.0-flash'])
@pytest.mark.parametrize('level', ['LOW', 'HIGH'])
def test_level_on_a_model_before_gemini_3_is_400(model, level):
    with FakeGemini() as fake: refused(fake.client(), model, think(thinking_level=level), NOT_G3)


@pytest.mark.parametrize('model,level', [(PRO3, 'MINIMAL'), (PRO3, 'MEDIUM'), (PRO3, 'XHIGH'), ('gemini-3.1-pro-preview', 'MEDIUM'),
                                         (FLASH3, 'XHIGH')])
def test_level_the_model_does_not_take_is_400(model, level):
    with FakeGemini() as fake: refused(fake.client(), model, think(thinking_level=level), not_taken(level))


def test_unknown_level_is_400_and_lower_case_is_taken():
    with FakeGemini() as fake:
        path = f'/v1beta/models/{FLASH3}:generateContent'
        body = lambda lvl: {'contents': [{'parts': [{'text': PROMPT}]}], 'generationConfig': {'thinkingConfig': {'thinkingLevel': lvl}}}
        st, out = raw(fake, path, body('ULTRA'))
        assert st == 400 and out['error']['status'] == 'INVALID_ARGUMENT' and 'ULTRA' in out['error']['message']
        st, out = raw(fake, path, body('low'))
        assert st == 200 and out['usageMetadata']['thoughtsTokenCount'] == LEVEL_THOUGHTS['LOW']
        st, out = raw(fake, path, body('THINKING_LEVEL_UNSPECIFIED'))  # the enum's zero value is no level: the default, HIGH
        assert st == 200 and out['usageMetadata']['thoughtsTokenCount'] == LEVEL_THOUGHTS['HIGH']


def test_tts_requests_are_exempt():
    with FakeGemini() as fake:
        c = fake.client()
        for t in (dict(thinking_level='LOW'), dict(thinking_level='HIGH', thinking_budget=0)):
            r = gen(c, 'gemini-2.5-flash-preview-tts', types.GenerateContentConfig(response_modalities=['AUDIO'],
                                                                                  thinking_config=types.ThinkingConfig(**t)), 'Hello there.')
            assert r.candidates[0].content.parts[0].inline_data.data


# ---------------------------------------------------------------- valid levels answer with thoughts
@pytest.mark.parametrize('model,levels', [(PRO3, ['LOW', 'HIGH']), (FLASH3, ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'])])
def test_valid_levels_answer_with_thoughts_growing_with_the_level(model, levels):
    with FakeGemini() as fake:
        c = fake.client()
        got = []
        for level in levels:
            r = gen(c, model, think(thinking_level=level, include_thoughts=True))
            assert 'class Scene1(' in r.text and 'Planning' not in r.text
            n = r.usage_metadata.thoughts_token_count
            got.append(n or 0)
            if level == 'MINIMAL': assert n is None and not r.candidates[0].content.parts[0].thought  # no thoughts, as the service omits them
            else: assert n > 0 and r.candidates[0].content.parts[0].thought
            u = r.usage_metadata
            assert u.total_token_count == u.prompt_token_count + u.candidates_token_count + (n or 0)
        assert got == sorted(got) and len(set(got)) == len(got)
        assert got[-1] >= 2000 and (levels[0] == 'MINIMAL' or 100 <= got[0] < 1000)
        assert fake.calls['generateContent'] == len(levels)


@pytest.mark.parametrize('model', [PRO3, FLASH3, 'gemini-3.1-pro-preview'])
def test_gemini_3_with_no_thinking_config_thinks_at_high(model):
    with FakeGemini() as fake:
        c = fake.client()
        assert gen(c, model).usage_metadata.thoughts_token_count == LEVEL_THOUGHTS['HIGH']
        assert gen(c, model, think(include_thoughts=True)).usage_metadata.thoughts_token_count == LEVEL_THOUGHTS['HIGH']


def test_gemini_3_still_takes_a_budget_alone():
    with FakeGemini() as fake:
        c = fake.client()
        assert gen(c, FLASH3, think(thinking_budget=128)).usage_metadata.thoughts_token_count == 128
        refused(c, PRO3, think(thinking_budget=0), 'Budget 0 is invalid. This model only works in thinking mode.')


# ---------------------------------------------------------------- 2.5 models unchanged
def test_2_5_models_with_a_budget_unchanged():
    with FakeGemini() as fake:
        c = fake.client()
        p = c.models.count_tokens(model='gemini-2.5-pro', contents=PROMPT).total_tokens
        assert gen(c, 'gemini-2.5-pro', think(thinking_budget=1024)).usage_metadata.thoughts_token_count == min(1024, 200 + p // 2)
        assert gen(c, 'gemini-2.5-pro', think(thinking_budget=100)).usage_metadata.thoughts_token_count == 100
        assert gen(c, 'gemini-2.5-flash', think(thinking_budget=-1)).usage_metadata.thoughts_token_count == 300
        assert gen(c, 'gemini-2.5-flash', think(thinking_budget=0)).usage_metadata.thoughts_token_count is None
        assert gen(c, 'gemini-2.5-pro').usage_metadata.thoughts_token_count is None
        refused(c, 'gemini-2.5-pro', think(thinking_budget=0), 'Budget 0 is invalid. This model only works in thinking mode.')


# ---------------------------------------------------------------- the rules inside a batch job
def test_rules_inside_an_inline_batch_job():
    cases = {'ok-low': dict(thinking_level='LOW'), 'ok-default': {}, 'medium': dict(thinking_level='MEDIUM'),
             'minimal': dict(thinking_level='MINIMAL'), 'both': dict(thinking_level='HIGH', thinking_budget=1024)}
    with FakeGemini() as fake:
        c = fake.client()
        src = [types.InlinedRequest(contents=PROMPT, metadata={'key': k}, config=think(**t)) for k, t in cases.items()]
        job = c.batches.get(name=c.batches.create(model=PRO3, src=src).name)
        assert job.state.name == 'JOB_STATE_SUCCEEDED'
        got = {r.metadata['key']: r for r in job.dest.inlined_responses}
        assert got['ok-low'].response.usage_metadata.thoughts_token_count == LEVEL_THOUGHTS['LOW']
        assert got['ok-default'].response.usage_metadata.thoughts_token_count == LEVEL_THOUGHTS['HIGH']
        errs = {k: (got[k].response, got[k].error.code, got[k].error.message) for k in ('medium', 'minimal', 'both')}
        assert errs == {'medium': (None, 400, not_taken('MEDIUM')), 'minimal': (None, 400, not_taken('MINIMAL')), 'both': (None, 400, BOTH)}
        assert (fake.calls['batchGenerateContent'], fake.calls['generateContent']) == (1, 0)


def test_level_on_a_2_5_model_inside_a_batch_job():
    with FakeGemini() as fake:
        c = fake.client()
        src = [types.InlinedRequest(contents=PROMPT, metadata={'key': 'level'}, config=think(thinking_level='LOW')),
               types.InlinedRequest(contents=PROMPT, metadata={'key': 'budget'}, config=think(thinking_budget=2048))]
        got = {r.metadata['key']: r for r in c.batches.get(name=c.batches.create(model='gemini-2.5-flash', src=src).name).dest.inlined_responses}
        assert (got['level'].error.code, got['level'].error.message) == (400, NOT_G3)
        assert got['budget'].error is None and got['budget'].response.usage_metadata.thoughts_token_count > 0


def test_rules_inside_a_file_batch_job(tmp_path):
    lines = [{'key': 'flash-medium', 'request': {'contents': [{'parts': [{'text': PROMPT}]}],
                                                 'generationConfig': {'thinkingConfig': {'thinkingLevel': 'MEDIUM'}}}},
             {'key': 'flash-xhigh', 'request': {'contents': [{'parts': [{'text': PROMPT}]}],
                                                'generation_config': {'thinking_config': {'thinking_level': 'XHIGH'}}}}]
    (p := tmp_path / 'in.jsonl').write_text(''.join(json.dumps(l) + '\n' for l in lines))
    with FakeGemini() as fake:
        c = fake.client()
        f = c.files.upload(file=str(p), config=types.UploadFileConfig(mime_type='jsonl'))
        job = c.batches.get(name=c.batches.create(model=FLASH3, src=f.name).name)
        out = {(d := json.loads(l))['key']: d for l in c.files.download(file=job.dest.file_name).decode().splitlines()}
        assert out['flash-medium']['response']['usageMetadata']['thoughtsTokenCount'] == LEVEL_THOUGHTS['MEDIUM']
        assert out['flash-xhigh']['error'] == {'code': 400, 'message': not_taken('XHIGH')}


# ---------------------------------------------------------------- countTokens
def test_count_tokens_is_not_a_generate_call_and_matches_prompt_token_count():
    system = 'You write Manim for short explainer videos. ' * 10
    with FakeGemini() as fake:
        c = fake.client()
        for model in ('gemini-2.5-pro', PRO3):
            for contents in (PROMPT, 'x', 'Topic: circles\n' * 40):
                fake.reset()
                n = c.models.count_tokens(model=model, contents=contents).total_tokens
                assert fake.calls == {'countTokens': 1} and [l['endpoint'] for l in fake.log] == ['countTokens']
                assert n == gen(c, model, contents=contents).usage_metadata.prompt_token_count
            # a system instruction is counted by passing it as contents, first
            n = c.models.count_tokens(model=model, contents=[system, PROMPT]).total_tokens
            r = gen(c, model, types.GenerateContentConfig(system_instruction=system))
            assert n == r.usage_metadata.prompt_token_count > c.models.count_tokens(model=model, contents=PROMPT).total_tokens
        assert fake.calls == {'countTokens': 3, 'generateContent': 2}  # since the last reset: two generate calls, three counts


def test_count_tokens_wire_format():
    with FakeGemini() as fake:
        c = fake.client()
        c.models.count_tokens(model=FLASH3, contents='hello world!')
        assert fake.log[-1] == dict(endpoint='countTokens', method='POST', path=f'/v1beta/models/{FLASH3}:countTokens',
                                    body={'contents': [{'parts': [{'text': 'hello world!'}], 'role': 'user'}]})
        st, out = raw(fake, f'/v1beta/models/{FLASH3}:countTokens', {'contents': [{'parts': [{'text': 'hello world!'}], 'role': 'user'}]})
        assert (st, out) == (200, {'totalTokens': 3, 'promptTokensDetails': [{'modality': 'TEXT', 'tokenCount': 3}]})
        # a raw REST caller may count a whole GenerateContentRequest, system instruction included; not both forms at once
        gcr = {'model': f'models/{FLASH3}', 'systemInstruction': {'parts': [{'text': 'x' * 40}]}, 'contents': [{'parts': [{'text': 'y' * 40}]}]}
        assert raw(fake, f'/v1/models/{FLASH3}:countTokens', {'generateContentRequest': gcr})[1]['totalTokens'] == 21
        st, out = raw(fake, f'/v1beta/models/{FLASH3}:countTokens', {'generateContentRequest': gcr, 'contents': gcr['contents']})
        assert st == 400 and out['error']['status'] == 'INVALID_ARGUMENT'
        assert fake.calls['generateContent'] == 0


def test_count_tokens_config_system_instruction_is_refused_by_the_sdk():
    with FakeGemini() as fake:
        c = fake.client()
        with pytest.raises(ValueError, match='system_instruction parameter is only supported in Gemini Enterprise Agent Platform mode'):
            c.models.count_tokens(model=FLASH3, contents=PROMPT, config=types.CountTokensConfig(system_instruction='You write Manim.'))
        assert fake.calls == {} and fake.log == []  # refused before any request


def test_count_tokens_faults_and_supported_methods():
    with FakeGemini(http_errors={'countTokens': [429]}, models={'no-count': ['generateContent']}) as fake:
        c = fake.client(**FAST)
        assert c.models.count_tokens(model=FLASH3, contents=PROMPT).total_tokens > 0
        assert fake.calls['countTokens'] == 2
        with pytest.raises(errors.ClientError) as e: c.models.count_tokens(model='no-count', contents=PROMPT)
        assert e.value.code == 400 and 'does not support countTokens' in e.value.message
        assert fake.calls['generateContent'] == 0


def test_count_tokens_async_client():
    with FakeGemini() as fake:
        c = fake.client()
        n = asyncio.run(c.aio.models.count_tokens(model=PRO3, contents=PROMPT)).total_tokens
        assert n == c.models.count_tokens(model=PRO3, contents=PROMPT).total_tokens
        assert fake.calls == {'countTokens': 2}
