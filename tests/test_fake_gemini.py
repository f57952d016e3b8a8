"The fake Gemini server, exercised through the unmodified google-genai SDK (offline, loopback only)."
import base64, json, threading, time, urllib.error, urllib.request

import pytest
from google.genai import errors, types

from manim_nb.fake_gemini import CODE_MODES, TTS_MIME, FakeClock, FakeGemini, serve
from manim_nb.storyboard import parse_storyboard

FAST = dict(retry_options=types.HttpRetryOptions(attempts=4, initial_delay=0.01, max_delay=0.02, jitter=0.0))


def gen(c, prompt, model='gemini-2.5-flash', **cfg):
    return c.models.generate_content(model=model, contents=prompt, config=types.GenerateContentConfig(**cfg) if cfg else None)


def raw(fake, method, path, body=None, key='k'):
    "A raw HTTP call, to see the wire format the SDK hides. Returns (status, headers, parsed body)."
    req = urllib.request.Request(fake.base_url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={'Content-Type': 'application/json', **({'x-goog-api-key': key} if key else {})})
    try:
        with urllib.request.urlopen(req, timeout=5) as r: return r.status, dict(r.headers), json.loads(r.read() or b'{}')
    except urllib.error.HTTPError as e: return e.code, dict(e.headers), json.loads(e.read())


def inline(i, budget=2048, **kw):
    cfg = types.GenerateContentConfig(system_instruction='You write Manim.', thinking_config=types.ThinkingConfig(thinking_budget=budget))
    return types.InlinedRequest(contents=f'Class name: Scene{i}\nNarration: Scene {i}.', metadata={'key': f'scene-{i}'}, config=cfg, **kw)


# ---------------------------------------------------------------- interactive calls and HTTP faults
@pytest.mark.parametrize('codes', [[429], [500], [503], [429, 503, 500]])
def test_http_errors_then_success_with_sdk_retries(codes):
    with FakeGemini(http_errors={'generateContent': codes}) as fake:
        c = fake.client(**FAST)
        assert 'class Scene1(' in gen(c, 'Class name: Scene1').text
        assert fake.calls['generateContent'] == len(codes) + 1


@pytest.mark.parametrize('code,cls,status', [(429, errors.ClientError, 'RESOURCE_EXHAUSTED'), (500, errors.ServerError, 'INTERNAL'),
                                             (503, errors.ServerError, 'UNAVAILABLE')])
def test_http_error_on_nth_call_without_retries(code, cls, status):
    with FakeGemini(http_errors={'generateContent': {2: code}}) as fake:
        c = fake.client()
        gen(c, 'hi')
        with pytest.raises(cls) as e: gen(c, 'hi')
        assert (e.value.code, e.value.status) == (code, status)
        gen(c, 'hi')
        assert fake.calls['generateContent'] == 3


def test_error_body_shape_and_auth():
    with FakeGemini(http_errors={'generateContent': {1: 429}}) as fake:
        st, _, body = raw(fake, 'POST', '/v1beta/models/gemini-2.5-flash:generateContent', {'contents': []})
        assert st == 429 and set(body['error']) == {'code', 'message', 'status'} and body['error']['status'] == 'RESOURCE_EXHAUSTED'
        st, _, body = raw(fake, 'POST', '/v1beta/models/gemini-2.5-flash:generateContent', {'contents': []}, key=None)
        assert st == 403 and body['error']['status'] == 'PERMISSION_DENIED'
        st, _, body = raw(fake, 'GET', '/v1beta/nowhere')
        assert st == 404 and body['error']['code'] == 404


def test_dropped_connection_on_any_endpoint():
    with FakeGemini(http_errors={'generateContent': {1: 'drop'}, 'batches.get': {1: 'drop'}}) as fake:
        c = fake.client()
        with pytest.raises(Exception, match='disconnected'): gen(c, 'hi')
        assert 'class Scene1(' in gen(c, 'Class name: Scene1').text  # the next call is fine
        job = c.batches.create(model='gemini-2.5-flash', src=[inline(1)])
        with pytest.raises(Exception, match='disconnected'): c.batches.get(name=job.name)
        assert c.batches.get(name=job.name).state.name == 'JOB_STATE_SUCCEEDED'


