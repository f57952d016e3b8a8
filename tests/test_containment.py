"""Red team: every scene of `tests/hostile/` (one attack each) goes through the REAL pipeline in one storyboard, next to
benign scenes, twice: with the static gate, and with the gate bypassed (the sandbox alone must hold). Canaries are in
place first (an API key in the environment, root-only files, listening TCP/unix/abstract sockets); afterwards each
property below is checked on both runs. Cases aimed at the joined video run in small storyboards of their own (so
one abort cannot hide the other findings), and the process attacks run once more where no pids cgroup is writable
(common in containers), which the sandbox treats as optional.

A hostile case reports an attack that WORKED by drawing a magenta frame (see `hostile/_prelude.py`); everything else is
checked from outside. Positive controls show each detector works (a magenta scene, a connection to each listener, a
canary in a file). A property that fails today is a strict xfail whose reason says what happens. About three minutes
on 2 cores."""
import json, os, re, secrets, select, shutil, signal, socket, threading, time, traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from manim_nb import render
from manim_nb.core import SceneCode
from manim_nb.gate import Verdict
from manim_nb.pipeline import Run, RunError, RunOptions
from manim_nb.providers import PROVIDERS, register_provider
from manim_nb.storyboard import parse_storyboard

HERE = Path(__file__).parent
HOSTILE = HERE/'hostile'
PRELUDE = (HOSTILE/'_prelude.py').read_text()
ALL_CASES = sorted(p.stem for p in HOSTILE.glob('*.py') if not p.name.startswith('_'))
# Cases whose damage is to the joined video (an abort, or every later scene erased) would hide every other finding of
# the big storyboard, so each gets a small storyboard of its own (benign scenes around it), gate bypassed.
SOLO = ['t13_pts_gap', 't17_dts_repeat', 't18_slow_decode']
CASES = [c for c in ALL_CASES if c not in SOLO]
REPO = HERE.parent
SCENE_TIMEOUT = 8  # wall-clock seconds per render
RUN_BOUND = 200  # seconds one whole run may take (about 50 scenes, a handful of them hitting the timeout, on 2 workers)
BENIGN = ("from manim import *\nclass HOSTILE(Scene):\n    def construct(self):\n"
          "        self.play(Create(Circle(color=BLUE)), run_time=0.4); self.wait(0.3)\n")
CONTROL = "class HOSTILE(Scene):\n    def construct(self): show(self, 'the positive control: the detector must see this')\n"
SLOW_FRAMES = 3000  # frames of t18_slow_decode: about 15 s of decoding, well past SCENE_TIMEOUT
CTRL = re.compile(r'[\x00-\x08\x0b-\x1f\x7f]')  # terminal control characters (ESC, BEL, CR, ...), not \t or \n


def header(case:str) -> str:
    "The case's header comment (its class of attack and what it tries), one line."
    lines = [l[1:].strip() for l in (HOSTILE/f'{case}.py').read_text().splitlines() if l.startswith('#')]
    return ' '.join(lines)

def test_every_case_names_its_attack():
    "Each case file says which class of attack it is and what it tries, and defines the placeholder scene class."
    assert len(ALL_CASES) >= 30
    for case in ALL_CASES:
        text = (HOSTILE/f'{case}.py').read_text()
        assert re.match(r'class \d', header(case)), case
        assert 'tries:' in header(case) and 'class HOSTILE(Scene)' in text, case

