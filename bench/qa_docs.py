#!/usr/bin/env python3
"""Layout QA on manim's own documentation examples: how many it flags, and for what.

manim's documentation examples are laid out by hand and reviewed; QA should find little in them (the target: at most
15% flagged). Extracts the examples like `bench/gate_docs.py` (a snapshot of ManimCommunity/manim; nothing of it is
copied here), gates each, and runs the accepted ones in the sandbox with the geometry recorder on (a dry run: the
geometry is the same, no frame is drawn; `--render` renders at -ql instead, for the cost of the record), then
`geometry.check_record`. Prints the share flagged, per kind, and with `-v` every issue.
Usage: python bench/qa_docs.py [--git-dir DIR] [--limit N] [--workers 2] [--render] [-v] [--json FILE]
"""
import argparse, collections, json, shutil, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent)); sys.path.insert(0, str(Path(__file__).resolve().parent))
from gate_docs import MIRROR, examples
from manim_nb.gate import check
from manim_nb.qa import report_of
from manim_nb.render import RenderJob, render_job

def one(item, render:bool, timeout:float):
    where, name, code = item
    v = check(code, name)
    if not v.ok: return dict(where=where, scene=name, status='rejected')
    wd = Path(tempfile.mkdtemp(prefix='qa_docs_'))
    try: r = report_of(render_job(RenderJob(v.code, name, wd, 'l', timeout, geometry=True, dry_run=not render)), 'l', sheet=False)
    finally: shutil.rmtree(wd, ignore_errors=True)
    return dict(where=where, scene=name, status='ok' if r.rendered else 'failed', issues=r.issues,
                error=(r.error or '').splitlines()[0] if not r.rendered else None)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--git-dir', default=MIRROR); ap.add_argument('--limit', type=int, default=0); ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('--render', action='store_true'); ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('-v', action='store_true'); ap.add_argument('--json', default=None)
    a = ap.parse_args()
    ex = examples(a.git_dir)
    ex = list({n: (w, n, c) for w, n, c in ex}.values())  # one per scene name
    if a.limit: ex = ex[:a.limit]
    t0 = time.monotonic()
    with ThreadPoolExecutor(a.workers) as pool: rows = list(pool.map(lambda x: one(x, a.render, a.timeout), ex))
    ran = [r for r in rows if r['status'] == 'ok']
    flagged = [r for r in ran if r['issues']]
    kinds = collections.Counter(k for r in flagged for k in {i['kind'] for i in r['issues']})
    print(f'{len(ex)} examples in {time.monotonic() - t0:.0f} s: {len(ran)} ran, {len(flagged)} flagged '
          f'({100 * len(flagged) / max(1, len(ran)):.1f}%); scenes per kind: {dict(kinds)}')
    for r in (flagged if a.v else []):
        for i in r['issues']: print(f"  {r['scene']}: {i['kind']} at {i['t']}s: {i['message'][:150]}")
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))
    return 0

if __name__ == '__main__': sys.exit(main())
