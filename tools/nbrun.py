#!/usr/bin/env python3
"""Run notebooks and keep their outputs, so a reader sees each lesson's result (a table, a frame, a verdict).

`python tools/nbrun.py [NOTEBOOK ...]` executes the notebooks (default: every one in nbs/) top to bottom, as
`nbdev_test` does (offline, with a fresh MANIM_NB_CACHE, skipping `#| eval: false` cells and the export cell),
stores each cell's outputs and cleans the notebook with nbdev's settings. Outputs are kept small and stable:
stderr streams (warnings, log lines) and widget views (which need a live kernel) are dropped.

`--check` runs them the same way and writes nothing: it exits 1 and names the cells whose fresh outputs differ
from the saved ones, so stale or non-deterministic outputs are caught.
"""
import argparse, copy, json, os, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGET = 'application/vnd.jupyter.widget-view+json'

def _skip(cell) -> bool:
    if cell.cell_type != 'code': return True
    if 'nbdev_export' + '(' in cell.source: return True
    return any(l.replace(' ', '').startswith('#|eval:false') for l in cell.source.splitlines())

def _keep(outputs:list) -> list:
    "The outputs worth saving: no stderr, no widget views (their text fallback stays), no empty streams."
    out = []
    for o in outputs:
        o = dict(o)
        if o.get('output_type') == 'stream' and (o.get('name') == 'stderr' or not ''.join(o.get('text', '')).strip()): continue
        if 'data' in o:
            o['data'] = {k: v for k, v in o['data'].items() if k != WIDGET}
            if not o['data']: continue
        out.append(o)
    return out

def run(path:Path) -> list:
    "Execute notebook `path`; return the outputs of its cells, in order (None for cells not run)."
    from execnb.nbio import read_nb
    from execnb.shell import CaptureShell
    nb = read_nb(path)
    sh = CaptureShell(path)
    cwd = os.getcwd()
    try:
        os.chdir(path.parent)
        for cell in nb.cells:
            if _skip(cell): continue
            sh.cell(cell)
            if sh.exc: raise RuntimeError(f'{path.name}: a cell failed\n{sh.prettytb(fname=path)}')
    finally: os.chdir(cwd)
    return [None if _skip(c) else _keep(json.loads(json.dumps(c.get('outputs', [])))) for c in nb.cells]

def _clean(nb:dict):
    from nbdev.clean import _nbdev_clean
    _nbdev_clean(nb, path=ROOT)

def main():
    from execnb.nbio import nb2str
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('notebooks', nargs='*', help='notebooks to run (default: all in nbs/)')
    ap.add_argument('--check', action='store_true', help='compare fresh outputs with the saved ones; write nothing')
    a = ap.parse_args()
    paths = [Path(p).resolve() for p in a.notebooks] or sorted((ROOT/'nbs').glob('*.ipynb'))
    os.environ['MANIM_NB_CACHE'] = tempfile.mkdtemp(prefix='manim_nb_nbrun_')
    os.environ.setdefault('IN_TEST', '1')
    stale = []
    for p in paths:
        outs = run(p)
        nb = json.loads(p.read_text())
        fresh = copy.deepcopy(nb)
        for c, o in zip(fresh['cells'], outs):
            if o is not None: c['outputs'] = o
        _clean(fresh)
        if a.check:
            for i, (c0, c1) in enumerate(zip(nb['cells'], fresh['cells'])):
                if c0.get('outputs') != c1.get('outputs'): stale.append(f'{p.name} cell {i} ({c0.get("id")})')
        else:
            p.write_text(nb2str(fresh))
            print(f'{p.name}: {sum(bool(o) for o in outs if o is not None)} cells with output')
    if a.check:
        for s in stale: print(f'nbrun: saved outputs differ from a fresh run: {s}', file=sys.stderr)
        sys.exit(1 if stale else 0)

if __name__ == '__main__': main()
