"""Hostile and end-to-end tests of the render sandbox (manim_nb.render), through both ways a scene runs: a fresh fork
of the preloaded pool, and `python -m manim` in the same sandbox (a pool server without the preload).
Offline; about a minute and a half on 2 cores."""
import json, os, socket, subprocess, tempfile, threading, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from manim_nb import render
from manim_nb.render import RenderJob, RenderPool, RenderResult, default_pool, render_all, render_scene, report
from manim_nb.sandbox import GiB, MiB, SCENE_UIDS, SandboxUnavailable


def scene(body:str, name:str='Hostile', tail:str='self.add(Circle()); self.wait(0.2)') -> str:
    "A scene whose construct() runs `body` (indented already) and then renders a short clip."
    return f"from manim import *\nimport os, sys, socket\nclass {name}(Scene):\n    def construct(self):\n{body}\n        {tail}\n"

@pytest.fixture
def wd(tmp_path_factory): return tmp_path_factory.mktemp('render')

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

@pytest.fixture(scope='module')
def plain():
    "A pool server without the preload: each scene runs `python -m manim` (what `render_scene` does)."
    with RenderPool(preload=False) as p: yield p

class Renderer:
    "A job through one kind of pool; `pgids()`: process groups of the renders it started."
    def __init__(self, pool): self.pool, self.n0 = pool, len(pool.started)
    def __call__(self, code, name, wd, timeout=180, limits=None, collect=()) -> RenderResult:
        return self.pool.render(RenderJob(code, name, wd, 'l', timeout, limits, collect=collect))
    def pgids(self) -> list[int]: return [pid for _, pid in list(self.pool.started)[self.n0:]]

@pytest.fixture(params=['plain', 'pool'])
def rs(request): return Renderer(request.getfixturevalue(request.param))

def test_report_mentions_every_control():
    rep = report()
    for word in ('environment', 'file system', 'user', 'network', 'processes', 'syscalls', 'RLIMIT_AS', 'LaTeX', 'results'):
        assert f'{word}: ACTIVE' in rep or f'{word} ' in rep, word
    assert 'NOT' not in rep and rep.startswith('containment: ACTIVE')

def test_infinite_loop_times_out(wd, rs):
    t = time.monotonic()
    r = rs(scene('        while True: pass'), 'Hostile', wd, timeout=4)
    assert not r.ok and r.reason.startswith('timeout: no result after 4s'), r.error
    assert time.monotonic() - t < 12

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

def test_the_scene_folder_has_a_disk_and_file_cap(wd, rs):
    "Many files each under RLIMIT_FSIZE still hit the folder's cap; /tmp and /dev/shm are capped too."
    body = ("        out = []\n"
            "        for where, n in (('.', 40), ('/tmp', 40), ('/dev/shm', 40)):\n"
            "            try:\n"
            "                for i in range(n): open(f'{where}/f{i}', 'wb').write(b'0' * 2**20)\n"
            "                out.append(f'{where}: wrote all')\n"
            "            except OSError as e: out.append(f'{where}: {e.strerror}')\n"
            "        try:\n"
            "            for i in range(10**5): open(f'n{i}', 'w').close()\n"
            "            out.append('files: all')\n"
            "        except OSError as e: out.append(f'files: {e.strerror}')\n"
            "        for f in os.listdir('.'):\n"
            "            if f[0] in 'fn' and f[1:].isdigit(): os.remove(f)\n"
            "        open('caps.txt', 'w').write('\\n'.join(out))")
    r = rs(scene(body), 'Hostile', wd, timeout=60, limits={'disk': 16*MiB, 'tmp': 8*MiB, 'files': 1000}, collect=('caps.txt',))
    assert r.ok, r.error
    caps = r.files['caps.txt'].read_text()
    assert caps.count('No space left on device') == 4, caps

