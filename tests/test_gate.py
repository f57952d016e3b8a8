"Corpus tests for the code gate: every case in tests/gate_corpus/ has its expected verdict in a header comment."
import json, re, subprocess, sys, sys as _sys, types
from pathlib import Path

import pytest

from manim_nb.gate import DENIED_NAMES, Verdict, check, check_file

CORPUS = Path(__file__).parent / 'gate_corpus'
CASES = sorted(CORPUS.glob('*.py'))


def header(text):
    "(kind, detail, scene) from the `# expect: ...` and optional `# scene: ...` lines."
    m = re.search(r'^# expect: (ok|reject|fix)(?:: (.*))?$', text, re.M)
    assert m, 'corpus case without an `# expect:` header'
    s = re.search(r'^# scene: (\w+)$', text, re.M)
    return m.group(1), (m.group(2) or '').strip(), s.group(1) if s else None


@pytest.mark.parametrize('path', CASES, ids=[p.stem for p in CASES])
def test_corpus(path):
    text = path.read_text()
    kind, detail, scene = header(text)
    v = check(text, scene)
    if kind == 'ok':
        assert v.ok, v.errors
        assert v.fixes == [] and v.errors == []
        assert v.code == text  # byte-identical
        assert v.scene and re.search(rf'^class {v.scene}\(', text, re.M)
    elif kind == 'fix':
        assert v.ok, v.errors
        assert any(detail in f for f in v.fixes), v.fixes
        again = check(v.code, v.scene)  # fixed code is a fixed point: accepted unchanged
        assert again.ok and again.fixes == [] and again.code == v.code, (again.errors, again.fixes)
        if scene: assert v.scene == scene and f'class {scene}(' in v.code
    else:
        assert not v.ok, f'escaped the gate: {v.code}'
        assert any(detail in e for e in v.errors), v.errors


def test_corpus_size():
    kinds = [p.stem.split('_')[0] for p in CASES]
    assert len(CASES) >= 45
    assert kinds.count('ok') >= 20 and kinds.count('evil') >= 15
    assert all(header(p.read_text())[0] == 'reject' for p in CASES if p.stem.startswith(('evil', 'rej')))
    assert all(header(p.read_text())[0] == 'ok' for p in CASES if p.stem.startswith('ok'))


def test_json_and_exit_codes(tmp_path):
    ok, evil = CORPUS / 'ok_01_mathtex.py', CORPUS / 'evil_01_open.py'
    v, code = check_file(ok)
    assert code == 0 and isinstance(v, Verdict)
    payload = json.loads(json.dumps(v.to_json()))
    assert payload == {'ok': True, 'scene': 'Scene1', 'errors': [], 'fixes': [], 'code': ok.read_text()}
    v, code = check_file(evil, 'Scene1')
    assert code == 1 and v.to_json()['ok'] is False and 'open' in v.to_json()['errors'][0]


def test_denied_names_cover_dangerous_modules():
    "Every attribute of a loaded manim/numpy module that holds a dangerous module is a denied name."
    import manim, numpy  # noqa: F401  (load their submodules)
    dangerous = {'os', 'sys', 'subprocess', 'shutil', 'importlib', 'builtins', 'socket', 'pathlib', 'io', 'ctypes',
                 'pickle', 'marshal', 'tempfile', 'glob', 'signal', 'multiprocessing', 'threading', 'urllib', 'http',
                 'pty', 'posix', 'runpy', 'inspect', 'gc', 'codeop', 'platform', 'webbrowser', 'configparser', 'logging'}
    missing = set()
    for name, mod in list(_sys.modules.items()):
        if mod is None or not name.split('.')[0] in ('manim', 'numpy'): continue
        for attr, val in list(vars(mod).items()):
            if isinstance(val, types.ModuleType) and val.__name__.split('.')[0] in dangerous and not attr.startswith('_'):
                if attr not in DENIED_NAMES: missing.add(f'{name}.{attr} -> {val.__name__}')
    assert not missing, sorted(missing)


RENDER = ['ok_01_mathtex', 'ok_05_vgroup_arrange', 'ok_06_transforms']


@pytest.mark.parametrize('stem', RENDER)
def test_valid_corpus_renders(stem, tmp_path):
    "A few valid cases really render at -ql (proves the valid corpus is valid manim)."
    src = (CORPUS / f'{stem}.py').read_text()
    scene = check(src).scene
    (tmp_path / 'scene.py').write_text(src)
    try:
        r = subprocess.run([sys.executable, '-m', 'manim', '-ql', '--disable_caching', '--media_dir', str(tmp_path / 'media'),
                            'scene.py', scene], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.skip('render took more than 60 s on this machine')
    assert r.returncode == 0, r.stderr[-2000:]
    assert list((tmp_path / 'media').rglob(f'{scene}.mp4'))
