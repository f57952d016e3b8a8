"End-to-end runs of the offline pipeline: bad input, isolation of failures, resume after a kill, durations."
import contextlib, io, json, os, signal, subprocess, sys, time
from pathlib import Path

import av
import pytest

from manim_nb.cli import main
from manim_nb.core import SceneCode
from manim_nb.pipeline import Run, RunError, RunOptions, status
from manim_nb.providers import OfflineProvider
from manim_nb.storyboard import SceneSpec, Storyboard, load_storyboard

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT/'examples'/'pythagoras.yaml'

def tiny(n=3):
    return Storyboard(title='Tiny', scenes=[SceneSpec(seq=i, text=f'Scene number {i} says a few words.', layout='bullets',
                                                      params=dict(title=f'Part {i}', bullets=['one', 'two'])) for i in range(1, n+1)])

def cli(*args):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()): rc = main(list(args))
    return rc, err.getvalue()

BAD = {
    'missing.yaml': (None, 'no such storyboard file'),
    'bad.yaml': ('title: [oops\n', 'invalid YAML at line'),
    'bad.json': ('{"title": "x", "scenes": [}', 'invalid JSON at line 1'),
    'noscenes.yaml': ('title: T\nscenes: []\n', 'scenes: List should have at least 1 item'),
    'dup.yaml': ('title: T\nscenes:\n- {seq: 1, text: a}\n- {seq: 1, text: b}\n', 'duplicate seq 1'),
    'empty.yaml': ('title: T\nscenes:\n- {seq: 1, text: a}\n- {seq: 2, text: "  "}\n', 'scene #2 (seq 2): text: narration is empty'),
    'layout.yaml': ('title: T\nscenes:\n- {seq: 1, text: a, layout: fancy}\n', 'scene #1 (seq 1): layout: unknown layout'),
    'types.yaml': ('title: T\nscenes:\n- {seq: one, text: a}\n', 'scene #1 (seq one): seq: Input should be a valid integer'),
    'params.yaml': ('title: T\nscenes:\n- {seq: 1, text: a, layout: bullets, params: {title: x}}\n', 'bullets'),
}

@pytest.mark.parametrize('name', sorted(BAD))
def test_bad_storyboards_exit_with_one_line(tmp_path, name):
    content, expect = BAD[name]
    if content is not None: (tmp_path/name).write_text(content)
    rc, err = cli('render', str(tmp_path/name), '-o', str(tmp_path/'out'), '--no-progress')
    assert rc == 1
    assert err.count('\n') == 1 and err.startswith('manim-nb: error: ') and name in err and expect in err, err
    assert not (tmp_path/'out'/'manifest.json').exists(), 'no run may start on a bad storyboard'

def test_bad_storyboard_cli_has_no_traceback(tmp_path):
    r = subprocess.run([sys.executable, '-m', 'manim_nb', 'render', str(tmp_path/'nope.json')], capture_output=True, text=True)
    assert r.returncode == 1 and 'Traceback' not in r.stderr and 'no such storyboard file' in r.stderr

def test_example_storyboard_end_to_end(tmp_path):
    sb = load_storyboard(EXAMPLE)
    assert 4 <= len(sb.scenes) <= 5
    run = Run(sb, tmp_path/'demo', RunOptions(provider='offline', tts='espeak')).execute()
    df = run.outcomes
    assert len(df) == len(sb.scenes) and (df.render_status == 'ok').all() and (df.codegen_source == 'template').all()
    csv_rows = (tmp_path/'demo'/'outcomes.csv').read_text().strip().splitlines()
    assert len(csv_rows) == len(sb.scenes) + 1
    with av.open(str(tmp_path/'demo'/'final.mp4')) as c:
        kinds = sorted(s.type for s in c.streams)
        dur = c.duration / 1e6
    assert kinds == ['audio', 'data', 'video']  # the data stream holds the chapters
    expected = sum(max(a, c) for a, c in zip(df.audio_s, df.clip_s))
    assert abs(dur - expected) < 0.5, (dur, expected)
    assert all(a > 1 for a in df.audio_s)

BOOM = 'from manim import *\nclass Scene2(Scene):\n    def construct(self):\n        raise RuntimeError("boom in scene 2")\n'

class Breaks(OfflineProvider):
    "Scene 2's code passes the gate but raises in manim."
    def generate(self, scenes, run):
        out = super().generate(scenes, run)
        if 2 in out: out[2] = SceneCode(BOOM, 'individual')
        return out

def test_render_failure_is_isolated_and_falls_back(tmp_path):
    run = Run(tiny(), tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=Breaks()).execute()
    df = run.outcomes.set_index('scene')
    assert (df.render_status == 'ok').all()
    assert df.loc['Scene2', 'codegen_source'] == 'template' and 'boom in scene 2' in df.loc['Scene2', 'error']
    assert df.loc['Scene1', 'codegen_source'] == 'template' and df.loc['Scene1', 'error'] == ''

