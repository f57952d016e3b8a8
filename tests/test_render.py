"""Hostile and end-to-end tests of the render sandbox (manim_nb.render), through both paths: one subprocess per scene
(render_scene) and the preloaded pool (RenderPool). Offline; about a minute and a half on 2 cores."""
import os, socket, subprocess, threading, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from manim_nb import render

from manim_nb.render import RenderJob, RenderPool, RenderResult, render_all, render_scene, default_pool, report
from manim_nb.sandbox import GiB, MiB, probe_sandbox

SB = probe_sandbox()

def scene(body:str, name:str='Hostile', tail:str='self.add(Circle()); self.wait(0.2)') -> str:
    "A scene whose construct() runs `body` (indented already) and then renders a short clip."
    return f"from manim import *\nimport os, sys, socket\nclass {name}(Scene):\n    def construct(self):\n{body}\n        {tail}\n"

@pytest.fixture
def wd(tmp_path_factory):
    # /tmp/pytest-of-root/... is world-searchable, so the uid drop (where probed) is exercised too
    return tmp_path_factory.mktemp('render')

def _group(pgid:int) -> list[tuple[int, str]]:
    "(pid, state) of every process still in process group `pgid`, zombies included."
    out = []
    for d in Path('/proc').iterdir():
        if not d.name.isdigit(): continue
        try: fields = (d/'stat').read_text().rsplit(')', 1)[1].split()
        except OSError: continue
        if int(fields[2]) == pgid: out.append((int(d.name), fields[0]))
    return out

@pytest.fixture(scope='module')
def pool():
    with RenderPool() as p: yield p

class Renderer:
    "render_scene, or the same call through the pool; `pgids()`: process groups of the renders it started."
    def __init__(self, kind, pool, monkeypatch):
        self.kind, self.pool, self.procs, self.n0 = kind, pool, [], len(pool.started) if pool else 0
        if kind == 'subprocess':
            real = subprocess.Popen
            def popen(*a, **kw):
                p = real(*a, **kw); self.procs.append(p); return p
            monkeypatch.setattr(render.subprocess, 'Popen', popen)
    def __call__(self, code, name, wd, quality='l', timeout=180, limits=None) -> RenderResult:
        if self.kind == 'subprocess': return render_scene(code, name, wd, quality, timeout, limits)
        return self.pool.render(RenderJob(code, name, wd, quality, timeout, limits))
    def pgids(self) -> list[int]:
        if self.kind == 'subprocess': return [p.pid for p in self.procs]
        return [pid for _, pid in list(self.pool.started)[self.n0:]]

@pytest.fixture(params=['subprocess', 'pool'])
def rs(request, monkeypatch):
    "Renders like render_scene, through each path in turn."
    return Renderer(request.param, request.getfixturevalue('pool') if request.param == 'pool' else None, monkeypatch)

def test_report_mentions_every_control():
    rep = report()
    for word in ('environment', 'RLIMIT_AS', 'RLIMIT_FSIZE', 'timeout', 'network', 'processes', 'user'): assert word in rep

def test_infinite_loop_times_out(wd, rs):
    t = time.monotonic()
    r = rs(scene('        while True: pass'), 'Hostile', wd, timeout=4)
    assert not r.ok and r.reason.startswith('timeout: no result after 4s'), r.error
    assert time.monotonic() - t < 10

def test_render_forever_times_out(wd, rs):
    r = rs(scene('        pass', tail='self.add(Circle()); self.wait(10**6)'), 'Hostile', wd, timeout=4)
    assert not r.ok and r.reason.startswith('timeout'), r.error
    assert r.clip is None

def test_memory_bomb_hits_the_limit(wd, rs):
    body = '        hog = []\n        while True: hog.append(bytearray(64*2**20))'
    r = rs(scene(body), 'Hostile', wd, timeout=20, limits={'mem': 1*GiB})
    assert not r.ok and r.reason.startswith('memory limit: MemoryError'), r.error
    assert 'RLIMIT_AS 1024 MiB' in r.reason