def test_fork_bomb_fails_cleanly(wd, rs, monkeypatch):
    made = []
    init = render.PidsCgroup.__init__
    def record(self, *a, **kw): init(self, *a, **kw); made.append(self)
    monkeypatch.setattr(render.PidsCgroup, '__init__', record)
    t = time.monotonic()
    r = rs(scene('        while True: os.fork()'), 'Hostile', wd, timeout=8, limits={'nproc': 32})
    assert not r.ok, r.error
    if rs.pool.preload: assert 'process limit: BlockingIOError' in r.reason, r.error
    else: assert r.reason.startswith(('process limit', 'timeout')), r.error  # manim's command line prints slowly under the bomb
    assert time.monotonic() - t < 15
    time.sleep(0.2)  # nothing of the bomb survives: none is left in its group, not even a zombie; we can still fork
    assert len(rs.pgids()) == 1 and _group(rs.pgids()[0]) == []
    assert subprocess.run(['true']).returncode == 0
    assert all(cg.path is None or not cg.path.exists() for cg in made), made

def test_timeout_kills_the_whole_group(wd, rs):
    "The scene starts a process in a new session (out of its process group), then hangs: both die with the pid namespace."
    mark = f'{300 + os.getpid() % 97}.{time.time_ns() % 10**6}'  # a sleep no other process runs
    body = (f"        import subprocess\n        subprocess.Popen(['sleep', '{mark}'], start_new_session=True)\n"
            "        while True: pass")
    r = rs(scene(body), 'Hostile', wd, timeout=4)
    assert r.reason.startswith('timeout'), r.error
    def sleepers():
        out = []
        for d in Path('/proc').iterdir():
            try: out += [d.name] if d.name.isdigit() and mark.encode() in (d/'cmdline').read_bytes() else []
            except OSError: pass
        return out
    for _ in range(20):
        if not sleepers() and _group(rs.pgids()[0]) == []: break
        time.sleep(0.1)
    assert sleepers() == [] and _group(rs.pgids()[0]) == []

def test_no_network_and_no_host_sockets(wd, rs, tmp_path_factory):
    "Neither TCP to the host, nor a host unix socket by path, nor a host abstract socket, nor any interface."
    srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1); srv.settimeout(10)
    port = srv.getsockname()[1]
    sock_dir = Path('/tmp')/f'mnb_host_sock_{os.getpid()}'; sock_dir.mkdir(exist_ok=True)
    usrv = socket.socket(socket.AF_UNIX); usrv.bind(str(sock_dir/'s')); usrv.listen(1); os.chmod(sock_dir/'s', 0o777)
    asrv = socket.socket(socket.AF_UNIX); asrv.bind(f'\0mnb-abstract-{os.getpid()}'); asrv.listen(1)
    body = (f"        out = []\n"
            f"        for what, fam, addr in (('tcp', socket.AF_INET, ('127.0.0.1', {port})), ('tcp', socket.AF_INET, ('1.1.1.1', 80)),\n"
            f"                                ('unix', socket.AF_UNIX, '{sock_dir}/s'), ('abstract', socket.AF_UNIX, '\\0mnb-abstract-{os.getpid()}')):\n"
            f"            s = socket.socket(fam)\n"
            f"            s.settimeout(3)\n"
            f"            try: s.connect(addr); out.append('CONNECTED ' + what)\n"
            f"            except OSError as e: out.append(f'{{what}}: {{e.strerror}}')\n"
            f"        out.append('ifaces ' + ','.join(n for _, n in socket.if_nameindex()))\n"
            f"        open('net.txt', 'w').write('\\n'.join(out))")
    try:
        r = rs(scene(body), 'Hostile', wd, timeout=30, collect=('net.txt',))
        assert r.ok, r.error
        log = r.files['net.txt'].read_text()
        assert 'CONNECTED' not in log and 'Network is unreachable' in log and 'No such file or directory' in log, log
    finally:
        srv.close(); usrv.close(); asrv.close()
        import shutil; shutil.rmtree(sock_dir, ignore_errors=True)