# ----------------------------------------------------------------------------------------------------------- canaries
class Listeners:
    "A TCP socket on 127.0.0.1, a unix socket under /tmp and an abstract unix socket; every connection is recorded."
    def __init__(self):
        self.hits, self.dir = [], Path('/tmp')/f'mnbred-sock-{secrets.token_hex(4)}'
        self.tcp = socket.socket(); self.tcp.bind(('127.0.0.1', 0)); self.tcp.listen(8)
        self.port = self.tcp.getsockname()[1]
        self.dir.mkdir(); self.dir.chmod(0o777)
        self.unix_path = str(self.dir/'s')
        self.unix = socket.socket(socket.AF_UNIX); self.unix.bind(self.unix_path); self.unix.listen(8); os.chmod(self.unix_path, 0o777)
        self.abstract = f'mnbred-{secrets.token_hex(4)}'
        self.abs = socket.socket(socket.AF_UNIX); self.abs.bind('\0' + self.abstract); self.abs.listen(8)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); self.udp.bind(('127.0.0.1', self.port))
        self.stop = False
        self.t = threading.Thread(target=self._serve, daemon=True); self.t.start()

    def _serve(self):
        socks = {self.tcp: 'tcp', self.unix: 'unix', self.abs: 'abstract', self.udp: 'udp'}
        while not self.stop:
            for s in select.select(list(socks), [], [], 0.2)[0]:
                try:
                    if s is self.udp: data, _ = s.recvfrom(4096); self.hits.append(('udp', data)); continue
                    c, _ = s.accept(); c.settimeout(1)
                    try: data = c.recv(4096)
                    except OSError: data = b''
                    self.hits.append((socks[s], data)); c.close()
                except OSError: pass

    def close(self):
        self.stop = True; self.t.join(2)
        for s in (self.tcp, self.unix, self.abs, self.udp): s.close()
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class Canaries:
    env_token: str
    file_token: str
    file: Path  # root-only, outside every folder a scene is shown
    view_file: Path  # root-only, inside manim_nb's folder, which IS shown (read-only) to scenes
    mark: str  # in the name of everything a hostile case writes or leaves running
    net: Listeners = None

    @property
    def tokens(self) -> list[bytes]: return [self.env_token.encode(), self.file_token.encode()]


@pytest.fixture(scope='module')
def canaries(tmp_path_factory):
    import manim_nb
    c = Canaries(f'sk-canary-{secrets.token_hex(8)}', f'file-canary-{secrets.token_hex(8)}',
                 Path('/root')/f'.mnbred-canary-{secrets.token_hex(4)}',
                 Path(manim_nb.__file__).parent/f'.mnbred-canary-{secrets.token_hex(4)}', 'rd' + secrets.token_hex(5))
    for f in (c.file, c.view_file):
        f.write_text(f'the secret is {c.file_token}\n'); f.chmod(0o600)
    c.net = Listeners()
    for fam, addr in ((socket.AF_INET, ('127.0.0.1', c.net.port)), (socket.AF_UNIX, c.net.unix_path), (socket.AF_UNIX, '\0' + c.net.abstract)):
        with socket.socket(fam) as s: s.connect(addr); s.sendall(b'control')  # the listeners work ...
    for _ in range(50):
        if len(c.net.hits) == 3: break
        time.sleep(0.05)
    assert sorted(k for k, _ in c.net.hits) == ['abstract', 'tcp', 'unix'], c.net.hits
    c.net.hits.clear()  # ... and from here on, any hit is a scene's
    probe = tmp_path_factory.mktemp('grep-control')/'x.bin'; probe.write_bytes(b'\0' * (1 << 24) + c.env_token.encode())
    assert files_holding([probe.parent], c.tokens) == [(str(probe), c.env_token.encode())]  # the search sees across chunks
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv('GEMINI_API_KEY', c.env_token)
        render._close_pool()  # the next pool server is started by a parent that holds the key
        yield c
    render._close_pool()  # later tests get a pool server without our key around
    c.net.close()
    for f in (c.file, c.view_file): f.unlink(missing_ok=True)

# ------------------------------------------------------------------------------------------------- observing the host
WATCHED = ('/tmp', '/var/tmp', '/root', '/dev/shm', str(REPO))
SKIP = re.compile(r'^/tmp/(pytest-of-[^/]+|manim_nb_pool_[^/]+|mnbred-sock-[^/]+)(/|$)|/(\.git|__pycache__|\.pytest_cache|\.ipynb_checkpoints)(/|$)')

def snapshot(depth:int=4) -> set[str]:
    "Every path under the watched roots (a few levels deep), minus pytest's and the pool's own temporary folders."
    out = set()
    def walk(d:str, k:int):
        try: names = os.listdir(d)
        except OSError: return
        for n in names:
            p = os.path.join(d, n)
            if SKIP.search(p): continue
            out.add(p)
            if k and os.path.isdir(p) and not os.path.islink(p): walk(p, k - 1)
    for r in WATCHED: walk(r, depth)
    return out