def test_every_call_fails_with_star():
    with FakeGemini(http_errors={'batchGenerateContent': {'*': 503}}) as fake:
        c = fake.client(**FAST)
        with pytest.raises(errors.ServerError): c.batches.create(model='gemini-2.5-flash', src=[inline(1)])
        assert fake.calls['batchGenerateContent'] == 4 and fake.jobs_created == 0


def test_latency_applies_to_interactive_calls_concurrently():
    with FakeGemini(latency=0.3) as fake:
        c = fake.client()
        t0 = time.perf_counter(); gen(c, 'hi'); one = time.perf_counter() - t0
        assert one >= 0.3
        t0 = time.perf_counter()
        ts = [threading.Thread(target=gen, args=(c, 'hi')) for _ in range(4)]
        for t in ts: t.start()
        for t in ts: t.join()
        assert time.perf_counter() - t0 < 0.9  # served in parallel, not 1.2 s


def test_v1_and_v1beta_both_served():
    with FakeGemini() as fake:
        for ver in ('v1', 'v1beta'):
            c = fake.client(api_version=ver)
            assert 'class Scene4(' in gen(c, 'Class name: Scene4').text
            assert fake.log[-1]['path'] == f'/{ver}/models/gemini-2.5-flash:generateContent'


# ---------------------------------------------------------------- answers
def test_thoughts_only_with_a_thinking_budget():
    with FakeGemini() as fake:
        c = fake.client()
        think = lambda b: gen(c, 'Class name: Scene1', thinking_config=types.ThinkingConfig(thinking_budget=b)).usage_metadata.thoughts_token_count
        assert think(1024) > 0 and think(-1) > 0
        assert think(0) is None and gen(c, 'Class name: Scene1').usage_metadata.thoughts_token_count is None
        r = gen(c, 'Class name: Scene1', thinking_config=types.ThinkingConfig(thinking_budget=512, include_thoughts=True))
        parts = r.candidates[0].content.parts
        assert parts[0].thought and 'class Scene1(' in r.text and 'Planning' not in r.text


def test_snake_and_camel_case_generation_config():
    with FakeGemini() as fake:
        for gc in ({'thinking_config': {'thinking_budget': 300}}, {'thinkingConfig': {'thinkingBudget': 300}}):
            st, _, body = raw(fake, 'POST', '/v1beta/models/gemini-2.5-flash:generateContent',
                              {'contents': [{'parts': [{'text': 'Class name: Scene2'}]}], 'generationConfig': gc})
            assert st == 200 and body['usageMetadata']['thoughtsTokenCount'] > 0
        st, _, body = raw(fake, 'POST', '/v1beta/models/x:generateContent',
                          {'contents': [{'parts': [{'text': 'hello'}]}], 'generation_config': {'response_modalities': ['AUDIO']}})
        assert body['candidates'][0]['content']['parts'][0]['inlineData']['mimeType'] == TTS_MIME


def test_pro_refuses_thinking_budget_zero():
    with FakeGemini() as fake:
        c = fake.client()
        with pytest.raises(errors.ClientError, match='thinking mode'):
            gen(c, 'Class name: Scene1', model='gemini-2.5-pro', thinking_config=types.ThinkingConfig(thinking_budget=0))
        assert gen(c, 'Class name: Scene1', model='gemini-2.5-pro', thinking_config=types.ThinkingConfig(thinking_budget=128)).text


def test_code_modes():
    with FakeGemini() as fake:
        c = fake.client()
        got = {}
        for mode in CODE_MODES:
            fake.faults.code = {'Scene5': mode}
            got[mode] = gen(c, 'Video title: T\nClass name: Scene5\nLayout: bullets\nTemplate params (JSON): {"title": "A", "bullets": ["x"]}\nNarration: Hi.')
        body = lambda t: t.split('```python\n')[1].split('```')[0]
        compile(body(got['ok'].text), 's', 'exec')
        assert got['ok'].text.startswith('```python\n') and 'class Scene5(' in got['ok'].text
        assert got['prose'].text.startswith('Sure!') and got['prose'].text.rstrip().endswith('changes.')
        assert '```' not in got['unfenced'].text and 'class Scene5(' in got['unfenced'].text
        assert 'class Scene5(' not in got['wrong_class'].text and 'class GeneratedScene(' in got['wrong_class'].text
        with pytest.raises(SyntaxError): compile(body(got['syntax'].text), 's', 'exec')
        assert got['empty'].text == '' and got['empty'].candidates[0].finish_reason.name == 'STOP'
        s = got['safety']
        assert s.candidates[0].finish_reason.name == 'SAFETY' and s.candidates[0].content is None and s.text is None