def test_secrets_and_the_host_are_out_of_sight(wd, rs, monkeypatch, tmp_path):
    monkeypatch.setenv('GEMINI_API_KEY', 'sk-test-secret-1')
    monkeypatch.setenv('SOME_TOKEN', 'sk-test-secret-3')
    canary = tmp_path/'canary.txt'; canary.write_text('ROOT-ONLY-CANARY'); canary.chmod(0o600)
    body = ("        seen = dict(env=dict(os.environ), uid=os.getuid(), pid=os.getpid(), top=sorted(os.listdir('/')),\n"
            "                    procs=sorted(p for p in os.listdir('/proc') if p.isdigit()))\n"
            f"        for p in ('/proc/1/environ', '{canary}', '/etc/hostname', '/etc/passwd', '/root/.bashrc', '/home'):\n"
            "            try: seen[p] = open(p, 'rb').read()[:200].decode(errors='replace')\n"
            "            except OSError as e: seen[p] = e.strerror\n"
            "        open('seen.txt', 'w').write(repr(seen))")
    r = rs(scene(body), 'Hostile', wd, timeout=60, collect=('seen.txt',))
    assert r.ok and r.clip.exists() and r.duration > 0, r.error
    seen = eval(r.files['seen.txt'].read_text())
    text = repr(seen)
    assert 'sk-test-secret' not in text and 'ROOT-ONLY-CANARY' not in text, text
    assert seen['env']['HOME'] == '/scene' and seen['pid'] == 1 and seen['procs'] == ['1']
    assert seen['uid'] in SCENE_UIDS
    assert all(seen[p] == 'No such file or directory' for p in (str(canary), '/etc/hostname', '/etc/passwd', '/root/.bashrc', '/home'))

def test_siblings_get_their_own_uid(tmp_path):
    body = "        open('me.txt', 'w').write(str(os.getuid()))"
    rs = render_all([RenderJob(scene(body, f'S{i}'), f'S{i}', tmp_path/f's{i}', collect=('me.txt',)) for i in range(3)], workers=2)
    uids = [int(r.files['me.txt'].read_text()) for r in rs]
    assert len(set(uids)) == 3 and all(u in SCENE_UIDS for u in uids), uids

def test_seccomp_denies_namespaces_mounts_and_ptrace(wd, rs):
    body = ("        import ctypes, errno\n        libc = ctypes.CDLL(None, use_errno=True)\n        out = {}\n"
            "        for name, call in (('unshare_user', lambda: libc.unshare(0x10000000)), ('unshare_net', lambda: libc.unshare(0x40000000)),\n"
            "                           ('setns', lambda: libc.setns(0, 0)), ('mount', lambda: libc.mount(b'none', b'/tmp', b'tmpfs', 0, None)),\n"
            "                           ('ptrace', lambda: libc.ptrace(16, 1, 0, 0)), ('bpf', lambda: libc.syscall(321, 0, 0, 0)),\n"
            "                           ('clone_newuser', lambda: libc.syscall(56, 0x10000000 | 17, 0, 0, 0, 0))):\n"
            "            out[name] = (call(), ctypes.get_errno())\n"
            "        open('sc.txt', 'w').write(repr(out))")
    r = rs(scene(body), 'Hostile', wd, timeout=30, collect=('sc.txt',))
    assert r.ok, r.error
    out = eval(r.files['sc.txt'].read_text())
    assert all(rc == -1 and err in (1, 22) for rc, err in out.values()), out  # EPERM (setns on fd 0: EINVAL at worst)
    assert out['unshare_user'] == (-1, 1) and out['clone_newuser'] == (-1, 1) and out['mount'] == (-1, 1)

def test_latex_cannot_read_or_write_outside(wd, rs):
    body = ("        out = []\n"
            "        for tex in (r'\\input{/etc/ld.so.conf}', r'\\immediate\\openout5=/tmp/pwned.txt \\immediate\\write5{x}\\immediate\\closeout5 ok'):\n"
            "            try: Tex(tex); out.append('typeset')\n"
            "            except Exception as e: out.append(type(e).__name__)\n"
            "        out.append(str(os.path.exists('/tmp/pwned.txt')))\n"
            "        open('tex.txt', 'w').write(' '.join(out))")
    r = rs(scene(body), 'Hostile', wd, timeout=60, collect=('tex.txt',))
    assert r.ok, r.error
    assert r.files['tex.txt'].read_text().split()[-1] == 'False'
    assert r.files['tex.txt'].read_text().split()[0] != 'typeset', r.files['tex.txt'].read_text()