def marked_processes(mark:str) -> list[tuple[int, str]]:
    "(pid, name) of live processes whose name or command line holds `mark`."
    out = []
    for d in Path('/proc').iterdir():
        if not d.name.isdigit(): continue
        try:
            comm, cmd = (d/'comm').read_text().strip(), (d/'cmdline').read_bytes()
            state = (d/'stat').read_text().rsplit(')', 1)[1].split()[0]
        except OSError: continue
        if state != 'Z' and (mark in comm or mark.encode() in cmd): out.append((int(d.name), comm))
    return out

def descendants(root:int) -> list[int]:
    "Live processes below `root` (from the ppid of every process)."
    kids = {}
    for d in Path('/proc').iterdir():
        if not d.name.isdigit(): continue
        try: st = (d/'stat').read_text().rsplit(')', 1)[1].split()
        except OSError: continue
        if st[0] != 'Z': kids.setdefault(int(st[1]), []).append(int(d.name))
    out, todo = [], [root]
    while todo:
        for k in kids.get(todo.pop(), []): out.append(k); todo.append(k)
    return out

def kill_ours(pids):
    "SIGKILL processes our own scenes left behind (each found by its mark), by pid."
    for pid in pids:
        try: os.kill(pid, signal.SIGKILL)
        except OSError: pass

def files_holding(roots, needles:list[bytes]) -> list[tuple[str, bytes]]:
    "(file, needle) for every regular file under `roots` that contains a needle."
    hits = []
    for r in roots:
        for p in Path(r).rglob('*'):
            if p.is_symlink() or not p.is_file(): continue
            with open(p, 'rb') as f:
                tail = b''
                while chunk := f.read(1 << 24):
                    for n in needles:
                        if n in tail + chunk: hits.append((str(p), n))
                    tail = chunk[-64:]
    return sorted(set(hits))

def magenta_frames(clip:Path, frames:int=40) -> int:
    "How many of the first `frames` frames of `clip` are mostly magenta (a hostile case's sign of success)."
    import av, numpy as np
    n = 0
    try:
        with av.open(str(clip)) as c:
            for i, f in enumerate(c.decode(video=0)):
                if i >= frames: break
                a = f.to_ndarray(format='rgb24')[::8, ::8].astype(int)
                if ((a[..., 0] > 190) & (a[..., 1] < 70) & (a[..., 2] > 190)).mean() > 0.4: n += 1
    except Exception: pass
    return n

def video_packets(path:Path) -> int:
    import av
    with av.open(str(path)) as c: return sum(1 for p in c.demux(video=0) if p.dts is not None)

# --------------------------------------------------------------------------------------------------------- the runs
def code_of(case:str, c:Canaries, out:Path, cache:Path) -> str:
    "The case's scene code, with the test's addresses filled in (the class is renamed by the provider)."
    src = BENIGN if case == 'benign' else PRELUDE + '\n' + (CONTROL if case == 'control' else (HOSTILE/f'{case}.py').read_text())
    for k, v in dict(FRAMES=SLOW_FRAMES, CANARY_PATH=c.file, VIEW_CANARY=c.view_file, RUN_DIR=out.absolute(), CACHE_DIR=cache, REPO_DIR=REPO, MARK=c.mark,
                     TCP_PORT=c.net.port, UNIX_PATH=c.net.unix_path, ABSTRACT=c.net.abstract).items():
        src = src.replace(f'@{k}@', str(v))
    return src

@pytest.fixture(scope='module')
def red_provider():
    "Provider `redteam`: each scene's code from `RedTeam.codes` (seq -> code), renamed to the scene's class."
    saved = dict(PROVIDERS)
    @register_provider('redteam')
    class RedTeam:
        codes = {}
        def __init__(self, client=None, batch=True): pass
        def identity(self): return 'redteam-1'
        def generate(self, scenes, run):
            return {s.seq: SceneCode(self.codes[s.seq].replace('HOSTILE', s.name), 'individual', scene=s.name) for s in scenes}
        def repair(self, failures, run): return {}
    yield RedTeam
    PROVIDERS.clear(); PROVIDERS.update(saved)

