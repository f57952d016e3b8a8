#!/usr/bin/env python3
"""Render benchmark: the same storyboard, side by side in one run.

1. sequential bare `manim -ql` CLI calls, one per scene, on exactly the code manim_nb renders (the seed's way);
2. `manim-nb render` into a fresh folder (narration, code, parallel sandboxed renders, mux, concat);
3. `manim-nb render` again into the same folder (the resume path: everything reused).

Prints wall times and ratios. Not a test: numbers depend on the machine.
Usage: python bench/render.py [STORYBOARD] [--workers N]
"""
import argparse, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from manim_nb.layouts import template_source
from manim_nb.storyboard import load_storyboard
from manim_nb.tts import speak

def timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

def main():
    ap = argparse.ArgumentParser(); ap.add_argument('storyboard', nargs='?', default=str(ROOT/'examples'/'pythagoras.yaml'))
    ap.add_argument('--workers', type=int, default=None); a = ap.parse_args()
    sb = load_storyboard(a.storyboard)
    tmp = Path(tempfile.mkdtemp(prefix='manim_nb_bench_'))
    durs = {s.seq: speak(s.text, tmp/f'a{s.seq}.wav', provider='espeak') for s in sb.scenes}
    files = []
    for s in sb.scenes:
        f = tmp/'bare'/f'scene{s.seq}.py'; f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(template_source(s, sb.title, durs[s.seq])); files.append((f, s.name))
    manim = [sys.executable, '-m', 'manim', 'render', '-ql', '-v', 'WARNING', '--media_dir', str(tmp/'bare'/'media')]
    def bare():
        for f, name in files: subprocess.run(manim + [str(f), name], check=True, cwd=tmp/'bare', capture_output=True)
    cmd = [sys.executable, '-m', 'manim_nb', 'render', a.storyboard, '-o', str(tmp/'nb'), '--no-progress', '--provider', 'offline', '--tts', 'espeak']
    if a.workers: cmd += ['--workers', str(a.workers)]
    nb = lambda: subprocess.run(cmd, check=True, capture_output=True)
    t_bare = timed(bare); t_cold = timed(nb); t_warm = timed(nb)
    n = len(sb.scenes)
    print(f'storyboard: {a.storyboard} ({n} scenes), cores: {os.cpu_count()}')
    print(f'{"sequential bare manim -ql":<40}{t_bare:8.2f} s')
    print(f'{"manim-nb render (cold)":<40}{t_cold:8.2f} s   speedup x{t_bare/t_cold:.2f}')
    print(f'{"manim-nb render (re-run, all reused)":<40}{t_warm:8.2f} s   {t_warm/t_cold:.1%} of cold')
    shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': main()