def test_huge_file_hits_the_size_limit(wd, rs):
    body = "        with open('big.bin', 'wb') as f:\n            for _ in range(64): f.write(b'0'*2**20)"
    r = rs(scene(body), 'Hostile', wd, timeout=20, limits={'fsize': 8*MiB})
    assert not r.ok and r.reason.startswith('file size limit'), r.error
    assert 'File too large' in r.error
    assert (wd/'big.bin').stat().st_size <= 8*MiB

def test_fork_bomb_fails_cleanly(wd, rs, monkeypatch):
    made = []
    init = render.PidsCgroup.__init__
    def record(self, *a, **kw): init(self, *a, **kw); made.append(self)
    monkeypatch.setattr(render.PidsCgroup, '__init__', record)
    body = '        while True: os.fork()'
    t = time.monotonic()
    r = rs(scene(body), 'Hostile', wd, timeout=8, limits={'nproc': 32})
    assert not r.ok, r.error
    # the bomb ends either when the scene's own process fails to fork, or at the timeout; both name the limit
    if SB['cgroup'] or SB['uid_drop']: assert 'process limit: BlockingIOError' in r.reason, r.error
    else: assert r.reason.startswith(('process limit', 'timeout')), r.error
    assert time.monotonic() - t < 15
    # nothing of the bomb survives: no process runs the scene, none is left in its group, we can still fork
    time.sleep(0.2)
    leftover = [d.name for d in Path('/proc').iterdir() if d.name.isdigit() and _cmd_has(d, str(wd))]
    assert leftover == [], leftover
    assert len(rs.pgids()) == 1 and _group(rs.pgids()[0]) == []  # not even a zombie
    assert subprocess.run(['true']).returncode == 0
    if SB['cgroup']: assert made and all(cg.path and not cg.path.exists() for cg in made), made

def _cmd_has(d:Path, s:str) -> bool:
    try: return s in (d/'cwd').resolve().as_posix() or s in (d/'cmdline').read_bytes().decode(errors='replace')
    except OSError: return False

def test_timeout_kills_the_whole_group(wd, rs):
    # the scene starts a grandchild in its own process group's session, then hangs; both must die
    body = ("        import subprocess\n        p = subprocess.Popen(['sleep', '300'])\n"
            "        open('pgid.txt', 'w').write(str(os.getpgid(0)))\n        while True: pass")
    r = rs(scene(body), 'Hostile', wd, timeout=4)
    assert r.reason.startswith('timeout'), r.error
    time.sleep(0.2)
    assert (wd/'pgid.txt').exists() and _group(rs.pgids()[0]) == []
    assert not [d for d in Path('/proc').iterdir() if d.name.isdigit() and _cmd_has(d, str(wd))]

@pytest.mark.skipif(not SB['netns'], reason='unshare -n does not work here')
def test_no_network(wd, rs):
    srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1); srv.settimeout(10)
    port, accepted = srv.getsockname()[1], []
    th = threading.Thread(target=lambda: accepted.append(_accept(srv)), daemon=True); th.start()
    body = (f"        for host in ('127.0.0.1', '1.1.1.1'):\n"
            f"            try: socket.create_connection((host, {port}), timeout=3); open('net.txt', 'a').write('connected ' + host)\n"
            f"            except OSError as e: open('net.txt', 'a').write(f'{{host}}: {{e}}\\n')")
    r = rs(scene(body), 'Hostile', wd, timeout=30)
    assert r.ok, r.error
    log = (wd/'net.txt').read_text()
    assert 'connected' not in log and 'Network is unreachable' in log, log
    th.join(0.5); srv.close()
    assert accepted in ([], [None])

def _accept(srv):
    try: return srv.accept()
    except OSError: return None