def storyboard(cases:list[str]) -> list[str]:
    "Benign scenes first, in the middle and last, the hostile ones between them; second, a positive control for the detector."
    mid = len(cases) // 2
    return ['benign', 'control', *cases[:mid], 'benign', *cases[mid:], 'benign']

@dataclass
class RunRecord:
    mode: str
    order: list
    out: Path
    cache: Path
    seconds: float = 0.0
    hung: bool = False
    error: str = ''  # a RunError's message
    traceback: str = ''  # any other exception that escaped execute()
    run: object = None
    rows: list = field(default_factory=list)
    new_paths: list = field(default_factory=list)
    leftover: list = field(default_factory=list)  # (pid, name) of marked processes alive after the run
    pool_children: list = field(default_factory=list)
    pool_pids: tuple = ()
    parent_decodes: list = field(default_factory=list)  # (function, clip, seconds) decoded outside the confined check
    attempts: list = field(default_factory=list)  # (scene, ok, seconds, reason) of every render, fallbacks included

def execute(mode:str, cases:list[str], c:Canaries, provider, base:Path, mp) -> RunRecord:
    "One run of `cases` through `Run.execute()`, bounded in time, observed from outside."
    from manim_nb import assemble
    order = storyboard(cases)
    out, cache = base/'run', base/'cache'
    cache.mkdir()
    mp.setenv('MANIM_NB_CACHE', str(cache))
    provider.codes = {i: code_of(case, c, out, cache) for i, case in enumerate(order, 1)}
    rec = RunRecord(mode, order, out, cache)
    for name in ('_mux_encode', '_concat_encode'):  # the trusted parent decoding a scene's frames itself
        orig = getattr(assemble, name)
        def spy(clip, *a, _orig=orig, _name=name, **k):
            t = time.monotonic()
            try: return _orig(clip, *a, **k)
            finally: rec.parent_decodes.append((_name, [Path(p).name for p in clip] if isinstance(clip, list) else Path(clip).name,
                                                round(time.monotonic() - t, 2)))
        mp.setattr(assemble, name, spy)
    from manim_nb import pipeline
    record = pipeline._record_render
    def attempt(run, s, res):
        rec.attempts.append((s.name, res.ok, round(res.seconds, 1), res.reason))
        return record(run, s, res)
    mp.setattr(pipeline, '_record_render', attempt)
    sb = parse_storyboard(dict(title=f'Red team ({mode})', scenes=[dict(seq=i, text='A short line.', layout='custom')
                                                                   for i in range(1, len(order) + 1)]))
    opts = RunOptions(provider='redteam', tts='none', workers=2, repair_rounds=0, timeout=SCENE_TIMEOUT, no_cache=False)
    before = snapshot()
    pool0 = render._POOL['pool'].proc.pid if render._POOL['pool'] else None
    box = {}
    def go():
        try: box['run'] = Run(sb, out, opts).execute()
        except RunError as e: box['error'] = str(e)
        except BaseException: box['tb'] = traceback.format_exc()
    t0 = time.monotonic()
    th = threading.Thread(target=go, daemon=True, name=f'red-{mode}'); th.start(); th.join(RUN_BOUND)
    rec.seconds, rec.hung = round(time.monotonic() - t0, 1), th.is_alive()
    if rec.hung:
        render.cancel_renders(); th.join(60); render.resume_renders()
    rec.error, rec.traceback = box.get('error', ''), box.get('tb', '')
    time.sleep(0.5)  # let the kernel finish tearing down the last namespaces
    p = render._POOL['pool']
    rec.pool_pids = (pool0, p.proc.pid if p else None)
    rec.pool_children = descendants(p.proc.pid) if p else []
    rec.leftover = marked_processes(c.mark)
    rec.new_paths = sorted(snapshot() - before)
    from manim_nb.pipeline import outcome_of
    try: man = json.loads((out/'manifest.json').read_text())
    except (OSError, ValueError): man = dict(scenes={})
    rec.run, rec.rows = box.get('run'), [outcome_of(s, man['scenes'].get(str(s.seq), {})) for s in sb.scenes]
    print(f'\n== {mode}: {rec.seconds}s, error={rec.error[:200]!r}, traceback={bool(rec.traceback)}')
    for case, o in zip(order, rec.rows):
        why = (o.error or '').splitlines()[0][:150] if o.error else ''
        print(f'  {o.scene:>8} {case:<26} {o.codegen_source or "-":<10} {o.render_status or "-":<7} {o.render_s or 0:6.1f}s {why}')
    for d in rec.parent_decodes: print('  parent decoded:', d)
    print('  slowest renders:', sorted(rec.attempts, key=lambda a: -a[2])[:5])
    return rec