SWAP = '''from manim import *
import os, time
class Swap(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = 'media/videos/scene/480p15/Swap.mp4'
        {how}
'''
@pytest.mark.parametrize('how, reason', [
    ("os.unlink(p); os.symlink('/proc/self/environ', p)", 'Swap.mp4: a symlink'),
    ("os.unlink(p); os.mkfifo(p)", 'Swap.mp4: a FIFO'),
    ("os.rename('media/videos', 'media/v2'); os.symlink('/etc', 'media/videos')", 'is a symlink or not a folder'),
    ("open(p, 'r+b').truncate(os.path.getsize(p) // 2)", 'unusable clip: '),
    ("open(p, 'wb').write(b'not a video')", 'does not decode'),
])
def test_a_hostile_clip_fails_that_scene_only(wd, pool, how, reason):
    t = time.monotonic()
    r = pool.render(RenderJob(SWAP.format(how=how), 'Swap', wd, timeout=30))
    assert not r.ok and r.reason.startswith('unusable clip: ') and reason in r.reason, r.error
    assert r.clip is None and time.monotonic() - t < 20
    assert not list(wd.rglob('*.mp4')) or all(p.stat().st_size < 10**6 for p in wd.rglob('*.mp4'))

def test_a_decode_bomb_is_refused(wd, pool):
    "A clip longer than the job allows is refused by the confined check, not decoded by the parent."
    code = scene('        pass', 'Long', tail='self.add(Circle()); self.wait(4)')
    r = pool.render(RenderJob(code, 'Long', wd, max_seconds=1))
    assert not r.ok and r.reason == 'unusable clip: more than 15 frames (1 s)', r.error

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
    assert abs(rs[2].duration - 0.2) < 0.05 and len(seen) == 3

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
    ev = pool.render(RenderJob(EVIL.replace('config.frame_rate = 60\n', ''), 'Evil', tmp_path/'evil'))
    assert ev.ok, ev.error
    assert _center_pixel(ev.clip)[0] > 200  # the evil scene itself is red (its own changes applied)
    for i in range(2):  # the next scene, and the one after it
        spy = pool.render(RenderJob(SPY, 'Spy', tmp_path/f'spy{i}', collect=('seen.txt',)))
        assert spy.ok, spy.error
        assert eval(spy.files['seen.txt'].read_text()) == ('#000000', 15, None, 'absent', 0.0)
        assert max(_center_pixel(spy.clip)) < 20  # black background, unfilled circle: the centre is black

def test_a_scene_at_another_frame_rate_is_refused(tmp_path, pool):
    "A scene that changes the frame rate makes a clip the assembly could not join: it fails with the reason."
    r = pool.render(RenderJob(EVIL, 'Evil', tmp_path/'evil'))
    assert not r.ok and r.reason.startswith('no clip') and 'frame rate' in r.reason, r.error

def test_render_all_uses_the_pool_by_default(tmp_path_factory):
    jobs = [RenderJob(scene('        pass', f'T{i}'), f'T{i}', tmp_path_factory.mktemp('t')) for i in range(3)]
    rs = render_all(jobs, workers=2)
    assert all(r.ok for r in rs), [r.error for r in rs]
    p = default_pool()
    assert p is not None and p.alive and p.contained and {'T0', 'T1', 'T2'} <= {s for s, _ in p.started}
    assert 'workers: a preloaded pool' in report()

def test_untrusted_code_is_refused_where_it_cannot_be_contained(tmp_path):
    "A pool without containment runs trusted jobs only; untrusted ones fail with the cause and the fixes."
    with pytest.raises(SandboxUnavailable, match=r'containment off.*--trusted-code'): RenderPool(contain=False)
    with RenderPool(contain=False, require_containment=False) as p:
        assert not p.contained
        bad = p.render(RenderJob(scene('        pass', 'Good'), 'Good', tmp_path/'u'))
        assert not bad.ok and 'cannot contain untrusted scene code here' in bad.reason and '--trusted-code' in bad.reason, bad.error
        good = p.render(RenderJob(scene('        pass', 'Good'), 'Good', tmp_path/'t', trusted=True))
        assert good.ok, good.error

def test_pool_server_has_no_secrets_and_no_network(monkeypatch):
    monkeypatch.setenv('GEMINI_API_KEY', 'sk-test-secret-9')
    with RenderPool() as p:
        env = Path(f'/proc/{p.proc.pid}/environ').read_bytes()
        assert b'sk-test-secret' not in env and b'GEMINI' not in env
        assert os.readlink(f'/proc/{p.proc.pid}/ns/net') != os.readlink('/proc/self/ns/net')
        assert os.readlink(f'/proc/{p.proc.pid}/ns/mnt') != os.readlink('/proc/self/ns/mnt')

