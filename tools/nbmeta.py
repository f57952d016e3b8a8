#!/usr/bin/env python3
"""Give every notebook in nbs/ the metadata JupyterLab writes, so a notebook opens unmodified.

JupyterLab, when a kernel connects, writes the notebook's `kernelspec` (as the kernel names itself) and its
`language_info` (from the kernel). A notebook saved without them opens as "modified". `nbdev_clean` keeps
`kernelspec` with `display_name` set to its `name`, and keeps `language_info` because settings.ini allows it; so
the notebooks carry `python3` / `python3` (the project's kernelspec: `make setup` installs it into `.venv` with
that display name) and the `language_info` of the project's Python. On a Python of another version a notebook opens
modified in its metadata only.

`python tools/nbmeta.py` writes it (run it with the project's `.venv` Python); `--check` exits 1 naming the
notebooks that differ (in anything but the Python version, which depends on the machine).
"""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {'display_name': 'python3', 'language': 'python', 'name': 'python3'}

def language_info() -> dict:
    "What ipykernel's kernel_info reply says about the language, for this Python."
    return {'codemirror_mode': {'name': 'ipython', 'version': 3}, 'file_extension': '.py', 'mimetype': 'text/x-python',
            'name': 'python', 'nbconvert_exporter': 'python', 'pygments_lexer': 'ipython3', 'version': sys.version.split()[0]}

def main():
    check = '--check' in sys.argv[1:]
    want, bad = dict(kernelspec=KERNELSPEC, language_info=language_info()), []
    for p in sorted((ROOT/'nbs').glob('*.ipynb')):
        nb = json.loads(p.read_text())
        meta = {**nb.get('metadata', {}), **want}
        have = nb.get('metadata', {})
        if check and have.get('kernelspec') == KERNELSPEC and {**have.get('language_info', {}), 'version': ''} == {**want['language_info'], 'version': ''}: continue
        if have == meta: continue
        bad.append(p.name)
        if not check:
            nb['metadata'] = meta
            p.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + '\n')
    for name in bad: print(f'nbmeta: {name}: ' + ('metadata differs from what JupyterLab writes' if check else 'metadata set'), file=sys.stderr)
    sys.exit(1 if check and bad else 0)

if __name__ == '__main__': main()
