#!/usr/bin/env python3
"""Render benchmark: the same storyboard, side by side in one run (wall-clock seconds).

1. sequential bare `manim -ql` CLI calls, one per scene, on exactly the code manim_nb renders (the seed's way);
2. `manim-nb render` cold: a fresh run folder and an empty cache (narration, code, gate, parallel sandboxed
   renders through the preloaded pool, mux, concat);
3. `manim-nb render` warm, same folder: the finished run's up-to-date stamp answers; then the same with the stamp
   removed, so the pipeline checks every step itself;
4. `manim-nb render` warm, a fresh folder sharing the cache: narration and clips come from the cache;
5. `manim-nb render` cold through a local Dask cluster (2 worker processes), when `distributed` is installed.

Not a test: the numbers depend on the machine. Usage: python bench/render.py [STORYBOARD] [--workers N]
"""
import argparse, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from manim_nb.templates import template_source
from manim_nb.storyboard import load_storyboard
from manim_nb.tts import speak

def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('storyboard', nargs='?', default=str(ROOT/'examples'/'pythagoras.yaml'))
    ap.add_argument('--workers', type=int, default=None); a = ap.parse_args()
    sb = load_storyboard(a.storyboard)
    tmp = Path(tempfile.mkdtemp(prefix='manim_nb_bench_', dir=ROOT/'out' if (ROOT/'out').is_dir() else None)); tmp.chmod(0o755)
    durs = {s.seq: speak(s.text, tmp/f'a{s.seq}.wav', provider='espeak') for s in sb.scenes}
    files = []
    for s in sb.scenes:
        f = tmp/'bare'/f'scene{s.seq}.py'; f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(template_source(s, sb.title, durs[s.seq])); files.append((f, s.name))
    # every command runs as from an installed package: bytecode cached (pip compiles it; an editable checkout does once)
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONDONTWRITEBYTECODE'}
    subprocess.run([sys.executable, '-m', 'compileall', '-q', str(ROOT/'manim_nb')], check=True, env=env)
    manim = [sys.executable, '-m', 'manim', 'render', '-ql', '-v', 'WARNING', '--media_dir', str(tmp/'bare'/'media')]
    def bare():
        for f, name in files: subprocess.run(manim + [str(f), name], check=True, cwd=tmp/'bare', capture_output=True, env=env)
    def nb(out, cache, *extra):
        cmd = [sys.executable, '-m', 'manim_nb', 'render', a.storyboard, '-o', str(out), '--no-progress', '--provider', 'offline',
               '--tts', 'espeak', '--cache', str(cache), *extra] + (['--workers', str(a.workers)] if a.workers else [])
        return lambda: subprocess.run(cmd, check=True, capture_output=True, env=env)
    rows = [('sequential bare manim -ql', timed(bare))]
    rows.append(('manim-nb render, cold', timed(nb(tmp/'cold', tmp/'cache'))))
    rows.append(('manim-nb render, warm (same folder)', timed(nb(tmp/'cold', tmp/'cache'))))
    (tmp/'cold'/'.done.json').unlink()  # without the up-to-date stamp, the pipeline checks every step itself
    rows.append(('  same, pipeline checks (stamp removed)', timed(nb(tmp/'cold', tmp/'cache'))))
    rows.append(('manim-nb render, warm (new folder, cache)', timed(nb(tmp/'warm', tmp/'cache'))))
    try:
        os.environ['DASK_LOGGING__DISTRIBUTED'] = 'error'  # else manim's log handler prints the cluster's INFO lines
        from distributed import LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50) as c:
            url = c.scheduler_address.replace('tcp://', 'dask://')
            rows.append(('manim-nb render, cold, Dask LocalCluster(2)', timed(nb(tmp/'dask', tmp/'cache2', '--executor', url))))
    except ImportError: print('(distributed not installed: no Dask row)')
    base, cold = rows[0][1], rows[1][1]
    print(f'storyboard: {a.storyboard} ({len(sb.scenes)} scenes), cores: {os.cpu_count()}')
    for name, t in rows:
        print(f'{name:<46}{t:8.2f} s   x{base/t:6.2f} vs bare   {t/cold:7.1%} of cold')
    shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': main()