def test_code_fault_lists_are_consumed_per_scene_and_star_applies_to_all():
    with FakeGemini(code={'Scene1': ['empty', 'syntax'], '*': 'prose'}) as fake:
        c = fake.client()
        texts = [gen(c, 'Class name: Scene1').text for _ in range(3)]
        assert texts[0] == '' and 'def broken(:' in texts[1] and texts[2].startswith('```python')
        assert gen(c, 'Class name: Scene2').text.startswith('Sure!')


def test_codegen_answer_is_valid_manim_for_each_template_layout():
    with FakeGemini() as fake:
        c = fake.client()
        sb = parse_storyboard(json.loads(gen(c, 'Topic: Circles\nNumber of scenes: 5', response_mime_type='application/json').text))
        for s in sb.scenes:
            p = f'Class name: {s.name}\nLayout: {s.layout}\nTemplate params (JSON): {json.dumps(s.params)}\nNarration: {s.text}\nNarration duration: 5 s'
            code = gen(c, p).text.split('```python\n')[1].rsplit('```', 1)[0]
            compile(code, s.name, 'exec')
            assert f'class {s.name}(' in code


def test_storyboard_answers_and_faults():
    with FakeGemini(storyboard=['fenced', 'invalid_json', 'invalid']) as fake:
        c = fake.client()
        ask = lambda: gen(c, 'Topic: The simple pendulum\nNumber of scenes: 3', response_mime_type='application/json').text
        fenced, bad_json, invalid, ok = ask(), ask(), ask(), ask()
        assert fenced.startswith('```json')
        with pytest.raises(ValueError): json.loads(bad_json)
        with pytest.raises(ValueError, match='narration is empty'): parse_storyboard(json.loads(invalid))
        sb = parse_storyboard(json.loads(ok))
        assert sb.title == 'The simple pendulum' and len(sb.scenes) == 3


def test_tts_pcm_length_follows_text():
    with FakeGemini(sec_per_char=0.05) as fake:
        c = fake.client()
        speech = types.SpeechConfig(voice_config=types.VoiceConfig(prebuilt_voice_config=types.PrebuiltVoiceConfig(voice_name='Kore')))
        durs = []
        for text in ('a' * 40, 'a' * 120):
            r = gen(c, text, model='gemini-2.5-flash-preview-tts', response_modalities=['AUDIO'], speech_config=speech)
            blob = r.candidates[0].content.parts[0].inline_data
            assert blob.mime_type == TTS_MIME
            durs.append(len(blob.data) / 2 / 24000)
        assert durs == [2.0, 6.0]
        assert fake.log[-1]['body']['generationConfig']['speechConfig']['voice_config']['prebuilt_voice_config']['voice_name'] == 'Kore'


def test_models_get_per_model_methods_and_refused_batch():
    no_batch = ['generateContent', 'countTokens']
    with FakeGemini(models={'gemini-2.5-flash-preview-tts': no_batch}) as fake:
        c = fake.client()
        assert c.models.get(model='gemini-2.5-flash-preview-tts').supported_actions == no_batch
        assert 'batchGenerateContent' in c.models.get(model='gemini-2.5-pro').supported_actions
        with pytest.raises(errors.ClientError, match='does not support batchGenerateContent'):
            c.batches.create(model='gemini-2.5-flash-preview-tts', src=[types.InlinedRequest(contents='hi')])
        assert fake.jobs_created == 0 and fake.calls['models.get'] == 2


