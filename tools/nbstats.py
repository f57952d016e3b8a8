#!/usr/bin/env python3
"""Print the shape of the house: cells per notebook, export-cell sizes, cells with saved outputs, import cycles.

`python tools/nbstats.py` prints a table per notebook and a summary; `--check` also exits 1 when a target is missed
(an import cycle, an export cell over 60 lines, a notebook with no saved output, under 25% of code cells with one,
a notebook importing from a later one). Reads files only; imports nothing of the project.
"""
import argparse, ast, json, re, sys
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
MAX_EXPORT_LINES, MIN_OUTPUT_SHARE = 60, 0.25
_DIRECTIVE = re.compile(r'^\s*#\|\s*(\S+)(.*)$')

def directives(src:str) -> dict:
    "nbdev directives at the top of a cell: {'export': '', 'default_exp': 'gate', ...}."
    out = {}
    for line in src.splitlines():
        m = _DIRECTIVE.match(line)
        if not m:
            if line.strip(): break
            continue
        out[m.group(1).rstrip(':')] = m.group(2).strip()
    return out

def _body(src:str) -> list[str]:
    "The cell's code lines, without directives and blank lines."
    return [l for l in src.splitlines() if l.strip() and not _DIRECTIVE.match(l)]

def _definitions(src:str) -> int:
    "Top-level definitions in a cell: functions, classes and assignments to public names."
    try: tree = ast.parse('\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!'))))
    except SyntaxError: return 0
    n = 0
    for s in tree.body:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): n += 1
        elif isinstance(s, (ast.Assign, ast.AnnAssign)):
            ts = s.targets if isinstance(s, ast.Assign) else [s.target]
            n += any(isinstance(t, ast.Name) and not t.id.startswith('_') for t in ts)
    return n

_USES = re.compile(r'^\s*(?:from\s+manim_nb\.(\w+)\s+import|import\s+manim_nb\.(\w+))', re.M)

def _first_name(src:str) -> str:
    m = re.search(r'^(?:@\w+.*\n)*(?:def|class)\s+(\w+)|^(\w+)\s*=', src, re.M)
    return (m.group(1) or m.group(2)) if m else '?'

def notebook_stats(path:Path) -> dict:
    "Counts for one notebook: code cells, cells with output, export cells (lines, definitions), modules its cells use."
    cells = json.loads(path.read_text())['cells']
    code = [c for c in cells if c['cell_type'] == 'code' and ''.join(c['source']).strip()]
    module, exports, outs, uses = None, [], 0, set()
    for c in code:
        src = ''.join(c['source']); d = directives(src)
        if 'default_exp' in d: module = d['default_exp']
        if 'export' in d or 'exports' in d: exports.append((len(_body(src)), _definitions(src), _first_name('\n'.join(_body(src)))))
        outs += bool(c.get('outputs'))
        uses |= {a or b for a, b in _USES.findall(src)}
    return dict(notebook=path.stem, module=module, cells=len(cells), code=len(code), with_output=outs, exports=exports,
                uses=uses, bytes=path.stat().st_size)

def _imports(tree:ast.AST, mods:set, me:str, pkg:str) -> set:
    "Modules of the package that `tree` imports (at the top or inside functions: lazy imports count)."
    out = set()
    for n in ast.walk(tree):
        names = []
        if isinstance(n, ast.ImportFrom):
            if n.level: base = (n.module or '')
            elif n.module and (n.module == pkg or n.module.startswith(pkg + '.')): base = n.module[len(pkg):].lstrip('.')
            else: continue
            names = [base] if base else [a.name for a in n.names]
            if base: names += [f'{base}.{a.name}' for a in n.names]
        elif isinstance(n, ast.Import):
            names = [a.name[len(pkg):].lstrip('.') for a in n.names if a.name.startswith(pkg + '.')]
        for name in names:
            for cand in (name, name.split('.')[0]):
                if cand in mods and cand != me: out.add(cand); break
    return out

def import_graph(pkg_dir:Path) -> dict[str, set]:
    "{module: modules it imports} for the package in `pkg_dir`."
    pkg = pkg_dir.name
    files = {p.relative_to(pkg_dir).with_suffix('').as_posix().replace('/', '.'): p for p in pkg_dir.rglob('*.py')}
    files = {m.removesuffix('.__init__'): p for m, p in files.items() if m not in ('_modidx', '__init__', '__main__')}
    mods = set(files)
    return {m: _imports(ast.parse(p.read_text()), mods, m, pkg) for m, p in files.items()}