def test_a_planted_manim_cfg_changes_nothing(tmp_path, monkeypatch):
    "Config a scene could plant where an old probe looked (/tmp/.config/manim) neither breaks nor weakens the next pool."
    cfg = Path('/tmp/.config/manim'); made = not cfg.exists()
    cfg.mkdir(parents=True, exist_ok=True); (cfg/'manim.cfg').write_text('[CLI]\nquality = broken_quality\n')
    try:
        with RenderPool() as p:
            assert p.contained
            r = p.render(RenderJob(scene('        pass', 'Good'), 'Good', tmp_path))
            assert r.ok, r.error
    finally:
        (cfg/'manim.cfg').unlink()
        if made: import shutil; shutil.rmtree('/tmp/.config', ignore_errors=True)

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

def test_doctor_lists_each_protection_and_dependency():
    import sys
    r = subprocess.run([sys.executable, '-m', 'manim_nb', 'doctor'], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    for line in ('containment: ACTIVE', 'file system: ACTIVE', 'user: ACTIVE', 'network: ACTIVE', 'processes: ACTIVE',
                 'syscalls: ACTIVE', 'LaTeX: ACTIVE', 'results: ACTIVE', 'ok  manim:', 'ok  libseccomp:', 'ok  latex:'):
        assert line in r.stdout, (line, r.stdout)
    assert 'NOT' not in r.stdout and 'MISSING' not in r.stdout

def test_an_image_mobject_renders(tmp_path, pool):
    "Pillow 13 refuses the RGBA canvas manim 0.22 builds for images: the pin (pillow<13) keeps every ImageMobject scene working."
    code = ("from manim import *\nimport numpy as np\nclass Img(Scene):\n    def construct(self):\n"
            "        self.add(ImageMobject(np.full((8, 8, 3), 200, np.uint8)).scale(3)); self.wait(0.2)\n")
    r = pool.render(RenderJob(code, 'Img', tmp_path))
    assert r.ok, r.error

UNDER_TMP = '''
import json, os, sys, tempfile
from pathlib import Path
from manim_nb import sandbox as sb
import pyseccomp
pkg = Path(sys.argv[1])
root = Path(tempfile.mkdtemp())
sb.unshare(sb.CLONE_NEWNS | sb.CLONE_NEWNET); sb.mount(None, '/', None, sb.MS_REC | sb.MS_PRIVATE)
(root/'view').mkdir()
shown = sb.build_view(str(root/'view'), sb.view_paths() + [str(pkg)])
spec = dict(contained=True, view=str(root/'view'), shown=shown, scene=None, home='/scene', uid=sb.scene_uid(),
            env=sb.child_env('/scene', tmpdir='/tmp'), limits=vars(sb.as_limits()), cpu=10, cgroup=None)
r, w = os.pipe()
if os.fork() == 0:
    sb.confine(spec, os.open(os.devnull, os.O_WRONLY), keep=(w,))
    seen = dict(pkg=(pkg/'mod.py').read_text(), tmp=sorted(os.listdir('/tmp')))
    try: (pkg/'x').write_text('x'); seen['wrote'] = True
    except OSError: seen['wrote'] = False
    os.write(3, json.dumps(seen).encode()); os._exit(0)
os.close(w); print(os.read(r, 65536).decode())
'''

def test_a_python_installed_under_tmp_is_still_seen(tmp_path_factory):
    "A checkout (and its .venv) under /tmp: the scene's private /tmp would hide it, so its paths are shown again over it, read-only."
    import sys
    pkg = Path(tempfile.mkdtemp(prefix='mnb_pkg_', dir='/tmp')); (pkg/'mod.py').write_text('x = 1\n'); pkg.chmod(0o755); (pkg/'mod.py').chmod(0o644)
    try:
        r = subprocess.run([sys.executable, '-c', UNDER_TMP, str(pkg)], capture_output=True, text=True, timeout=60)
        seen = json.loads(r.stdout.strip().splitlines()[-1])
        assert seen['pkg'] == 'x = 1\n' and seen['wrote'] is False and pkg.name in seen['tmp'], (seen, r.stderr)
        from manim_nb.sandbox import view_paths
        assert set(seen['tmp']) <= {pkg.name} | {p.split('/')[2] for p in view_paths() if p.startswith('/tmp/')}, seen  # only what the view shows
    finally:
        import shutil; shutil.rmtree(pkg, ignore_errors=True)
