#!/usr/bin/env python3
"""The cost of layout QA in a render: the same scenes rendered with and without the geometry recorder, side by side.

Renders the bundled example's template scenes and a few hand-written scenes at -ql through the preloaded sandboxed pool,
alternating the order (recorder off, on; then on, off) so drift on a noisy machine cancels, and reports the total
render time of each, their ratio, and the parent's side (reading the record, the checks and the contact sheet).
Usage: PYTHONPATH=. python bench/qa_cost.py [--rounds 3]
"""
import argparse, shutil, statistics, sys, tempfile, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from manim_nb.qa import report_of
from manim_nb.render import RenderJob, render_job
from manim_nb.storyboard import load_storyboard
from manim_nb.templates import template_source

ROOT = Path(__file__).resolve().parent.parent
HAND = {
    'Graphs': '''from manim import *
class Graphs(Scene):
    def construct(self):
        ax = Axes(x_range=[-3, 3], y_range=[-2, 9]).add_coordinates()
        f = ax.plot(lambda x: x ** 2, color=YELLOW)
        lab = ax.get_graph_label(f, "x^2")
        self.play(Create(ax), Create(f), Write(lab))
        d = Dot(ax.c2p(-3, 9))
        self.play(MoveAlongPath(d, f), run_time=3)
        self.wait(2)
''',
    'Equations': '''from manim import *
class Equations(Scene):
    def construct(self):
        steps = ["2x + 3 = 11", "2x = 8", "x = 4"]
        eq = MathTex(steps[0])
        self.play(Write(eq))
        for s in steps[1:]:
            self.play(TransformMatchingTex(eq, nxt := MathTex(s))); eq = nxt
        box = SurroundingRectangle(eq)
        self.play(Create(box)); self.wait(2)
''',
}

def scenes():
    sb = load_storyboard(ROOT/'examples'/'pythagoras.yaml')
    out = [(template_source(s, sb.title, 6.0), f'Scene{s.seq}') for s in sb.scenes]
    return out + [(c, n) for n, c in HAND.items()]

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0]); ap.add_argument('--rounds', type=int, default=3)
    a = ap.parse_args()
    todo, t = scenes(), {False: [], True: []}
    check_s = []
    render_job(RenderJob(todo[0][0], todo[0][1], Path(tempfile.mkdtemp()), 'l', 300))  # start the pool first
    for r in range(a.rounds):
        for code, name in todo:
            for geo in ((False, True) if r % 2 == 0 else (True, False)):
                wd = Path(tempfile.mkdtemp(prefix='qa_cost_'))
                try:
                    res = render_job(RenderJob(code, name, wd, 'l', 300, geometry=geo))
                    assert res.ok, res.error
                    t[geo].append(res.seconds)
                    if geo:
                        t0 = time.perf_counter(); report_of(res, 'l', 6.0); check_s.append(time.perf_counter() - t0)
                finally: shutil.rmtree(wd, ignore_errors=True)
    off, on = sum(t[False]), sum(t[True])
    print(f'{len(todo)} scenes x {a.rounds} rounds at -ql, one run: renders without the recorder {off:.1f} s, with it {on:.1f} s: '
          f'x{on / off:.3f} ({100 * (on - off) / off:+.1f}%); parent side (record read, checks, contact sheet) '
          f'{sum(check_s):.2f} s in all, median {1000 * statistics.median(check_s):.0f} ms a scene ({100 * sum(check_s) / off:.1f}% of render time)')

if __name__ == '__main__': sys.exit(main())