# ---------------------------------------------------------------- batches
def test_inline_batch_with_per_request_config_polled_to_success_keyed():
    clock = FakeClock()
    with FakeGemini(clock=clock, turnaround=3600, run_time=600) as fake:
        c = fake.client()
        src = [inline(1), inline(2, budget=0), inline(3)]
        job = c.batches.create(model='gemini-2.5-flash', src=src, config={'display_name': 'run-x'})
        sent = fake.log[-1]['body']['batch']
        reqs = sent['inputConfig']['requests']['requests']
        assert sent['displayName'] == 'run-x' and [r['metadata'] for r in reqs] == [{'key': f'scene-{i}'} for i in (1, 2, 3)]
        assert reqs[0]['request']['systemInstruction']['parts'][0]['text'] == 'You write Manim.'
        assert reqs[0]['request']['generationConfig']['thinkingConfig'] == {'thinking_budget': 2048}
        states = []
        while not job.done:
            states.append(job.state.name); clock.sleep(300)
            job = c.batches.get(name=job.name)
        assert states[0] == 'JOB_STATE_PENDING' and 'JOB_STATE_RUNNING' in states and job.state.name == 'JOB_STATE_SUCCEEDED'
        assert clock() >= 4200 and fake.calls['batches.get'] == len(states)
        by_key = {r.metadata['key']: r.response for r in job.dest.inlined_responses}
        for i in (1, 2, 3): assert f'class Scene{i}(' in by_key[f'scene-{i}'].text
        assert by_key['scene-1'].usage_metadata.thoughts_token_count > 0
        assert by_key['scene-2'].usage_metadata.thoughts_token_count is None
        assert job.create_time is not None and job.end_time is not None and job.model == 'models/gemini-2.5-flash'


def test_out_of_order_results_and_per_request_errors():
    with FakeGemini(out_of_order=True, batch_errors={'scene-2': 13, 'scene-4': (8, 'quota')}, code={'Scene3': 'safety'}) as fake:
        c = fake.client()
        job = c.batches.create(model='gemini-2.5-flash', src=[inline(i) for i in range(1, 5)])
        rs = job.dest.inlined_responses
        assert [r.metadata['key'] for r in rs] == ['scene-4', 'scene-3', 'scene-2', 'scene-1']
        by_key = {r.metadata['key']: r for r in rs}
        assert (by_key['scene-2'].error.code, by_key['scene-2'].error.message) == (13, 'fake per-request error for scene-2') and by_key['scene-2'].response is None
        assert by_key['scene-4'].error.message == 'quota'
        assert by_key['scene-3'].response.candidates[0].finish_reason.name == 'SAFETY'
        assert 'class Scene1(' in by_key['scene-1'].response.text


@pytest.mark.parametrize('end', ['FAILED', 'EXPIRED', 'CANCELLED'])
def test_job_ends_badly_after_turnaround(end):
    clock = FakeClock()
    with FakeGemini(clock=clock, turnaround=100, job_end=end) as fake:
        c = fake.client()
        job = c.batches.create(model='gemini-2.5-flash', src=[inline(1)])
        assert job.state.name == 'JOB_STATE_PENDING' and not job.done
        clock.advance(100)
        job = c.batches.get(name=job.name)
        assert job.state.name == f'JOB_STATE_{end}' and job.done and job.dest is None


def test_stuck_pending_then_cancel_then_delete():
    clock = FakeClock()
    with FakeGemini(clock=clock, job_end='PENDING') as fake:
        c = fake.client()
        job = c.batches.create(model='gemini-2.5-flash', src=[inline(1)])
        clock.advance(72 * 3600)
        assert c.batches.get(name=job.name).state.name == 'JOB_STATE_PENDING'
        c.batches.cancel(name=job.name)
        job = c.batches.get(name=job.name)
        assert job.state.name == 'JOB_STATE_CANCELLED' and job.done
        c.batches.delete(name=job.name)
        with pytest.raises(errors.ClientError) as e: c.batches.get(name=job.name)
        assert e.value.code == 404
        assert fake.jobs_created == 1 and fake.jobs[job.name].deleted
        assert (fake.calls['batches.cancel'], fake.calls['batches.delete']) == (1, 1)


def test_list_paginates_newest_first():
    with FakeGemini() as fake:
        c = fake.client()
        names = [c.batches.create(model='gemini-2.5-flash', src=[inline(i)]).name for i in range(5)]
        listed = [j.name for j in c.batches.list(config={'page_size': 2})]
        assert listed == names[::-1] and fake.calls['batches.list'] == 3
        st, _, body = raw(fake, 'GET', '/v1beta/batches?pageSize=2')
        assert len(body['operations']) == 2 and body['nextPageToken'] == '2'
        assert body['operations'][0]['metadata']['state'] == 'BATCH_STATE_SUCCEEDED'