def test_secrets_not_visible(wd, rs, monkeypatch):
    monkeypatch.setenv('GEMINI_API_KEY', 'sk-test-secret-1')
    monkeypatch.setenv('GOOGLE_API_KEY', 'sk-test-secret-2')
    monkeypatch.setenv('SOME_TOKEN', 'sk-test-secret-3')
    body = "        open('env.txt', 'w').write(repr(dict(os.environ)))"
    r = rs(scene(body), 'Hostile', wd, timeout=60)
    assert r.ok and r.clip.exists() and r.duration > 0, r.error
    env = eval((wd/'env.txt').read_text())
    assert 'sk-test-secret' not in repr(env)
    assert not [k for k in env if 'KEY' in k or 'TOKEN' in k or 'SECRET' in k or k.startswith(('GOOGLE_', 'GEMINI_'))]
    assert env['HOME'] == str(wd)

def test_render_all_one_failure_does_not_stop_the_others(tmp_path_factory):
    ok = scene('        pass', 'Good')
    bad = scene('        raise ValueError("broken scene")', 'Bad')
    jobs = [RenderJob(ok, 'Good', tmp_path_factory.mktemp('a')), RenderJob(bad, 'Bad', tmp_path_factory.mktemp('b')),
            RenderJob(ok, 'Good', tmp_path_factory.mktemp('c'), quality='m')]
    seen = []
    rs = render_all(jobs, workers=2, on_result=seen.append)
    assert [r.scene for r in rs] == ['Good', 'Bad', 'Good']
    assert [r.ok for r in rs] == [True, False, True]
    assert rs[1].reason == 'scene failed: ValueError: broken scene'
    assert rs[2].clip.parent.name == '720p30'
    assert len(seen) == 3

def test_render_all_with_a_process_pool(tmp_path_factory):
    jobs = [RenderJob(scene('        pass', 'Good'), 'Good', tmp_path_factory.mktemp('p')),
            RenderJob('class Good(:\n', 'Good', tmp_path_factory.mktemp('q'))]
    with ProcessPoolExecutor(2) as ex: rs = render_all(jobs, executor=ex)
    assert rs[0].ok and rs[0].duration > 0, rs[0].error
    assert not rs[1].ok and 'SyntaxError' in rs[1].reason, rs[1].error

def test_generated_code_can_import_the_layouts(wd, rs):
    code = ("from manim import *\nfrom manim_nb.layouts import *\nclass Scene1(TitleAndMainContent):\n"
            "    audio_duration = 0.3\n    def construct_scene(self):\n        self.add(Circle())\n")
    r = rs(code, 'Scene1', wd, timeout=60)
    assert r.ok and 0.2 < r.duration < 0.5, r.error

EVIL = '''from manim import *
import manim, manim.mobject.geometry.arc as arc
config.background_color = RED
config.frame_rate = 60
_orig = Circle.__init__
def _patched(self, *a, **k): _orig(self, *a, color=RED, **k); self.set_fill(RED, 1)
Circle.__init__ = _patched
manim.PLANTED = 'evil'
arc.DEFAULT_ARC_RADIUS = 99
class Evil(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
'''
SPY = '''from manim import *
import manim, manim.mobject.geometry.arc as arc
class Spy(Scene):
    def construct(self):
        open('seen.txt', 'w').write(repr((config.background_color.to_hex(), config.frame_rate,
                                          getattr(manim, 'PLANTED', None), getattr(arc, 'DEFAULT_ARC_RADIUS', 'absent'), Circle().fill_opacity)))
        self.add(Circle(radius=3)); self.wait(0.2)
'''

