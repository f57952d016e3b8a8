#!/usr/bin/env python3
"""Write README.md from nbs/index.ipynb (quarto, and so `nbdev_readme`, is not available here).

Markdown cells are copied as they are; code cells become ```python blocks; `#| hide` cells are left out.
`python tools/nb2readme.py --check` exits 1 when README.md is not what the notebook says.
"""
import argparse, json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def readme_text(nb_path=ROOT/'nbs'/'index.ipynb') -> str:
    cells = json.loads(Path(nb_path).read_text())['cells']
    parts = []
    for c in cells:
        src = ''.join(c['source']).strip()
        if not src or src.startswith('#| hide'): continue
        parts.append(src if c['cell_type'] == 'markdown' else f'```python\n{src}\n```')
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--check', action='store_true', help='exit 1 when README.md differs from nbs/index.ipynb; write nothing')
    a = ap.parse_args()
    text, readme = readme_text(), ROOT/'README.md'
    if a.check:
        ok = readme.exists() and readme.read_text() == text
        print('README.md is in step with nbs/index.ipynb' if ok else 'README.md differs from nbs/index.ipynb: run python tools/nb2readme.py')
        sys.exit(0 if ok else 1)
    readme.write_text(text); print(f'wrote {readme}')
