#!/usr/bin/env python3
"""Codegen benchmark: the four ways manim_nb can get scene code from Gemini, against the fake server.

The fake answers every interactive call after L seconds (wall clock) and finishes a batch job B seconds after it is
created. For 5, 20 and 100 scenes it times `GeminiProvider.generate` (the pipeline's codegen provider, through the
real google-genai SDK; no rendering) as:

1. sequential   individual calls one after another (the seed's fallback; workers=1);
2. concurrent   individual calls on a bounded thread pool (workers=W);
3. batch        one Batch job, polled every P seconds;
4. deadline     one Batch job with a deadline shorter than B: cancelled, then concurrent individual calls.

Prints wall time and cost per strategy, and both as ratios to sequential. Then, for whole runs that also render
(individual calls, tiny scenes), the time to the first finished clip and to the last, with overlapping phases (each
scene renders as soon as its code passes the gate) and with strictly sequential phases (`RunOptions(overlap=False)`).
Not a test: numbers depend on L, B and W.
Usage: python bench/codegen.py [--latency 0.5] [--turnaround 2] [--deadline 1] [--workers 8] [--scenes 5 20 100] [--ttfc-scenes 4]
"""
import argparse, logging, sys, tempfile, time, warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from manim_nb.providers import GeminiProvider
from manim_nb.fake_gemini import FakeGemini
from manim_nb.pipeline import Run, RunOptions
from manim_nb.storyboard import SceneSpec, Storyboard


def storyboard(n):
    return Storyboard(title='Bench', scenes=[SceneSpec(seq=i, text=f'Scene {i} explains one small idea in a sentence or two.',
                                                       layout='bullets', params=dict(title=f'Part {i}', bullets=['one', 'two', 'three']))
                                             for i in range(1, n + 1)])


def one(fake, n, strategy, a):
    "Time one strategy on n scenes; returns (wall seconds, cost USD, Counter of codegen sources, jobs, generateContent calls)."
    kw = dict(sequential=dict(batch=False, workers=1), concurrent=dict(batch=False, workers=a.workers),
              batch=dict(batch=True, workers=a.workers, timeout=3600), deadline=dict(batch=True, workers=a.workers, timeout=a.deadline))[strategy]
    client = fake.client()
    prov = GeminiProvider(client=client, model=a.model, poll_interval=a.poll, **kw)
    sb = storyboard(n)
    jobs0, calls0 = fake.jobs_created, fake.calls['generateContent']
    with tempfile.TemporaryDirectory() as d:
        run = Run(sb, Path(d)/'run', RunOptions(provider='gemini', tts='none', no_cache=True), provider=prov)
        t = time.perf_counter()
        res = prov.generate(sb.scenes, run)
        wall = time.perf_counter() - t
    assert len(res) == n and all(r.code for r in res.values()), f'{strategy}: missing code'
    return (wall, sum(r.cost_usd for r in res.values()), Counter(r.source for r in res.values()),
            fake.jobs_created - jobs0, fake.calls['generateContent'] - calls0)


def first_clip(fake, n, overlap, a):
    "A whole run (individual calls with jittered latency, real renders): seconds to the first clip and to the end."
    sb = Storyboard(title='TTFC', scenes=[SceneSpec(seq=i, text=f'Scene {i}.', layout='title_card', params=dict(title=f'Part {i}'))
                                         for i in range(1, n + 1)])
    prov = GeminiProvider(client=fake.client(), model=a.model, batch=False, workers=a.workers)
    times = []
    with tempfile.TemporaryDirectory() as d:
        Path(d).chmod(0o755)
        t = time.perf_counter()
        listen = lambda ev: ev.phase == 'render' and ev.kind == 'scene' and times.append(time.perf_counter() - t)
        Run(sb, Path(d)/'run', RunOptions(provider='gemini', tts='none', overlap=overlap, no_cache=True), provider=prov,
            listeners=[listen]).execute()
        return times[0], time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--latency', '-L', type=float, default=0.5, help='seconds per interactive call (default 0.5)')
    ap.add_argument('--turnaround', '-B', type=float, default=2.0, help='seconds until a batch job finishes (default 2)')
    ap.add_argument('--deadline', type=float, default=None, help='batch deadline for the 4th strategy (default B/2)')
    ap.add_argument('--workers', '-W', type=int, default=8, help='concurrent individual calls (default 8)')
    ap.add_argument('--poll', type=float, default=0.1, help='batch poll interval, seconds (default 0.1)')
    ap.add_argument('--model', default='gemini-2.5-pro', help='model, for prices (default gemini-2.5-pro)')
    ap.add_argument('--scenes', type=int, nargs='+', default=[5, 20, 100])
    ap.add_argument('--strategies', nargs='+', default=['sequential', 'concurrent', 'batch', 'deadline'])
    ap.add_argument('--ttfc-scenes', type=int, default=4, help='scenes of the time-to-first-clip runs (0: skip them)')
    a = ap.parse_args()
    a.deadline = a.turnaround / 2 if a.deadline is None else a.deadline
    warnings.simplefilter('ignore')
    for name in ('httpx', 'httpx2', 'google_genai'):  # `import manim` puts an INFO handler on the root logger
        logging.getLogger(name).setLevel(logging.WARNING)
    print(f'fake Gemini: interactive latency L={a.latency}s, batch turnaround B={a.turnaround}s, deadline {a.deadline}s, '
          f'workers {a.workers}, poll {a.poll}s, model {a.model}\n')
    head = f"{'scenes':>6}  {'strategy':<11} {'wall s':>8} {'x seq':>6} {'cost $':>9} {'x seq':>6}  {'jobs':>4} {'calls':>5}  sources"
    print(head); print('-' * len(head))
    with FakeGemini(latency=a.latency, turnaround=a.turnaround) as fake:
        fake.faults.latency = 0; one(fake, 1, 'sequential', a); fake.faults.latency = a.latency  # warm up: imports, connections
        for n in a.scenes:
            base = None
            for s in a.strategies:
                wall, cost, src, jobs, calls = one(fake, n, s, a)
                base = base or (wall, cost)
                print(f'{n:>6}  {s:<11} {wall:>8.2f} {wall / base[0]:>6.2f} {cost:>9.4f} {cost / base[1]:>6.2f}  {jobs:>4} {calls:>5}  '
                      + ', '.join(f'{k} {v}' for k, v in sorted(src.items())), flush=True)
            print()
        if a.ttfc_scenes:
            print(f'time to first clip, {a.ttfc_scenes} scenes, individual calls with latency 1..{a.ttfc_scenes} x L (one scene per step), real renders:')
            for overlap in (False, True):
                fake.faults.latency = [a.latency * (i + 1) for i in range(a.ttfc_scenes)]
                first, total = first_clip(fake, a.ttfc_scenes, overlap, a)
                print(f"  {'overlapping phases' if overlap else 'sequential phases':<20} first clip {first:6.2f} s   all done {total:6.2f} s")


if __name__ == '__main__':
    main()