def test_scene_that_never_renders_is_named_and_others_survive(tmp_path, monkeypatch):
    import manim_nb.templates as L
    real = L.template_source
    monkeypatch.setattr(L, 'template_source', lambda s, *a, **k: BOOM if s.seq == 2 else real(s, *a, **k))
    with pytest.raises(RunError, match=r'Scene2.*final.mp4 has the other scenes'):
        Run(tiny(), tmp_path/'r', RunOptions(provider='offline', tts='none'), provider=Breaks()).execute()
    df, summary = status(tmp_path/'r')
    assert list(df.render_status) == ['ok', 'failed', 'ok'] and 'Scene2 failed' in summary
    assert (tmp_path/'r'/'final.mp4').exists()

def test_resume_after_kill_renders_nothing_twice(tmp_path):
    sb_path = tmp_path/'sb.json'; tiny(4).save(sb_path)
    out = tmp_path/'run'
    p = subprocess.Popen([sys.executable, '-m', 'manim_nb', 'render', str(sb_path), '-o', str(out), '--workers', '1', '--no-progress'],
                         start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    done_before = set()
    while time.monotonic() < deadline and p.poll() is None:
        try: scenes = json.loads((out/'manifest.json').read_text())['scenes']
        except (FileNotFoundError, json.JSONDecodeError, KeyError): scenes = {}
        done_before = {k for k, v in scenes.items() if v.get('render_status') == 'ok'}
        if len(done_before) >= 1: break
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL); p.wait()
    scenes = json.loads((out/'manifest.json').read_text())['scenes']  # read again: a render may have ended before the kill
    done_before = {k for k, v in scenes.items() if v.get('render_status') == 'ok'}
    assert 1 <= len(done_before) < 4, done_before
    clips_before = {k: (out/'clips'/f'Scene{k}.mp4').stat().st_mtime_ns for k in done_before}
    events = []
    run = Run(sb_path, out, RunOptions(provider='offline', tts='espeak'), listeners=[events.append]).execute()
    rendered_again = {str(e.seq) for e in events if e.phase == 'render' and e.kind == 'scene'}
    assert not (rendered_again & done_before), (rendered_again, done_before)
    assert rendered_again | done_before == {'1', '2', '3', '4'}
    assert {k: (out/'clips'/f'Scene{k}.mp4').stat().st_mtime_ns for k in done_before} == clips_before
    assert (run.outcomes.render_status == 'ok').all() and (out/'final.mp4').exists()

def test_status_command_prints_table(tmp_path):
    Run(tiny(1), tmp_path/'r', RunOptions(provider='offline', tts='none')).execute()
    out = io.StringIO()
    with contextlib.redirect_stdout(out): assert main(['status', str(tmp_path/'r')]) == 0
    assert 'Scene1' in out.getvalue() and 'template 1' in out.getvalue()

def test_clips_are_redone_when_manim_or_the_layouts_change(tmp_path, monkeypatch):
    import manim_nb.render as R
    opts = RunOptions(provider='offline', tts='none', no_cache=True)
    Run(tiny(1), tmp_path/'r', opts).execute()
    monkeypatch.setattr(R, '_RENDER_ENV', 'another-manim-or-layouts')
    events = []
    Run(tiny(1), tmp_path/'r', opts, listeners=[events.append]).execute()
    assert [e.seq for e in events if e.phase == 'render' and e.kind == 'scene'] == [1]

def test_captions_reach_the_scene_code(tmp_path):
    run = Run(tiny(1), tmp_path/'r', RunOptions(provider='offline', tts='none', captions=True)).execute()
    assert 'Scene1.show_captions = True' in run.path('code', 1).read_text() and run.outcomes.render_status[0] == 'ok'

def test_a_failed_gemini_voice_is_asked_again_next_run(tmp_path):
    from manim_nb.fake_gemini import FakeGemini
    with FakeGemini(http_errors={'generateContent': {'*': 503}}) as fake:
        run = Run(tiny(1), tmp_path/'r', RunOptions(provider='offline', tts='gemini'), client=fake.client()).execute()
        assert run.outcomes.tts_source[0] == 'espeak' and 'gemini TTS failed' in run.outcomes.error[0]
        fake.faults.http_errors = {}
        again = Run(tiny(1), tmp_path/'r', RunOptions(provider='offline', tts='gemini'), client=fake.client()).execute()
    assert again.outcomes.tts_source[0] == 'gemini' and again.outcomes.error[0] == ''

