#!/usr/bin/env python3
"""Layout QA on real LLM-written scenes: how many issues they have, and how many the rule-based fixes remove.

Reads the corpus `bench/yield_sources.py` builds (`bench/.yield_cache/<source>/`), gates each scene and, for those the
gate accepts, runs a sandboxed dry run with the geometry recorder (with `bench/yield.py`'s environment line: its TTS
stubs, image placeholders and TeX error reporting), then `qa.fix_layout` on the scenes with issues. Prints per source:
scenes that ran, scenes with issues, issues by kind, and what the rules left; and which rules helped.
Usage: PYTHONPATH=. python bench/qa_yield.py [--limit 20] [--source NAME ...] [--workers 2] [--json FILE]
"""
import argparse, collections, json, shutil, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent)); sys.path.insert(0, str(Path(__file__).resolve().parent))
import importlib; Y = importlib.import_module('yield')
from manim_nb.gate import check
from manim_nb.geometry import check_record
from manim_nb.qa import fix_layout
from manim_nb.render import RenderJob, render_job

def one(s, timeout):
    meta, code = s['meta'], s['code']
    scene, _ = Y.pick_scene(meta)
    out = dict(source=meta['source'], id=meta['id'], model=meta.get('model'))
    if scene is None: return dict(out, status='no scene')
    v = check(code, scene)
    if not v.ok: return dict(out, status='rejected')
    line = Y.env_line(meta, code)
    runner = lambda job: render_job(replace(job, code=Y.with_env(job.code, line)))
    wd = Path(tempfile.mkdtemp(prefix='qa_yield_'))
    try: res = runner(RenderJob(v.code, v.scene, wd, 'l', timeout, geometry=True, dry_run=True))
    finally: shutil.rmtree(wd, ignore_errors=True)
    if not res.ok or res.geometry is None: return dict(out, status='fails')
    issues = check_record(res.geometry, issues_only=False)
    out.update(status='ran', before=[i['kind'] for i in issues])
    if issues:
        t = time.monotonic()
        fx = fix_layout(v.code, v.scene, record=res.geometry, runner=runner, timeout=timeout)
        out.update(after=fx.after, fixes=fx.fixes, runs=fx.runs, fix_s=round(time.monotonic() - t, 1))
    else: out.update(after=0, fixes=[], runs=0)
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--limit', type=int, default=20); ap.add_argument('--source', nargs='*'); ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=60); ap.add_argument('--json', default=None)
    a = ap.parse_args()
    scenes = Y.load_corpus(Y.CACHE, a.source, a.limit)
    t0 = time.monotonic()
    with ThreadPoolExecutor(a.workers) as ex: rows = list(ex.map(lambda s: one(s, a.timeout), scenes))
    print(f'{len(rows)} scenes in {time.monotonic() - t0:.0f} s (a sample of at most {a.limit} per source)')
    print('| source | scenes | ran | with issues | issues | off_frame | overlap | small_text | empty | issues after rules | clean after rules |')
    print('|---|---|---|---|---|---|---|---|---|---|---|')
    for src in list(dict.fromkeys(r['source'] for r in rows)) + ['all']:
        rs = [r for r in rows if src in ('all', r['source'])]
        ran = [r for r in rs if r['status'] == 'ran']
        flagged = [r for r in ran if r['before']]
        k = collections.Counter(x for r in ran for x in r['before'])
        after = sum(r['after'] for r in ran)
        clean = sum(1 for r in flagged if r['after'] == 0)
        print(f"| {src} | {len(rs)} | {len(ran)} | {len(flagged)} | {sum(k.values())} | {k['off_frame']} | {k['overlap']} | {k['small_text']} | {k['empty']} | {after} | {clean} of {len(flagged)} |")
    rules = collections.Counter(f.split(':')[1].strip() for r in rows for f in r.get('fixes') or [])
    print('fixes kept, by rule:', dict(rules))
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))

if __name__ == '__main__': sys.exit(main())