@pytest.fixture(scope='module')
def runs(canaries, red_provider, tmp_path_factory):
    "Both runs: with the gate, and with `manim_nb.gate.check` replaced by one that accepts any code unchanged."
    out, bases = {}, []
    for mode in ('gate', 'nogate'):
        with pytest.MonkeyPatch.context() as mp:
            if mode == 'nogate': no_gate(mp)
            bases.append(tmp_path_factory.mktemp(f'red-{mode}'))
            out[mode] = execute(mode, CASES, canaries, red_provider, bases[-1], mp)
        kill_ours(pid for pid, _ in out[mode].leftover)  # so the next run starts clean (each is reported, not hidden)
    yield out
    for b in bases: shutil.rmtree(b, ignore_errors=True)  # hundreds of MB of hostile clips

def no_gate(mp):
    "Bypass the static gate: `record_code` gets a verdict that accepts the code unchanged."
    mp.setattr('manim_nb.gate.check', lambda code, scene_name=None: Verdict(True, code, [], [], scene_name))

MODES = ['gate', 'nogate']

def modes(nogate:str=''):
    "Both modes; `nogate`: why the property fails without the gate today (a strict xfail, so a fix shows up as XPASS)."
    return ['gate', pytest.param('nogate', marks=pytest.mark.xfail(strict=True, reason=nogate)) if nogate else 'nogate']

# ------------------------------------------------------------------------------------------------------- properties
@pytest.mark.parametrize('mode', MODES)
def test_the_run_finishes_in_bounded_time_without_a_traceback(runs, mode):
    r = runs[mode]
    assert not r.hung, f'{mode}: the run was still going after {RUN_BOUND}s'
    assert r.traceback == '', f'{mode}: an exception escaped execute():\n{r.traceback}'
    assert r.error == '', f'{mode}: RunError although every scene has the template fallback: {r.error}'
    assert r.rows and len(r.rows) == len(r.order)

@pytest.mark.parametrize('mode', MODES)
def test_no_canary_reaches_any_file_of_the_run_or_the_cache(runs, canaries, mode):
    r = runs[mode]
    hits = files_holding([r.out, r.cache], canaries.tokens)
    assert hits == [], f'{mode}: canary found in {hits}'
    text = json.dumps([vars(o) for o in r.rows]) + r.error + r.traceback
    assert not any(t.decode() in text for t in canaries.tokens)

@pytest.mark.parametrize('mode', MODES)
def test_no_attack_reports_success_in_its_video(runs, mode):
    "A case that got what it was after shows a magenta frame; every clip of the run is looked at, benign ones too."
    r = runs[mode]
    won = [(o.scene, case, n) for case, o in zip(r.order, r.rows)
           if (clip := r.out/'clips'/f'{o.scene}.mp4').exists() and (n := magenta_frames(clip))]
    assert [case for _, case, _ in won if case == 'control'] == ['control'], f'{mode}: the detector missed the positive control'
    won = [w for w in won if w[1] != 'control']
    assert won == [], f'{mode}: attacks that worked (scene, case, magenta frames): {won}'