def _cli_proc(*args):
    "Run `manim-nb` in a fresh interpreter; (rc, stdout, stderr, whether the pipeline module was imported)."
    code = ('import sys; from manim_nb.cli import main; rc = main(sys.argv[1:]); '
            'print("PIPELINE", "manim_nb.pipeline" in sys.modules, file=sys.stderr); sys.exit(rc)')
    r = subprocess.run([sys.executable, '-c', code, *args], capture_output=True, text=True, timeout=300)
    return r.returncode, r.stdout, r.stderr, 'PIPELINE True' in r.stderr

def test_a_finished_run_answers_from_its_stamp_until_something_changes(tmp_path):
    sb, out = tmp_path/'sb.json', tmp_path/'run'
    tiny(2).save(sb)
    args = ('render', str(sb), '-o', str(out), '--tts', 'none', '--no-progress', '--cache', str(tmp_path/'cache'))
    rc, stdout, err, imported = _cli_proc(*args)
    assert rc == 0 and imported and (out/'.done.json').exists(), err
    final = (out/'final.mp4').stat().st_mtime_ns
    rc, stdout2, err2, imported = _cli_proc(*args)  # nothing changed: the stamp answers, the pipeline is not even imported
    assert (rc, stdout2, imported) == (0, stdout, False) and 'Tiny: 2 scenes, 2 rendered' in err2
    assert (out/'final.mp4').stat().st_mtime_ns == final
    s = load_storyboard(sb); s.scenes[1].text = 'Scene two now says something else.'; s.save(sb)
    events_before = json.loads((out/'manifest.json').read_text())['scenes']['2']['code_sha']
    rc, _, err3, imported = _cli_proc(*args)  # an edited storyboard runs the pipeline, which redoes scene 2 only
    assert rc == 0 and imported, err3
    assert json.loads((out/'manifest.json').read_text())['scenes']['2']['code_sha'] != events_before
    assert (out/'final.mp4').stat().st_mtime_ns != final
    assert _cli_proc(*args)[3] is False
    (out/'final.mp4').unlink()  # a lost video is made again
    rc, _, err4, imported = _cli_proc(*args)
    assert rc == 0 and imported and (out/'final.mp4').exists(), err4
    rc, _, _, imported = _cli_proc(*args, '--quality', 'm')  # other options: not the same video
    assert rc == 0 and imported


class Spinner:
    "A provider whose scenes spin forever (until the render timeout)."
    def __init__(self, client=None, batch=True): pass
    def identity(self): return 'spinner-1'
    def generate(self, scenes, run):
        return {s.seq: SceneCode(f'from manim import *\nclass {s.name}(Scene):\n    def construct(self):\n        while True: pass\n',
                                 'template', scene=s.name) for s in scenes}
    def repair(self, failures, run): return {}

def _scene_processes() -> list[int]:
    "Processes running as a scene's uid (the sandbox's reserved range)."
    from manim_nb.sandbox import SCENE_UIDS
    out = []
    for d in Path('/proc').iterdir():
        if not d.name.isdigit(): continue
        try: uid = int((d/'status').read_text().split('Uid:')[1].split()[0])
        except (OSError, IndexError, ValueError): continue
        if uid in SCENE_UIDS: out.append(int(d.name))
    return out

def test_ctrl_c_stops_renders_in_flight_within_seconds(tmp_path):
    "Two scenes spinning toward a 120 s timeout: Ctrl-C ends the run in seconds, kills them, and the folder resumes."
    import threading
    run = Run(tiny(2), tmp_path/'run', RunOptions(provider='offline', tts='none', workers=2, timeout=120, repair_rounds=0, no_cache=True),
              provider=Spinner())
    sent, before, ours = [], set(_scene_processes()), set()  # other runs on the machine may have scenes of their own
    def interrupt():
        for _ in range(300):
            if len(set(_scene_processes()) - before) >= 2: break
            time.sleep(0.1)
        time.sleep(0.5); ours.update(set(_scene_processes()) - before)
        sent.append(time.monotonic()); signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
    threading.Thread(target=interrupt, daemon=True).start()
    with pytest.raises(KeyboardInterrupt): run.execute()
    took = time.monotonic() - sent[0]
    assert took < 5, took
    for _ in range(50):
        if not ours & set(_scene_processes()): break
        time.sleep(0.1)
    assert len(ours) >= 2 and not ours & set(_scene_processes())
    man = json.loads((tmp_path/'run'/'manifest.json').read_text())
    assert set(man['scenes']) == {'1', '2'}
    again = Run(tiny(2), tmp_path/'run', RunOptions(provider='offline', tts='none', workers=2, no_cache=True)).execute()
    assert list(again.outcomes.render_status) == ['ok', 'ok']
