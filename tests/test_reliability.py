"Faults a user can hit, through the real CLI: one line naming the cause and the fix, no traceback, no stray files, and the same command then finishes the video."
import csv, fcntl, json, os, re, shutil, signal, subprocess, sys, time
from pathlib import Path

import pytest

from manim_nb.core import SceneCode
from manim_nb.pipeline import Run, RunOptions
from manim_nb.providers import OfflineProvider
from manim_nb.storyboard import SceneSpec, Storyboard

ROOT = Path(__file__).resolve().parent.parent
RUN = ('--provider', 'offline', '--tts', 'espeak', '--no-progress')
STRAY = ('*.part*', '*.tmp', '.probe-*')

def storyboard(path:Path, n:int=2, text='Scene number {i} says a few words.', title='Tiny') -> Path:
    "A small storyboard of title cards (the fastest template) saved as JSON."
    Storyboard(title=title, scenes=[SceneSpec(seq=i, text=text.format(i=i), layout='title_card', params=dict(title=f'Part {i}'))
                                    for i in range(1, n+1)]).save(path)
    return path

def cli(*args, env=None, timeout=300) -> subprocess.CompletedProcess:
    "`python -m manim_nb ARGS` in a fresh interpreter, as a user runs it."
    return subprocess.run([sys.executable, '-m', 'manim_nb', *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=timeout)

def one_line(r, *words, prefix='manim-nb: error: '):
    "stderr is exactly one line, starting with `prefix`, holding every one of `words`, and no traceback."
    assert 'Traceback' not in r.stderr, r.stderr
    assert r.stderr.count('\n') == 1 and r.stderr.startswith(prefix), r.stderr
    for w in words: assert w in r.stderr, (w, r.stderr)
    return r.stderr.strip()

def warned(r, *words):
    "A run that went on: stderr has no traceback and exactly one warning line, holding every one of `words`."
    assert 'Traceback' not in r.stderr, r.stderr
    lines = [l for l in r.stderr.splitlines() if l.startswith('manim-nb: warning: ')]
    assert len(lines) == 1, r.stderr
    for w in words: assert w in lines[0], (w, lines[0])
    return lines[0]

def strays(folder:Path) -> list[str]:
    "Temporary files anywhere in a run folder (not in the scenes' sandbox folders, which the sandbox owns)."
    return sorted(str(p) for pat in STRAY for p in Path(folder).rglob(pat) if 'work' not in p.relative_to(folder).parts)

def finished(out:Path, scenes:int):
    "The run folder holds the video and every scene rendered."
    rows = list(csv.DictReader(open(out/'outcomes.csv')))
    assert (out/'final.mp4').stat().st_size > 0 and len(rows) == scenes
    assert all(r['render_status'] == 'ok' for r in rows), rows
    json.loads((out/'manifest.json').read_text())
    return rows

def lock_is_free(out:Path) -> bool:
    fd = os.open(out/'.lock', os.O_RDWR)
    try: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); return True
    except BlockingIOError: return False
    finally: os.close(fd)

needs_root = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which('unshare'), reason='needs root and unshare (mount namespaces)')

# 1
def test_binary_storyboard_is_one_line(tmp_path):
    sb = tmp_path/'sb.yaml'; sb.write_bytes(bytes(range(256)) * 4)
    r = cli('render', sb, '-o', tmp_path/'out', *RUN)
    assert r.returncode == 1
    one_line(r, str(sb), 'not a UTF-8 text file', 'saved as UTF-8')
    assert not (tmp_path/'out').exists()
    r = cli('check', sb)  # the gate's input too
    assert r.returncode == 1 and one_line(r, str(sb), 'not a UTF-8 text file')

# 2
def test_out_that_is_a_file_is_refused_before_any_work(tmp_path):
    sb = storyboard(tmp_path/'sb.json')
    (tmp_path/'file').write_text('mine')
    for out in (tmp_path/'file', tmp_path/'file'/'sub'):
        r = cli('render', sb, '-o', out, *RUN)
        assert r.returncode == 1
        one_line(r, str(tmp_path/'file'), 'is a file, not a folder', 'give -o a folder')
    assert (tmp_path/'file').read_text() == 'mine' and sorted(os.listdir(tmp_path)) == ['file', 'sb.json']