@pytest.mark.parametrize('mode', MODES)
def test_nothing_is_written_outside_the_run_and_the_cache(runs, canaries, mode):
    r = runs[mode]
    marked = [p for p in r.new_paths if canaries.mark in p]
    in_repo = [p for p in r.new_paths if p.startswith(str(REPO) + '/')]
    assert marked == [] and in_repo == [], f'{mode}: new host files {marked + in_repo} (all new: {r.new_paths[:40]})'
    planted = [str(p) for p in (*r.out.rglob('*'), *r.cache.rglob('*')) if canaries.mark in p.name or p.name.endswith('.cfg')]
    assert planted == [], f'{mode}: files a scene planted in the run folder or the shared cache: {planted}'

@pytest.mark.parametrize('mode', MODES)
def test_no_connection_reaches_the_host(runs, canaries, mode):
    assert canaries.net.hits == [], f'connections from scenes: {canaries.net.hits}'

@pytest.mark.parametrize('mode', MODES)
def test_no_process_of_a_scene_survives(runs, mode):
    r = runs[mode]
    assert r.leftover == [], f'{mode}: processes the scenes started are still alive: {r.leftover}'
    assert r.pool_children == [], f'{mode}: the pool server still has children after the run: {r.pool_children}'
    assert r.pool_pids[0] in (None, r.pool_pids[1]), f'{mode}: the pool server died during the run: {r.pool_pids}'

@pytest.mark.parametrize('mode', MODES)
def test_benign_scenes_render_and_every_hostile_scene_ends_with_a_clip_or_a_reason(runs, mode):
    r = runs[mode]
    for case, o in zip(r.order, r.rows):
        assert o.render_status == 'ok', f'{mode}: {o.scene} ({case}) has no clip: {o.error}'
        if case in ('benign', 'control'):
            assert o.codegen_source == 'individual' and not o.error, f'{mode}: benign {o.scene} was not rendered from its code: {o.error}'
        elif o.codegen_source == 'template':
            first = (o.error or '').splitlines()[0] if o.error else ''
            assert first.startswith('fell back to template after: ') and len(first) > 40, f'{mode}: {o.scene} ({case}): {o.error!r}'
    assert (r.out/'final.mp4').exists()

@pytest.mark.parametrize('mode', MODES)
def test_the_final_video_holds_every_scene(runs, mode):
    "final.mp4 has every video packet of every muxed scene: no scene can erase the others from the video."
    r = runs[mode]
    parts = sum(video_packets(r.out/'clips'/f'{o.scene}.av.mp4') for o in r.rows)
    assert video_packets(r.out/'final.mp4') == parts, f'{mode}: final.mp4 lost frames of some scenes'

@pytest.mark.parametrize('mode', MODES)
def test_what_is_kept_of_a_clip_is_its_video(runs, mode):
    "A clip stored in clips/ (and the shared cache) is its video, not whatever bytes the scene appended to it."
    import av
    r, fat = runs[mode], []
    for case, o in zip(r.order, r.rows):
        clip = r.out/'clips'/f'{o.scene}.mp4'
        if not clip.exists(): continue
        with av.open(str(clip)) as c: payload = sum(p.size for p in c.demux() if p.dts is not None)
        if clip.stat().st_size > payload + (256 << 10): fat.append((o.scene, case, clip.stat().st_size >> 20, payload >> 10))
    assert fat == [], f'{mode}: clips much bigger than their streams (scene, case, MiB stored, KiB of packets): {fat}'

@pytest.mark.parametrize('mode', MODES)
def test_a_refused_clip_leaves_nothing_behind(runs, mode):
    "Whatever the server copied out of a scene and then refused is not left in the run folder."
    r = runs[mode]
    left = [(str(p.relative_to(r.out)), p.stat().st_size) for p in (r.out/'work').rglob('*') if p.is_file()]
    assert left == [], f'{mode}: {sum(s for _, s in left) >> 20} MiB left in work/: {left}'

@pytest.mark.parametrize('mode', MODES)
def test_the_parent_never_decodes_a_scene_clip_itself(runs, mode):
    "Frames of a scene's clip are decoded only by the confined, timed check, never by the trusted parent (no timeout)."
    r = runs[mode]
    assert r.parent_decodes == [], f'{mode}: the parent decoded and re-encoded clips itself: {r.parent_decodes}'

