#!/usr/bin/env python3
"""Pool benchmark: one `python -m manim` subprocess per scene vs the preloaded pool, in one run.

Two sets: 6 tiny scenes (a circle, 0.5 s) and the 5 scenes of examples/pythagoras.yaml (layout templates, no
narration padding). For each: sequential `render_scene` subprocesses; the pool one scene at a time (start included);
the pool without per-scene pid namespaces; `render_all` (pool, default workers). Not a test: numbers depend on the machine.
Usage: python bench/render_pool.py
"""
import os, shutil, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from manim_nb.templates import template_source
from manim_nb.render import RenderJob, RenderPool, render_all, render_scene, _close_pool
from manim_nb.storyboard import load_storyboard

TINY = "from manim import *\nclass Tiny{i}(Scene):\n    def construct(self):\n        self.add(Circle()); self.wait(0.5)\n"

def bench(label, mk_jobs, tmp):
    jobs = lambda tag: [RenderJob(c, n, tmp/tag/n) for c, n in mk_jobs()]
    def seq():
        return [render_scene(j.code, j.scene_name, j.workdir) for j in jobs('seq')]
    def pool_seq(pidns=True):
        with RenderPool(pidns=pidns) as p: return [p.render(j) for j in jobs(f'pool{pidns}')]
    def sub_all(): return render_all(jobs('suball'), pool=False)
    def pool_all():
        try: return render_all(jobs('all'))
        finally: _close_pool()
    rows = []
    for name, f in [('sequential subprocesses (render_scene)', seq), ('pool, one at a time (incl. start)', pool_seq),
                    ('pool, no per-scene pid namespace', lambda: pool_seq(False)),
                    (f'render_all (subprocesses, {os.cpu_count()} workers)', sub_all), (f'render_all (pool, {os.cpu_count()} workers)', pool_all)]:
        t = time.perf_counter(); rs = f(); dt = time.perf_counter() - t
        assert all(r.ok for r in rs), [r.error for r in rs if not r.ok]
        rows.append((name, dt))
    print(f'\n{label}')
    for name, dt in rows: print(f'  {name:<44}{dt:7.2f} s   x{rows[0][1]/dt:.2f}')

def main():
    tmp = Path(tempfile.mkdtemp(prefix='manim_nb_poolbench_')); tmp.chmod(0o755)
    sb = load_storyboard(ROOT/'examples'/'pythagoras.yaml')
    print(f'cores: {os.cpu_count()}')
    bench('6 tiny scenes', lambda: [(TINY.format(i=i), f'Tiny{i}') for i in range(6)], tmp)
    bench(f'{len(sb.scenes)} example scenes (pythagoras.yaml)', lambda: [(template_source(s, sb.title), s.name) for s in sb.scenes], tmp)
    shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': main()
