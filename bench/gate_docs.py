#!/usr/bin/env python3
"""The gate on manim's own documentation examples: how many it accepts, and why it rejects the rest.

Reads a snapshot of ManimCommunity/manim (a bare git directory, e.g. from the search tool's `fetch`; nothing of it is
copied here) and extracts every example the docs render: the `.. manim:: Name` directives of `docs/source/**/*.rst`
and of the docstrings in `manim/**/*.py` (the indented block after the directive's options; doctest blocks keep their
`>>>` prompts, which the gate strips), and each scene class of `example_scenes/*.py` (the whole file, checked with
that class name). Each goes through `check(code, Name)`.

A rejection is expected only when the example needs what the policy refuses on purpose (`DESIGNED`, by example
name): a module outside the allowed list, TeX's compiler, paths from `__file__`, attribute names built at run time
or a module's `__dict__`. Any other rejection is a false one: the exit code is 1 and it is listed.
Usage: python bench/gate_docs.py [--git-dir /work/.mirror/ManimCommunity+manim/repo] [--rev HEAD] [-v]
"""
import argparse, ast, re, subprocess, sys, textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from manim_nb.gate import check, scene_classes

MIRROR = '/work/.mirror/ManimCommunity+manim/repo'
_OPENGL_SCENES = ('TextTest', 'GuiTest', 'GuiTest2', 'ThreeDMobjectTest', 'NamedFullScreenQuad', 'InlineFullScreenQuad',
                  'SimpleInlineFullScreenQuad', 'InlineShaderExample', 'NamedShaderExample', 'InteractiveDevelopment', 'SurfaceExample')
DESIGNED = {'DifferentWeight': 'imports manimpango', 'LabeledCountryExample': 'imports requests (network)',
            'CustomLayoutExample': 'imports networkx', 'PartiteGraph': 'imports networkx', 'Tree': 'imports networkx',
            'ImportNetworkxGraph': 'imports networkx', 'TexTemplateFromCLI': 'sets tex_compiler (the program TeX runs)',
            'InCodeTexTemplate': 'sets tex_compiler (the program TeX runs)',
            'ColorsOverview': 'getattr with a name built at run time', 'RateFuncExample': "reads a module's __dict__",
            **{n: 'pathlib and __file__ (shader files)' for n in _OPENGL_SCENES}}

def _git(gd, *a): return subprocess.run(['git', '--git-dir', gd, *a], capture_output=True, text=True, check=True).stdout

def directive_examples(where:str, text:str) -> list:
    "`(where, name, code)` for each `.. manim:: Name` directive in reStructuredText `text`."
    lines, out, i = text.split('\n'), [], 0
    while i < len(lines):
        m = re.match(r'^(\s*)\.\. manim::\s*(\w+)', lines[i])
        if not m: i += 1; continue
        ind, j = len(m.group(1)), i + 1
        indent = lambda l: len(l) - len(l.lstrip())
        while j < len(lines) and lines[j].strip().startswith(':') and indent(lines[j]) > ind: j += 1  # options
        body = []
        while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > ind): body.append(lines[j]); j += 1
        out.append((f'{where}:{i + 1}', m.group(2), textwrap.dedent('\n'.join(body)).strip('\n') + '\n')); i = j
    return out

def docstring_examples(where:str, src:str) -> list:
    out = []
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and '.. manim::' in (d := ast.get_docstring(n) or ''):
            out += directive_examples(f'{where}:{n.body[0].lineno}', d)
    return out

def examples(gd:str, rev:str='HEAD') -> list:
    "Every documentation example in the snapshot: `(where, scene name, code)`."
    out = []
    for f in _git(gd, 'ls-tree', '-r', '--name-only', rev).split('\n'):
        if re.match(r'^docs/source/.*\.rst$', f): out += directive_examples(f, _git(gd, 'show', f'{rev}:{f}'))
        elif re.match(r'^manim/.*\.py$', f): out += docstring_examples(f, _git(gd, 'show', f'{rev}:{f}'))
        elif re.match(r'^example_scenes/[^/]*\.py$', f):
            src = _git(gd, 'show', f'{rev}:{f}')
            out += [(f'{f}:{c.lineno}', c.name, src) for c in scene_classes(ast.parse(src))]
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--git-dir', default=MIRROR); ap.add_argument('--rev', default='HEAD'); ap.add_argument('-v', action='store_true')
    a = ap.parse_args()
    ex = examples(a.git_dir, a.rev)
    verdicts = [(w, n, check(c, n)) for w, n, c in ex]
    rejected = [(w, n, v) for w, n, v in verdicts if not v.ok]
    false = [(w, n, v) for w, n, v in rejected if n not in DESIGNED]
    fixed = sum(1 for *_, v in verdicts if v.ok and v.fixes)
    print(f'{len(ex)} examples: {len(ex) - len(rejected)} accepted ({fixed} after a fix), '
          f'{len(rejected) - len(false)} rejected by design, {len(false)} false rejections')
    for w, n, v in (rejected if a.v else false):
        print(f'  {w} {n}: {DESIGNED.get(n, "FALSE REJECTION")}: {v.errors[0][:110]}')
    return 1 if false else 0

if __name__ == '__main__': sys.exit(main())