def _center_pixel(clip) -> tuple:
    import av
    with av.open(str(clip)) as c:
        f = next(c.decode(video=0)).to_ndarray(format='rgb24')
    return tuple(int(v) for v in f[f.shape[0]//2, f.shape[1]//2])

def test_pool_scene_cannot_affect_the_next(tmp_path, pool):
    "A scene that mutates manim's config, a class and module globals changes nothing for the next scene of the pool."
    ev = pool.render(RenderJob(EVIL, 'Evil', tmp_path/'evil'))
    assert ev.ok, ev.error
    assert _center_pixel(ev.clip)[0] > 200  # the evil scene itself is red (its own changes applied)
    for i in range(2):  # the next scene, and the one after it
        spy = pool.render(RenderJob(SPY, 'Spy', tmp_path/f'spy{i}'))
        assert spy.ok, spy.error
        assert eval((tmp_path/f'spy{i}'/'seen.txt').read_text()) == ('#000000', 15, None, 'absent', 0.0)
        assert max(_center_pixel(spy.clip)) < 20  # black background, unfilled circle: the centre is black
        assert spy.clip.parent.name == '480p15'

def test_render_all_uses_the_pool_by_default(tmp_path_factory):
    jobs = [RenderJob(scene('        pass', f'T{i}'), f'T{i}', tmp_path_factory.mktemp('t')) for i in range(3)]
    rs = render_all(jobs, workers=2)
    assert all(r.ok for r in rs), [r.error for r in rs]
    p = default_pool()
    assert p is not None and p.alive and [s for s, _ in p.started][-3:] and {'T0', 'T1', 'T2'} <= {s for s, _ in p.started}
    assert 'workers: a preloaded pool' in report()

def test_falls_back_to_subprocesses_when_the_pool_cannot_start(tmp_path, monkeypatch):
    def broken(*a, **kw): raise render.PoolError('no server today')
    monkeypatch.setattr(render, '_POOL', dict(pool=None, error=None, starts=0, atexit=True))
    monkeypatch.setattr(render, 'RenderPool', broken)
    r = render.render_job(RenderJob(scene('        pass', 'Good'), 'Good', tmp_path))
    assert r.ok, r.error
    assert 'pool could not start: PoolError: no server today' in report()

def test_pool_server_has_no_secrets_and_no_network(monkeypatch):
    import shutil, tempfile
    tmp_path = Path(tempfile.mkdtemp(prefix='pool_ids_')); tmp_path.chmod(0o755)  # reachable: the uid drop applies
    monkeypatch.setenv('GEMINI_API_KEY', 'sk-test-secret-9')
    with RenderPool() as p:
        env = Path(f'/proc/{p.proc.pid}/environ').read_bytes()
        assert b'sk-test-secret' not in env and b'GEMINI' not in env
        if SB['netns']: assert os.readlink(f'/proc/{p.proc.pid}/ns/net') != os.readlink('/proc/self/ns/net')
        r = p.render(RenderJob(scene("        open('ids.txt', 'w').write(repr((os.getpid(), os.getuid())))", 'Good'), 'Good', tmp_path))
        assert r.ok, r.error
        pid, uid = eval((tmp_path/'ids.txt').read_text())
        if p.pidns: assert pid == 1
        if SB['uid_drop']: assert p.uid_drop and uid == 65534
    shutil.rmtree(tmp_path, ignore_errors=True)

def test_the_pool_tuning_changes_no_pixel(tmp_path, pool):
    "A scene of text, a formula, copies and held frames: the tuned pool and plain `python -m manim` give the same frames."
    import av, numpy as np
    code = ("from manim import *\nclass Same(Scene):\n    def construct(self):\n"
            "        t = Text('Same frames', font_size=40).to_edge(UP); m = MathTex('a^2 + b^2 = c^2')\n"
            "        self.play(Write(t), run_time=0.4); self.play(FadeIn(m.copy().shift(DOWN)), run_time=0.4)\n"
            "        self.play(TransformFromCopy(m, m.copy().shift(UP)), run_time=0.4); self.wait(0.6)\n")
    tuned, plain = pool.render(RenderJob(code, 'Same', tmp_path/'pool')), render_scene(code, 'Same', tmp_path/'sub')
    assert tuned.ok and plain.ok, (tuned.error, plain.error)
    def frames(p):
        with av.open(str(p)) as c: return [f.to_ndarray(format='rgb24') for f in c.decode(video=0)]
    a, b = frames(tuned.clip), frames(plain.clip)
    assert len(a) == len(b) == 27 and all(np.array_equal(x, y) for x, y in zip(a, b))