@needs_root
def test_read_only_out_is_refused_before_any_work(tmp_path):
    sb = storyboard(tmp_path/'sb.json')
    ro = tmp_path/'ro'; ro.mkdir()
    script = (f'mount --bind {ro} {ro} && mount -o remount,bind,ro {ro} && cd {ROOT} && '
              f'exec {sys.executable} -m manim_nb render {sb} -o {ro}/out ' + ' '.join(RUN))
    r = subprocess.run(['unshare', '-m', 'sh', '-c', script], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    one_line(r, f'cannot write into {ro}/out', 'Read-only file system', 'give -o a folder you can write to')
    assert os.listdir(ro) == []

# 3
@needs_root
def test_full_disk_is_one_line_and_the_same_command_resumes(tmp_path):
    sb = storyboard(tmp_path/'sb.json', 3)
    disk, log = tmp_path/'disk', tmp_path/'log'; disk.mkdir(); log.mkdir()
    cmd = f'cd {ROOT} && {sys.executable} -m manim_nb render {sb} -o {disk}/out ' + ' '.join(RUN)
    script = f'''mount -t tmpfs -o size=200k tmpfs {disk} || exit 99
{cmd} > {log}/out1 2> {log}/err1; echo $? > {log}/rc1
find {disk} \\( -name '*.part*' -o -name '*.tmp' \\) -not -path '*/work/*' > {log}/strays
mount -o remount,size=100m {disk}
{cmd} > {log}/out2 2> {log}/err2; echo $? > {log}/rc2
cp -r {disk}/out {log}/out'''
    r = subprocess.run(['unshare', '-m', 'sh', '-c', script], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    err1 = (log/'err1').read_text()
    assert (log/'rc1').read_text().strip() == '1' and 'Traceback' not in err1 and err1.count('\n') == 1, err1
    # the file being written when the error names it (most writes), a scene's render folder, or the run folder (a child that wrote an empty file)
    assert re.match(rf'manim-nb: error: no space left on {disk} while writing .*{disk}/out\b', err1) and \
        err1.strip().endswith('free space there and re-run the same command to resume'), err1
    assert (log/'strays').read_text() == ''
    assert (log/'rc2').read_text().strip() == '0', (log/'err2').read_text()
    finished(log/'out', 3)

# 4
HOLD = ('import fcntl, json, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); fcntl.flock(fd, fcntl.LOCK_EX); '
        'os.write(fd, json.dumps(dict(pid=os.getpid(), since="now")).encode()); print("held", flush=True); sys.stdin.read()')

def test_a_folder_in_use_is_refused_naming_the_holder(tmp_path):
    sb, out = storyboard(tmp_path/'sb.json'), tmp_path/'out'
    out.mkdir()
    holder = subprocess.Popen([sys.executable, '-c', HOLD, out/'.lock'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == 'held'
        r = cli('render', sb, '-o', out, *RUN, env=dict(MANIM_NB_LOCK_WAIT='0'))
        assert r.returncode == 1
        one_line(r, f'{out} is in use by another manim-nb run (pid {holder.pid}', 'wait for it to finish', 're-run the same command')
        assert sorted(os.listdir(out)) == ['.lock']  # the refused run wrote nothing
    finally: holder.stdin.close(); holder.wait()
    r = cli('render', sb, '-o', out, *RUN)
    assert r.returncode == 0, r.stderr
    finished(out, 2)

def test_two_runs_at_once_into_one_folder_both_finish(tmp_path):
    "The second run waits for the first (MANIM_NB_LOCK_WAIT), then finds the video made: nothing is done twice or lost."
    sb, out = storyboard(tmp_path/'sb.json', 3), tmp_path/'out'
    args = [sys.executable, '-m', 'manim_nb', 'render', str(sb), '-o', str(out), *RUN]
    env = {**os.environ, 'MANIM_NB_LOCK_WAIT': '300'}
    ps = [subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    res = [(p.wait(timeout=600), *p.communicate()) for p in ps]
    for rc, stdout, stderr in res: assert rc == 0 and stdout.strip() == str(out/'final.mp4') and 'Traceback' not in stderr, stderr
    finished(out, 3)
    assert strays(out) == [] and lock_is_free(out)

# 5
def test_a_corrupt_manifest_is_set_aside_and_rebuilt(tmp_path):
    sb, out = storyboard(tmp_path/'sb.json', 2), tmp_path/'out'
    assert cli('render', sb, '-o', out, *RUN).returncode == 0
    (out/'manifest.json').write_text('{"version": 1, "scenes": {"1": {"render_st')  # a torn write
    r = cli('status', out)
    assert r.returncode == 1
    one_line(r, f'{out}/manifest.json is unreadable', 're-run the same render command')
    r = cli('render', sb, '-o', out, *RUN)
    assert r.returncode == 0, r.stderr
    warned(r, f'{out}/manifest.json was unreadable', 'moved it to manifest.json.corrupt-')
    assert len(list(out.glob('manifest.json.corrupt-*'))) == 1
    rows = finished(out, 2)
    assert [float(r['render_s']) for r in rows] == [0.0, 0.0]  # the clips came back from the cache: nothing rendered twice
    assert cli('status', out).returncode == 0

# 6
@pytest.mark.parametrize('where', ['a file', 'under a file'])
def test_an_unwritable_shared_cache_warns_once_and_the_run_goes_on(tmp_path, where):
    (tmp_path/'file').write_text('x')
    cache = tmp_path/'file' if where == 'a file' else tmp_path/'file'/'cache'
    sb, out = storyboard(tmp_path/'sb.json', 2), tmp_path/'out'
    r = cli('render', sb, '-o', out, *RUN, env=dict(MANIM_NB_CACHE=str(cache)))
    assert r.returncode == 0, r.stderr
    warned(r, f'the shared cache {cache} cannot be written (a file is in the way)', 'MANIM_NB_CACHE', '--no-cache')
    finished(out, 2)
    assert (tmp_path/'file').read_text() == 'x'

@needs_root
def test_a_read_only_shared_cache_warns_once(tmp_path):
    cache = tmp_path/'cache'; (cache/'tts').mkdir(parents=True)
    sb = storyboard(tmp_path/'sb.json', 1)
    script = (f'mount --bind {cache} {cache} && mount -o remount,bind,ro {cache} && cd {ROOT} && '
              f'MANIM_NB_CACHE={cache} exec {sys.executable} -m manim_nb render {sb} -o {tmp_path}/out ' + ' '.join(RUN))
    r = subprocess.run(['unshare', '-m', 'sh', '-c', script], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    warned(r, f'the shared cache {cache} cannot be written (Read-only file system)')
    finished(tmp_path/'out', 1)

# 7
EVIL = dict(title='Evil \u202etitle\x00 \x07bell\u200b zero\ufeff', scenes=[
    dict(seq=1, text='Hello \u202eworld\u202c. A NUL\x00 here, \x1b[31m an escape, \u2066an isolate\u2069 and \ud800.',
         layout='title_card', params=dict(title='T\u202eitle\x00', subtitle='sub\x01\x02\u200d')),
    dict(seq=2, text='Bullets \u200f with a mark \x0b and a form feed \x0c.', layout='bullets',
         params=dict(title='B\x00', bullets=['one\u202e', 'two\x1f', '\x00'])),
    dict(seq=3, text='No params \u202e here \x00 at all.', layout='title_and_main_content')])

def test_control_and_bidi_characters_still_render_every_scene(tmp_path):
    sb, out = tmp_path/'evil.json', tmp_path/'out'
    sb.write_text(json.dumps(EVIL))
    r = cli('render', sb, '-o', out, *RUN)
    assert r.returncode == 0 and 'Traceback' not in r.stderr, r.stderr
    rows = finished(out, 3)
    assert [r['codegen_source'] for r in rows] == ['template'] * 3 and all(r['error'] == '' for r in rows), rows
    assert all(float(r['audio_s']) > 1 for r in rows)  # narrated
    kept = json.loads((out/'storyboard.json').read_text())
    assert '\u202eworld\u202c' in kept['scenes'][0]['text'] and '\ufffd' in kept['scenes'][0]['text']  # narration as written (a lone surrogate cannot be)

# 8
def test_broken_pipes_end_quietly(tmp_path):
    "Every command with output, read by a reader that goes away after one line (`| head -1`)."
    out = tmp_path/'run'; out.mkdir()
    n = 3000  # a table far larger than a pipe's buffer
    storyboard(out/'storyboard.json', n)
    (out/'manifest.json').write_text(json.dumps(dict(version=1, title='Tiny', scenes={}, batch={})))
    code = tmp_path/'big.py'
    code.write_text('from manim import *\nclass Scene1(Scene):\n    def construct(self):\n' + '        self.add(Circle())\n' * 5000)
    for args in (['status', out], ['check', code], ['check', code, '--json']):
        p = subprocess.Popen([sys.executable, '-m', 'manim_nb', *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert os.read(p.stdout.fileno(), 100)  # the reader takes a little, then goes away
        p.stdout.close()
        err = p.stderr.read().decode(); rc = p.wait(timeout=120)
        assert rc == 141 and err.strip() in ('', 'accepted'), (args, rc, err)

# 9
LOOP = '''from manim import *
class Scene2(Scene):
    def construct(self):
        print('Traceback (most recent call last):\\n  File "x.py", line 1, in <module>\\nValueError: a stray traceback')
        while True: pass
'''

class Hangs(OfflineProvider):
    "Scene 2's code prints a traceback, then never ends: the sandbox kills it at the timeout."
    def generate(self, scenes, run):
        out = super().generate(scenes, run)
        if 2 in out: out[2] = SceneCode(LOOP, 'individual')
        return out

def test_outcome_notes_are_one_line_and_the_log_stays_in_the_manifest(tmp_path):
    sb = Storyboard.model_validate(json.loads(storyboard(tmp_path/'sb.json', 2).read_text()))
    run = Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='none', timeout=4), provider=Hangs()).execute()
    rows = list(csv.DictReader(open(tmp_path/'out'/'outcomes.csv')))
    assert [r['render_status'] for r in rows] == ['ok', 'ok'] and rows[1]['codegen_source'] == 'template'
    note = rows[1]['error']
    assert note.startswith('fell back to template after: ') and '\n' not in note and len(note) < 400, note
    assert (tmp_path/'out'/'outcomes.csv').read_text().count('\n') == 3
    rec = json.loads((tmp_path/'out'/'manifest.json').read_text())['scenes']['2']
    assert 'a stray traceback' in rec['fallback_log'] and '\n' in rec['fallback_log']
    assert '\n' not in run.summary().splitlines()[-1]

# 10
@pytest.mark.parametrize('how', ['SIGTERM', 'Ctrl-C'])
def test_an_interrupted_run_says_one_line_and_resumes(tmp_path, how):
    sb, out = storyboard(tmp_path/'sb.json', 4), tmp_path/'out'
    args = [sys.executable, '-m', 'manim_nb', 'render', str(sb), '-o', str(out), '--workers', '1', *RUN]
    p = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while p.poll() is None and time.monotonic() < deadline:  # until the first scene is rendered
        try:
            if any(v.get('render_status') == 'ok' for v in json.loads((out/'manifest.json').read_text())['scenes'].values()): break
        except (OSError, ValueError, KeyError): pass
        time.sleep(0.02)
    assert p.poll() is None, p.communicate()
    if how == 'SIGTERM': p.send_signal(signal.SIGTERM)
    else: os.killpg(p.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole process group
    _, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert err == 'manim-nb: interrupted; re-run the same command to resume\n', err
    assert strays(out) == [] and lock_is_free(out)
    json.loads((out/'manifest.json').read_text())
    r = cli('render', sb, '-o', out, *RUN)
    assert r.returncode == 0, r.stderr
    finished(out, 4)

FULL = '''from manim import *
class Scene2(Scene):
    def construct(self):
        for i in range(10**4): open(f'fill{i}.bin', 'wb').write(b'0' * 2**26)  # 64 MiB files: each under RLIMIT_FSIZE
'''

class FillsItsFolder(OfflineProvider):
    "Scene 2 fills its own folder (a private tmpfs): that is its disk limit, not a full disk of the run's."
    def generate(self, scenes, run):
        out = super().generate(scenes, run)
        if 2 in out: out[2] = SceneCode(FULL, 'individual')
        return out

def test_a_scene_that_fills_its_folder_fails_alone(tmp_path, monkeypatch):
    "A scene's folder is its own tmpfs with a size cap: filling it fails that scene (then its template), never the run."
    from manim_nb.gate import Verdict, check
    monkeypatch.setattr('manim_nb.gate.check', lambda code, scene=None: Verdict(True, code, [], [], scene) if 'fill{i}.bin' in code else check(code, scene))
    sb = Storyboard.model_validate(json.loads(storyboard(tmp_path/'sb.json', 2).read_text()))
    run = Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='none', repair_rounds=0), provider=FillsItsFolder())
    run.execute()
    df = run.outcomes
    assert list(df.render_status) == ['ok', 'ok'] and df.codegen_source[1] == 'template'
    assert 'disk limit' in df.error[1] and 'No space left on device' in df.error[1], df.error[1]
    assert strays(tmp_path/'out') == [] and lock_is_free(tmp_path/'out')