def cycles(graph:dict[str, set]) -> list[list[str]]:
    "Every strongly connected group of more than one module (Tarjan), each sorted."
    index, low, stack, on, out, i = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(sorted(comp))
    for v in sorted(graph):
        if v not in index: visit(v)
    return out

def order_violations(stats:list[dict], graph:dict[str, set]) -> list[str]:
    "Notebooks that import (in their module, or in any cell) a module exported by a notebook later in the reading order."
    pos = {s['module']: k for k, s in enumerate(stats) if s['module']}
    out = []
    for k, st in enumerate(stats):
        used = set(st['uses']) | set(graph.get(st['module'], ()))
        out += [f"{st['notebook']} imports {d}, exported by the later {stats[pos[d]]['notebook']}" for d in sorted(used) if pos.get(d, -1) > k]
    return out

def report(root:Path=ROOT) -> tuple[str, list[str]]:
    "(the printed report, the targets missed)."
    nbs = sorted((root/'nbs').glob('*.ipynb'), key=lambda p: p.stem)
    stats = [notebook_stats(p) for p in nbs]
    graph = import_graph(root/'manim_nb')
    rows = ['| notebook | module | code cells | with output | export cells | median / max lines | defs per export | KB |',
            '|---|---|---:|---:|---:|---:|---:|---:|']
    for s in stats:
        ex = s['exports']
        size = f"{median(e[0] for e in ex):.0f} / {max(e[0] for e in ex)}" if ex else '-'
        defs = f"{sum(e[1] for e in ex)/len(ex):.1f}" if ex else '-'
        rows.append(f"| {s['notebook']} | {s['module'] or '-'} | {s['code']} | {s['with_output']} | {len(ex)} | {size} | {defs} | {s['bytes']/1024:.0f} |")
    code = sum(s['code'] for s in stats); outs = sum(s['with_output'] for s in stats)
    ex = [e for s in stats for e in s['exports']]
    big = [(s['notebook'], e[0], e[2]) for s in stats for e in s['exports'] if e[0] > MAX_EXPORT_LINES]
    cyc, order = cycles(graph), order_violations(stats, graph)
    silent = [s['notebook'] for s in stats if not s['with_output']]
    summary = [f'notebooks: {len(stats)}; code cells: {code}; with a saved output: {outs} ({outs/max(code,1):.0%})',
               f'export cells: {len(ex)}; lines per export cell: median {median(e[0] for e in ex) if ex else 0:.0f}, '
               f'max {max((e[0] for e in ex), default=0)}; over {MAX_EXPORT_LINES} lines: {len(big)}' + ''.join(f' ({nb}: {name}, {n})' for nb, n, name in big) + '; '
               f'definitions per export cell: {sum(e[1] for e in ex)/max(len(ex),1):.1f}',
               f'import cycles (lazy imports included): {len(cyc)}' + ''.join(f'\n  cycle: {" <-> ".join(c)}' for c in cyc),
               f'notebooks importing from a later notebook: {len(order)}' + ''.join(f'\n  {o}' for o in order),
               f'notebooks with no saved output: {len(silent)}' + (f' ({", ".join(silent)})' if silent else '')]
    missed = ([f'{len(cyc)} import cycle(s)'] if cyc else []) + ([f'{len(order)} notebook-order violation(s)'] if order else [])
    missed += [f'export cell of {n} lines in {nb} ({name})' for nb, n, name in big] + [f'{nb} shows no output' for nb in silent]
    if outs / max(code, 1) < MIN_OUTPUT_SHARE: missed.append(f'{outs/max(code,1):.0%} of code cells show an output (< {MIN_OUTPUT_SHARE:.0%})')
    return '\n'.join(rows + [''] + summary), missed

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--check', action='store_true', help='exit 1 when a target is missed')
    a = ap.parse_args()
    text, missed = report()
    print(text)
    if a.check:
        for m in missed: print(f'nbstats: target missed: {m}', file=sys.stderr)
        sys.exit(1 if missed else 0)