@pytest.mark.parametrize('mode', MODES)
def test_a_scene_cannot_stretch_the_video(runs, mode):
    "No clip outlasts its narration by more than a minute: one scene must not add half an hour to the video."
    r = runs[mode]
    long = [(o.scene, case, o.clip_s) for case, o in zip(r.order, r.rows) if (o.clip_s or 0) > (o.audio_s or 0) + 60]
    assert long == [], f'{mode}: clips far longer than their narration: {long}'

@pytest.mark.parametrize('mode', MODES)
def test_what_a_scene_printed_reaches_the_record_inert(runs, mode):
    "A scene's log ends up in the manifest (fallback notes): no terminal control sequences may ride along."
    r = runs[mode]
    bad = [(o.scene, case, repr(CTRL.search(o.error).group())) for case, o in zip(r.order, r.rows) if o.error and CTRL.search(o.error)]
    assert bad == [], f'{mode}: control characters from scene logs in the outcomes: {bad}'

# ------------------------------------------------------------------------------------------ small storyboards
SOLO_FAILS = {}  # every case aimed at the join is handled (each was a strict xfail before the fixes)

@pytest.mark.parametrize('case', [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=SOLO_FAILS[c])) if c in SOLO_FAILS else c
                                  for c in SOLO])
def test_one_scene_cannot_spoil_the_joined_video(case, canaries, red_provider, tmp_path, monkeypatch):
    "A case aimed at the join, between benign scenes: the run ends without a traceback and final.mp4 holds every scene."
    no_gate(monkeypatch)
    r = execute(f'solo-{case}', [case], canaries, red_provider, tmp_path, monkeypatch)
    try:
        assert not r.hung and r.traceback == '', f'{case}: an exception escaped execute():\n{r.traceback}'
        assert r.error == '', f'{case}: {r.error}'
        assert [o.render_status for o in r.rows] == ['ok'] * len(r.order)
        final, parts = r.out/'final.mp4', sum(video_packets(r.out/'clips'/f'{o.scene}.av.mp4') for o in r.rows)
        assert final.exists() and video_packets(final) == parts, f'{case}: final.mp4 lost the frames of some scenes'
        from manim_nb.assemble import media_duration
        clips = sum(o.clip_s or 0 for o in r.rows)
        assert media_duration(final) < clips + 5, f'{case}: final.mp4 lasts {media_duration(final):.0f}s, its scenes {clips:.1f}s'
        slow = [(name, secs, why) for name, ok, secs, why in r.attempts if secs > SCENE_TIMEOUT + 2]
        assert slow == [], f'{case}: renders that held their worker well past the {SCENE_TIMEOUT}s timeout: {slow}'
        assert r.parent_decodes == [], f'{case}: the parent decoded and re-encoded clips itself: {r.parent_decodes}'
        left = [str(p) for p in (r.out/'work').rglob('*') if p.is_file()]
        assert left == [], f'{case}: refused clips left in the run folder: {left}'
    finally: shutil.rmtree(tmp_path, ignore_errors=True)

# ---------------------------------------------------------------------------------------- where no cgroup is writable
PROCESS_CASES = ['h02_setsid_sleeper', 'h03_double_fork_sleeper', 'p05_leftover_tamper']

def test_process_attacks_without_a_pids_cgroup(canaries, red_provider, tmp_path, monkeypatch):
    "Same pipeline, but the machine has no writable pids cgroup (the sandbox's fallback): no process may survive."
    monkeypatch.setattr(render, 'cgroup_parent', lambda: None)
    no_gate(monkeypatch)
    r = execute('nocgroup', PROCESS_CASES, canaries, red_provider, tmp_path, monkeypatch)
    try:
        assert not r.hung and not r.traceback and not r.error, (r.error, r.traceback)
        assert r.leftover == [], f'processes outlived their scene and the run: {r.leftover}'
    finally:
        kill_ours(pid for pid, _ in r.leftover)
