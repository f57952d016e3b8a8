"Hostile and end-to-end tests of the render sandbox (manim_nb.render). Offline; about a minute on 2 cores."
import os, socket, subprocess, threading, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from manim_nb import render

from manim_nb.render import (RenderJob, RenderResult, render_all, render_scene, probe_sandbox, sandbox_report, GiB, MiB)

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

@pytest.fixture
def spawned(monkeypatch):
    "The Popen objects render_scene creates (their pid is the render's process group)."
    procs, real = [], subprocess.Popen
    def popen(*a, **kw):
        p = real(*a, **kw); procs.append(p); return p
    monkeypatch.setattr(render.subprocess, 'Popen', popen)
    return procs

def test_report_mentions_every_control():
    rep = sandbox_report()
    for word in ('environment', 'RLIMIT_AS', 'RLIMIT_FSIZE', 'timeout', 'network', 'processes', 'user'): assert word in rep

def test_infinite_loop_times_out(wd):
    t = time.monotonic()
    r = render_scene(scene('        while True: pass'), 'Hostile', wd, timeout=4)
    assert not r.ok and r.reason.startswith('timeout: no result after 4s'), r.error
    assert time.monotonic() - t < 10

def test_render_forever_times_out(wd):
    r = render_scene(scene('        pass', tail='self.add(Circle()); self.wait(10**6)'), 'Hostile', wd, timeout=4)
    assert not r.ok and r.reason.startswith('timeout'), r.error
    assert r.clip is None

def test_memory_bomb_hits_the_limit(wd):
    body = '        hog = []\n        while True: hog.append(bytearray(64*2**20))'
    r = render_scene(scene(body), 'Hostile', wd, timeout=20, limits={'mem': 1*GiB})
    assert not r.ok and r.reason.startswith('memory limit: MemoryError'), r.error
    assert 'RLIMIT_AS 1024 MiB' in r.reason

def test_huge_file_hits_the_size_limit(wd):
    body = "        with open('big.bin', 'wb') as f:\n            for _ in range(64): f.write(b'0'*2**20)"
    r = render_scene(scene(body), 'Hostile', wd, timeout=20, limits={'fsize': 8*MiB})
    assert not r.ok and r.reason.startswith('file size limit'), r.error
    assert 'File too large' in r.error
    assert (wd/'big.bin').stat().st_size <= 8*MiB

def test_fork_bomb_fails_cleanly(wd, monkeypatch, spawned):
    made = []
    init = render.PidsCgroup.__init__
    def record(self, *a, **kw): init(self, *a, **kw); made.append(self)
    monkeypatch.setattr(render.PidsCgroup, '__init__', record)
    body = '        while True: os.fork()'
    t = time.monotonic()
    r = render_scene(scene(body), 'Hostile', wd, timeout=8, limits={'nproc': 32})
    assert not r.ok, r.error
    # the bomb ends either when the scene's own process fails to fork, or at the timeout; both name the limit
    if SB['cgroup'] or SB['uid_drop']: assert 'process limit: BlockingIOError' in r.reason, r.error
    else: assert r.reason.startswith(('process limit', 'timeout')), r.error
    assert time.monotonic() - t < 15
    # nothing of the bomb survives: no process runs the scene, none is left in its group, we can still fork
    time.sleep(0.2)
    leftover = [d.name for d in Path('/proc').iterdir() if d.name.isdigit() and _cmd_has(d, str(wd))]
    assert leftover == [], leftover
    assert len(spawned) == 1 and _group(spawned[0].pid) == []  # not even a zombie
    assert subprocess.run(['true']).returncode == 0
    if SB['cgroup']: assert made and all(cg.path and not cg.path.exists() for cg in made), made

def _cmd_has(d:Path, s:str) -> bool:
    try: return s in (d/'cwd').resolve().as_posix() or s in (d/'cmdline').read_bytes().decode(errors='replace')
    except OSError: return False

def test_timeout_kills_the_whole_group(wd, spawned):
    # the scene starts a grandchild in its own process group's session, then hangs; both must die
    body = ("        import subprocess\n        p = subprocess.Popen(['sleep', '300'])\n"
            "        open('pgid.txt', 'w').write(str(os.getpgid(0)))\n        while True: pass")
    r = render_scene(scene(body), 'Hostile', wd, timeout=4)
    assert r.reason.startswith('timeout'), r.error
    time.sleep(0.2)
    assert (wd/'pgid.txt').exists() and _group(spawned[0].pid) == []
    assert not [d for d in Path('/proc').iterdir() if d.name.isdigit() and _cmd_has(d, str(wd))]

@pytest.mark.skipif(not SB['netns'], reason='unshare -n does not work here')
def test_no_network(wd):
    srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1); srv.settimeout(10)
    port, accepted = srv.getsockname()[1], []
    th = threading.Thread(target=lambda: accepted.append(_accept(srv)), daemon=True); th.start()
    body = (f"        for host in ('127.0.0.1', '1.1.1.1'):\n"
            f"            try: socket.create_connection((host, {port}), timeout=3); open('net.txt', 'a').write('connected ' + host)\n"
            f"            except OSError as e: open('net.txt', 'a').write(f'{{host}}: {{e}}\\n')")
    r = render_scene(scene(body), 'Hostile', wd, timeout=30)
    assert r.ok, r.error
    log = (wd/'net.txt').read_text()
    assert 'connected' not in log and 'Network is unreachable' in log, log
    th.join(0.5); srv.close()
    assert accepted in ([], [None])

def _accept(srv):
    try: return srv.accept()
    except OSError: return None

def test_secrets_not_visible(wd, monkeypatch):
    monkeypatch.setenv('GEMINI_API_KEY', 'sk-test-secret-1')
    monkeypatch.setenv('GOOGLE_API_KEY', 'sk-test-secret-2')
    monkeypatch.setenv('SOME_TOKEN', 'sk-test-secret-3')
    body = "        open('env.txt', 'w').write(repr(dict(os.environ)))"
    r = render_scene(scene(body), 'Hostile', wd, timeout=60)
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

def test_generated_code_can_import_the_layouts(wd):
    code = ("from manim import *\nfrom manim_nb.layouts import *\nclass Scene1(TitleAndMainContent):\n"
            "    audio_duration = 0.3\n    def construct_scene(self):\n        self.add(Circle())\n")
    r = render_scene(code, 'Scene1', wd, timeout=60)
    assert r.ok and 0.2 < r.duration < 0.5, r.error