def test_wire_operation_shape():
    with FakeGemini() as fake:
        c = fake.client()
        name = c.batches.create(model='gemini-2.5-pro', src=[inline(1)], config={'display_name': 'd'}).name
        st, _, op = raw(fake, 'GET', f'/v1beta/{name}')
        md = op['metadata']
        assert op['done'] is True and md['state'] == 'BATCH_STATE_SUCCEEDED' and md['displayName'] == 'd'
        assert md['@type'].endswith('v1beta.GenerateContentBatch') and md['model'] == 'models/gemini-2.5-pro'
        item = md['output']['inlinedResponses']['inlinedResponses'][0]
        assert item['metadata'] == {'key': 'scene-1'} and item['response']['usageMetadata']['thoughtsTokenCount'] > 0
        assert op['response']['inlinedResponses'] == md['output']['inlinedResponses']


def test_inline_limit_rejects_big_jobs():
    with FakeGemini(inline_limit=2000) as fake:
        c = fake.client()
        with pytest.raises(errors.ClientError, match='payload size exceeds'):
            c.batches.create(model='gemini-2.5-flash', src=[inline(i) for i in range(30)])
        assert fake.jobs_created == 0
        c.batches.create(model='gemini-2.5-flash', src=[inline(1)])
        assert fake.jobs_created == 1


def test_file_input_batch_round_trip(tmp_path):
    clock = FakeClock()
    with FakeGemini(clock=clock, turnaround=60, batch_errors={'scene-2': 13}) as fake:
        c = fake.client()
        lines = [{'key': f'scene-{i}', 'request': {'contents': [{'parts': [{'text': f'Class name: Scene{i}'}], 'role': 'user'}],
                                                   'generation_config': {'thinking_config': {'thinking_budget': 256}}}} for i in (1, 2, 3)]
        p = tmp_path / 'requests.jsonl'
        p.write_text(''.join(json.dumps(l) + '\n' for l in lines))
        f = c.files.upload(file=p, config=types.UploadFileConfig(mime_type='jsonl', display_name='reqs'))
        assert f.name.startswith('files/') and f.size_bytes == p.stat().st_size and f.display_name == 'reqs'
        assert (fake.calls['files.upload'], fake.calls['files.upload_data']) == (1, 1)
        assert c.files.get(name=f.name).state.name == 'ACTIVE'
        job = c.batches.create(model='gemini-2.5-flash', src=f.name)
        assert job.state.name == 'JOB_STATE_PENDING' and job.dest is None
        clock.advance(60)
        job = c.batches.get(name=job.name)
        assert job.state.name == 'JOB_STATE_SUCCEEDED' and job.dest.file_name.startswith('files/batch-')
        out = [json.loads(l) for l in c.files.download(file=job.dest.file_name).decode().splitlines()]
        by_key = {o['key']: o for o in out}
        assert set(by_key) == {'scene-1', 'scene-2', 'scene-3'} and by_key['scene-2']['error']['code'] == 13
        r = by_key['scene-3']['response']
        assert 'class Scene3(' in r['candidates'][0]['content']['parts'][0]['text'] and r['usageMetadata']['thoughtsTokenCount'] > 0
        assert fake.calls['files.download'] == 1


def test_missing_input_file_is_404():
    with FakeGemini() as fake:
        c = fake.client()
        with pytest.raises(errors.ClientError) as e: c.batches.create(model='gemini-2.5-flash', src='files/nope')
        assert e.value.code == 404


# ---------------------------------------------------------------- the CLI entry
def test_serve_prints_base_url_and_stops(capsys):
    stop, seen = threading.Event(), []
    def ready(f):
        c = f.client(); seen.append(gen(c, 'Class name: Scene1').text); stop.set()
    t = threading.Thread(target=serve, kwargs=dict(ready=ready, stop=stop, latency=0.01)); t.start(); t.join(10)
    out = capsys.readouterr().out.splitlines()
    assert not t.is_alive() and out[0].startswith('http://127.0.0.1:') and 'GOOGLE_GEMINI_BASE_URL=' + out[0] in out[1]
    assert 'class Scene1(' in seen[0]
