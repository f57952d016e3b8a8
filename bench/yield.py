#!/usr/bin/env python3
"""Code yield of real LLM-written Manim scenes: how many run to the end, per source and model, as written, after the
gate, and after the probe; and which failures remain after the gate, grouped so the next fix rules can be chosen.

Reads the corpus `bench/yield_sources.py` writes (`bench/.yield_cache/<source>/<id>.py` + `.json`). For each scene it picks
the class to render (the sidecar's `scene_hint` if the source names one, else the last module-level Scene class no other
class derives from) and runs three stages, each a sandboxed dry run (`RenderJob(dry_run=True)`: the whole `construct`,
no frames):
  as written   the extracted code as is;
  after gate   `manim_nb.gate.check(code, scene)`; a rejection is a failure ("gate: <first error>"), an acceptance is
               dry-run with the gate's fixed code;
  after probe  `manim_nb.probe.probe(code, scene)` on the code as written (it gates it itself; `--probe-input gate`: on
               the gate's fixed code), when `manim_nb.probe` exists, for the scenes that fail after the gate (a scene
               that runs after the gate counts as running after the probe); its own dry runs decide.
The environment (not the model's code) is one statement run before the code, put in front of its first top-level
statement so that no line moves; the same at every stage (the probe's dry runs included); `--bare` leaves it out:
  * LaTeX diagnostics: a failed TeX compile raises its first `! error` and `l.N` context instead of "see the log";
  * missing assets: `ImageMobject`/`SVGMobject` of a file that is not there get a grey placeholder (the sources'
    images and icons are not in their repositories, and the sandbox shows no other files);
  * Pillow 13 vs manim 0.22: `Camera.display_image_mobject` passes `Image.fromarray` a float array with mode="RGBA",
    which Pillow 13 rejects, so every ImageMobject fails to draw here whatever the scene; the line makes that call work;
  * harness modules: the repo's own modules the scene imports (`local_modules` in the sidecar: a project's
    narration_script.py, a helper package) are importable from their source at the scene's commit, and the TTS
    plumbing (`manim_voiceover[_plus]`, `flaming_horse_voice`, `elevenlabs`, a Kokoro service) is a stub whose
    `voiceover()` lasts about as long as its text would be spoken.
Failures the environment causes are marked `env` (an uninstalled third-party package, a missing file, the Visualify
template's stripped indentation, a gate rejection of a harness import) and left out of the "model" yield.

Results are cached per stage in `bench/.yield_cache/results/` by a digest of the code run, the scene, the timeout, the
environment line and manim's version, so a re-run only renders what changed.

Usage: python bench/yield.py [--source NAME ...] [--limit N] [--timeout 60] [--workers 2] [--json OUT]
                             [--top 25] [--bare] [--probe-input raw|gate] [--no-render]
"""
import argparse, ast, base64, collections, hashlib, json, os, re, shutil, sys, tempfile, threading, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT/'bench'/'.yield_cache'
SOURCE_ORDER = ['generative-manim', 'math-to-manim', 'kimi-manim', 'flaming-horse', 'visualify', 'manim-gpt', 'paper2video',
                'theoremexplain']
STAGES = ('written', 'gate', 'probe')
ENV_VERSION = 3  # bump when the environment line changes (it is part of every cache key anyway)

# ---------------------------------------------------------------- the environment line
STUB_ALWAYS = ('manim_voiceover', 'manim_voiceover_plus', 'flaming_horse_voice', 'elevenlabs', 'src.utils.kokoro_voiceover')
STUB_IF_ABSENT = ('narration_script', 'voice_config')

ENV_SRC = r'''
import sys, os, types, contextlib, importlib.abc, importlib.util
CFG = __CFG__
try:
    import numpy as _np, manim as _m
    from manim.mobject.text import tex_mobject as _tm
    _orig_tex = _tm.tex_to_svg_file
    def _tex_to_svg_file(expression, environment=None, tex_template=None):
        try: return _orig_tex(expression, environment, tex_template)
        except ValueError as e:
            msg = str(e)
            if 'error converting' in msg and 'log file:' in msg:
                log = msg.rsplit('log file:', 1)[1].strip()
                try: lines = open(log, errors='replace').read().splitlines()
                except OSError: lines = []
                bang = next((i for i, l in enumerate(lines) if l.startswith('! ')), None)
                err = lines[bang] if bang is not None else '! (no error line in the TeX log)'
                ctx = next((l for l in lines[bang:bang + 12] if l.startswith('l.')), '') if bang is not None else ''
                raise ValueError(f'LaTeX error: {err} {ctx.strip()} || tex: {expression[:160]!r}').with_traceback(e.__traceback__) from None
            if 'converting' in msg and 'to SVG' in msg:
                raise ValueError(f'LaTeX produced no page (dvisvgm found nothing to convert) || tex: {expression[:160]!r}').with_traceback(e.__traceback__) from None
            raise
    _tm.tex_to_svg_file = _tex_to_svg_file
    _orig_img = _m.ImageMobject.__init__
    def _img(self, filename_or_array, *a, **k):
        try: return _orig_img(self, filename_or_array, *a, **k)
        except OSError:
            if not isinstance(filename_or_array, (str, os.PathLike)): raise
            print(f'YIELD-ENV: placeholder for missing image {filename_or_array}', file=sys.stderr)
            return _orig_img(self, _np.full((64, 64, 4), 128, dtype=_np.uint8), *a, **k)
    _m.ImageMobject.__init__ = _img
    _orig_svg = _m.SVGMobject.__init__
    def _svg(self, file_name=None, *a, **k):
        try: return _orig_svg(self, file_name, *a, **k)
        except OSError:
            if not isinstance(file_name, (str, os.PathLike)): raise
            print(f'YIELD-ENV: placeholder for missing SVG {file_name}', file=sys.stderr)
            ph = os.path.abspath('_yield_placeholder.svg')
            if not os.path.exists(ph):
                with open(ph, 'w') as f: f.write('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#888"/></svg>')
            return _orig_svg(self, ph, *a, **k)
    _m.SVGMobject.__init__ = _svg
    # manim 0.22's Camera.display_image_mobject calls Image.fromarray(np.zeros((h, w)), mode="RGBA"), which Pillow 13
    # rejects ("Invalid mode for data type"): every ImageMobject fails to draw, whatever the scene. An empty RGBA canvas
    # is what manim means there.
    from PIL import Image as _Image
    _orig_fromarray = _Image.fromarray
    def _fromarray(obj, mode=None, *a, **k):
        try: return _orig_fromarray(obj, mode, *a, **k) if mode is not None else _orig_fromarray(obj, *a, **k)
        except ValueError:
            arr = _np.asarray(obj)
            if mode == 'RGBA' and arr.ndim == 2 and not arr.any(): return _Image.new('RGBA', (arr.shape[1], arr.shape[0]))
            if mode is not None and arr.ndim == 3: return _orig_fromarray(arr.astype(_np.uint8))
            raise
    _Image.fromarray = _fromarray
except Exception as _e:
    print(f'YIELD-ENV: could not install the diagnostics: {_e!r}', file=sys.stderr)

for _p in CFG['touch']:
    try:
        os.makedirs(os.path.dirname(_p) or '.', exist_ok=True); open(_p, 'ab').close()
    except OSError: pass

class _AnyMeta(type):
    def __getattr__(cls, a):
        if a.startswith('__'): raise AttributeError(a)
        return _Any()
class _Any(metaclass=_AnyMeta):
    def __init__(self, *a, **k): pass
    def __call__(self, *a, **k): return _Any()
    def __getattr__(self, a):
        if a.startswith('__'): raise AttributeError(a)
        return _Any()
    def __enter__(self): return self
    def __exit__(self, *a): return False
    def __iter__(self): return iter(())
    def __bool__(self): return True
    def __float__(self): return 1.0
    def __int__(self): return 1
    def __str__(self): return 'stub'
class SpeechService(_Any):
    def set_transcription(self, model=None, kwargs=None): pass

def _voiceover_scene():
    from manim import Scene
    class _Tracker:
        def __init__(self, scene, text):
            self.scene, self.text = scene, str(text or '')
            self.duration = max(1.0, len(self.text.split()) / 2.5)
            self.start = getattr(scene, 'time', 0.0)
            self.data = {'input_text': self.text}
        def _elapsed(self): return getattr(self.scene, 'time', 0.0) - self.start
        def get_remaining_duration(self, buff=0.0): return max(0.0, self.duration - self._elapsed() + buff)
        def time_until_bookmark(self, mark, buff=0, limit=None): return 0.0
        @property
        def end_t(self): return self.start + self.duration
    class VoiceoverScene(Scene):
        def set_speech_service(self, *a, **k): self.speech_service = a[0] if a else _Any()
        @contextlib.contextmanager
        def voiceover(self, text=None, ssml=None, **k):
            t = _Tracker(self, text if text is not None else ssml)
            yield t
            rest = t.get_remaining_duration()
            if rest > 0: self.wait(rest)
        def add_voiceover_text(self, text=None, **k): return _Tracker(self, text)
        def wait_for_voiceover(self): pass
        def wait_until_bookmark(self, mark): pass
        def safe_wait(self, d): self.wait(max(d, 1 / 60))
    return VoiceoverScene, _Tracker

class _Loader(importlib.abc.Loader):
    def create_module(self, spec): return None
    def exec_module(self, m):
        name = m.__name__
        m.__path__ = []
        if _stubbed(name):
            m.__getattr__ = lambda a: _AnyMeta(a, (SpeechService if 'Service' in a else _Any,), {})
            m.SpeechService = SpeechService
            if name.split('.')[0] in ('manim_voiceover', 'manim_voiceover_plus'):
                m.VoiceoverScene, m.VoiceoverTracker = _voiceover_scene()
            if name == 'narration_script':
                class _Script(dict):
                    def __missing__(self, k): return 'Placeholder narration for ' + str(k) + ', about ten words long here.'
                m.SCRIPT = _Script()
            return
        src = CFG['local'].get(name)
        if src: exec(compile(src, '/repo/' + name.replace('.', '/') + '.py', 'exec'), m.__dict__)

def _stubbed(name):
    if any(name == s or name.startswith(s + '.') for s in CFG['stub_always']): return True
    return name in CFG['stub_if_absent'] and name not in CFG['local']

class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if _stubbed(name) or name in CFG['local'] or any(k.startswith(name + '.') for k in CFG['local']):
            return importlib.util.spec_from_loader(name, _Loader(), is_package=True)
        return None
sys.meta_path.insert(0, _Finder())
'''

def env_line(meta: dict, code: str) -> str:
    "The one line of environment put before a scene's code."
    local = {k: v for k, v in (meta.get('local_modules') or {}).items()
             if not any(k == s or k.startswith(s + '.') for s in STUB_ALWAYS)}
    touch = sorted({m.group(1) for m in re.finditer(r'''["']((?:assets|audio|media|voice)[\w./-]*\.(?:wav|mp3|json))["']''', code)})
    cfg = dict(local=local, stub_always=list(STUB_ALWAYS), stub_if_absent=list(STUB_IF_ABSENT), touch=touch)
    src = ENV_SRC.replace('__CFG__', repr(cfg))
    b64 = base64.b64encode(src.encode()).decode()
    return f"exec(compile(__import__('base64').b64decode('{b64}').decode(), '<yield-env>', 'exec'), {{'__name__': '_yield_env'}})\n"

def with_env(code: str, line: str) -> str:
    """`code` with the environment statement run first, without moving any line: it goes in front of the first
    top-level statement (after a `from __future__` import) as `exec(...); <statement>`, so tracebacks, the render's
    failure facts and the probe's line-based rules see the scene's own line numbers. Code that does not parse (or whose
    first statement is a compound one) gets it as a line of its own before it."""
    stmt = line.rstrip('\n')
    lines = code.splitlines(keepends=True)
    try: body = ast.parse(code).body
    except SyntaxError: body = None
    if body is not None:
        first = next((s for s in body if not (isinstance(s, ast.ImportFrom) and s.module == '__future__')), None)
        simple = (ast.Import, ast.ImportFrom, ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Pass, ast.Global)
        if first is None: return code + ('' if code.endswith('\n') or not code else '\n') + line
        if isinstance(first, simple) and first.col_offset == 0 and not any(
                isinstance(s, ast.ImportFrom) and s.module == '__future__' and s.end_lineno >= first.lineno for s in body):
            i = first.lineno - 1
            lines[i] = f'{stmt}; {lines[i]}'
            return ''.join(lines)
        at = max([s.end_lineno for s in body if isinstance(s, ast.ImportFrom) and s.module == '__future__'] or [0])
        if at and not lines[at - 1].endswith('\n'): lines[at - 1] += '\n'
        return ''.join(lines[:at]) + line + ''.join(lines[at:])
    return line + code

# ---------------------------------------------------------------- corpus
def load_corpus(cache: Path, sources=None, limit=None) -> list[dict]:
    "Scenes in a fixed order: sources in SOURCE_ORDER, scenes by id; `limit` takes a hash-ordered sample per source."
    out = []
    names = [s for s in SOURCE_ORDER if (cache/s).is_dir()] + sorted(p.name for p in cache.iterdir()
             if p.is_dir() and p.name not in SOURCE_ORDER and p.name != 'results' and any(p.glob('*.json')))
    for src in names:
        if sources and src not in sources: continue
        scenes = []
        for j in sorted((cache/src).glob('*.json')):
            meta = json.loads(j.read_text())
            code = j.with_suffix('.py').read_text()
            scenes.append(dict(meta=meta, code=code))
        if limit:
            scenes = sorted(scenes, key=lambda s: hashlib.sha256(s['meta']['id'].encode()).hexdigest())[:limit]
            scenes.sort(key=lambda s: s['meta']['id'])
        out += scenes
    return out

def pick_scene(meta: dict) -> tuple[str | None, str]:
    "The class to render and why."
    classes, leaves = meta.get('scene_classes') or [], meta.get('leaf_scenes') or []
    hint = meta.get('scene_hint')
    if hint and hint in classes: return hint, 'named by the source'
    if not classes: return None, 'no Scene class found'
    pool = leaves or classes
    return pool[-1], ('only scene class' if len(classes) == 1 else f'last of {len(pool)} leaf scene classes ({len(classes)} scene classes)')

# ---------------------------------------------------------------- failure classes
_EXC = re.compile(r'^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)|KeyboardInterrupt)\b:?\s?(.*)$')
INSTALLED_THIRD_PARTY = None

def _scene_line(error: str) -> str:
    "The last line of scene code a traceback shows (the statement that failed)."
    lines = (error or '').splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if re.match(r'\s*File "(/scene/scene\.py|scene\.py)", line \d+', lines[i]) and i + 1 < len(lines):
            return lines[i + 1].strip()
    return ''

def _exception(error: str) -> tuple[str, str]:
    "The last `Type: message` line of a traceback (the reason line says it too)."
    lines = [l.strip() for l in (error or '').splitlines()]
    for l in reversed(lines):
        m = _EXC.match(l)
        if m: return m.group(1), m.group(2)
    r = lines[0] if lines else ''
    m = re.match(r'scene failed: ([\w.]+): ?(.*)', r)
    return (m.group(1), m.group(2)) if m else ('', r)

def _callee(line: str, kw: str) -> str:
    "The callable a keyword argument `kw` is passed to on a source line (the innermost call around `kw=`)."
    i = line.find(f'{kw}=')
    if i < 0: i = line.find(f'{kw} =')
    if i < 0: return ''
    depth, j = 0, i
    while j > 0:
        j -= 1
        if line[j] == ')': depth += 1
        elif line[j] == '(':
            if depth == 0:
                m = re.search(r'([A-Za-z_][\w.]*)\s*$', line[:j])
                return m.group(1).split('.')[-1] if m else ''
            depth -= 1
    return ''

def _norm(msg: str) -> str:
    "A message with its specifics replaced: numbers, quoted strings, addresses, paths, shapes."
    msg = re.sub(r'0x[0-9a-f]+', '0x…', msg)
    msg = re.sub(r'/[\w./-]+', '<path>', msg)
    msg = re.sub(r'\(\d+(,\s*\d+)*,?\)', '(shape)', msg)
    msg = re.sub(r'\b\d+(\.\d+)?\b', 'N', msg)
    return msg[:120]

PLUMBING = re.compile(r'speech_service|voiceover|VoiceoverScene|narration|\bSCRIPT\b|ref\.wav|voice_ref|ElevenLabs|Kokoro')

def classify(res: dict, meta: dict) -> dict:
    """A failure's class: `key` (what groups failures), `family` (coarse), `detail` (the specific name/attribute/keyword),
    `env` (caused by the environment or harness, not the model's code)."""
    if res.get('ok'): return {}
    c = _classify(res, meta)
    if meta.get('harness_broke_blocks'): c['env'] = True  # the harness's template stripped the answer's indentation
    reason = res.get('reason') or ''
    m = re.search(r'\bline (\d+):', reason)
    if reason.startswith('gate: ') and m and meta.get('code'):  # (the probe's line numbers are of its own edited code)
        lines = meta['code'].splitlines()
        n = int(m.group(1))
        near = '\n'.join(lines[max(0, n - 4):n + 3])  # (the gate's line numbers are of its own edits, e.g. sys.path lines dropped)
        if 0 < n <= len(lines) + 3 and PLUMBING.search(near):  # the gate rejects the TTS/narration plumbing the harness asks for
            c['env'] = True; c['key'] += ' (harness voiceover plumbing)'
    return c

def _classify(res: dict, meta: dict) -> dict:
    reason, error = res.get('reason') or '', res.get('error') or ''
    ext = set(meta.get('external_imports') or [])
    if reason.startswith('gate: '):
        msg = reason[6:]
        core = re.sub(r'^line \d+: ', '', msg)
        m = re.search(r'import (?:of|from) module `([\w.]+)`', core)
        if m:
            top = m.group(1).split('.')[0]
            env = top in ext
            return dict(key=f'gate: import of `{top}` not allowed', family='gate: import not allowed', detail=top, env=env)
        m = re.match(r'syntax error at line \d+: (.*?)(?::.*)?$', core)
        if m:
            env = bool(meta.get('harness_broke_blocks'))
            return dict(key=f'gate: syntax error: {m.group(1)}' + (' (harness-stripped indentation)' if env else ''),
                        family='gate: syntax error', detail=m.group(1), env=env)
        names = re.findall(r'`([^`]+)`', core)
        gk = re.sub(r'`([^`]{0,40})`', r'`\1`', core); gk = re.sub(r'`[^`]{41,}`', '`…`', gk); gk = re.sub(r'\b\d+\b', 'N', gk)
        fam = re.split(r'[:`(;]', re.sub(r'\b\d+\b', 'N', core))[0].strip()
        fam = re.sub(r'^(unknown name) \w+', r'\1', fam)
        un = re.search(r'unknown names? (\w+)', core)
        return dict(key=f'gate: {gk[:110]}', family='gate: ' + fam[:60], detail=un.group(1) if un else (', '.join(names[:3]) or core[:60]), env=False)
    if reason.startswith('timeout'):
        return dict(key='timeout', family='timeout', detail='', env=False)
    if reason.startswith(('CPU time limit', 'memory limit', 'file size limit', 'process limit')):
        k = reason.split(':')[0]
        return dict(key=k, family='resource limit', detail='', env=False)
    if reason.startswith(('render error', 'could not start')):
        return dict(key='harness: ' + _norm(reason), family='harness error', detail='', env=True)
    facts = res.get('failure') or {}
    if reason.startswith('probe: '):  # the probe's last failure: no traceback, its facts instead
        reason = reason[7:]
        if reason.startswith('gate: '): return _classify(dict(res, reason=reason, failure=None), meta)
        if reason.startswith('Timeout'): return dict(key='timeout', family='timeout', detail='', env=False)
        facts = dict(facts.get('facts') or {}, type=facts.get('kind'), message=facts.get('message', ''))
        if facts.get('type') in (None, 'RenderError'): facts = {}
        error = f"{facts['type']}: {facts['message']}" if facts else reason
    if facts.get('type'): typ, msg = facts['type'], facts.get('message', '')
    else: typ, msg = _exception(error or reason)
    line = _scene_line(error)
    t = typ.split('.')[-1]
    if not typ:
        m = re.match(r'(\w+) is not in the script', reason)
        if m: return dict(key='scene class not found', family='scene class not found', detail=m.group(1), env=False)
        return dict(key=_norm(reason), family='other', detail='', env=False)
    if t == 'NameError':
        m = re.search(r"name '(\w+)' is not defined", msg)
        name = m.group(1) if m else '?'
        return dict(key=f"NameError: '{name}'", family='NameError (unknown name)', detail=name, env=False)
    if t in ('ModuleNotFoundError', 'ImportError'):
        m = re.search(r"No module named '([\w.]+)'", msg)
        if m:
            top = m.group(1).split('.')[0]
            env = top not in ('manim',) and (top in ext or top not in ('manimlib',))
            return dict(key=f'ModuleNotFoundError: {m.group(1)}', family='ModuleNotFoundError', detail=m.group(1), env=env and top != 'manimlib')
        m = re.search(r"cannot import name '(\w+)' from '([\w.]+)'", msg)
        if m:
            return dict(key=f'ImportError: {m.group(2)}.{m.group(1)}', family='ImportError (name not in module)',
                        detail=f'{m.group(2)}.{m.group(1)}', env=m.group(2).split('.')[0] not in ('manim',))
        return dict(key=f'{t}: {_norm(msg)}', family=t, detail='', env=True)
    if t == 'AttributeError':
        m = re.search(r"'([\w.]+)' object has no attribute '(\w+)'", msg)
        if m: return dict(key=f'AttributeError: {m.group(1)}.{m.group(2)}', family='AttributeError (no attribute)',
                          detail=f'{m.group(1)}.{m.group(2)}', attr=m.group(2), env=False)
        m = re.search(r"^(\w+) object has no attribute '(\w+)'", msg)
        if m: return dict(key=f'AttributeError: {m.group(1)}.{m.group(2)}', family='AttributeError (no attribute)',
                          detail=f'{m.group(1)}.{m.group(2)}', attr=m.group(2), env=False)
        m = re.search(r"type object '(\w+)' has no attribute '(\w+)'", msg)
        if m: return dict(key=f'AttributeError: {m.group(1)}.{m.group(2)} (on the class)', family='AttributeError (no attribute)',
                          detail=f'{m.group(1)}.{m.group(2)}', attr=m.group(2), env=False)
        m = re.search(r"module '([\w.]+)' has no attribute '(\w+)'", msg)
        if m: return dict(key=f'AttributeError: module {m.group(1)}.{m.group(2)}', family='AttributeError (no attribute)',
                          detail=f'{m.group(1)}.{m.group(2)}', attr=m.group(2), env=False)
        return dict(key=f'AttributeError: {_norm(msg)}', family='AttributeError (other)', detail='', env=False)
    if t == 'TypeError':
        m = re.search(r"Mobject\.__getattr__\.<locals>\.(?:getter|setter)\(\) (.*)", msg)
        if m:  # manim turns any unknown get_x/set_x into a no-argument getter/setter: an unknown method called with arguments
            a = re.findall(r'\.((?:get|set)_\w+)\s*\(', line)
            attr = a[-1] if a else '?'
            return dict(key=f'unknown method .{attr}() (Mobject.__getattr__ turns get_*/set_* into a getter/setter)',
                        family='unknown get_/set_ method (Mobject.__getattr__)', detail=attr, attr=attr, env=False)
        m = re.search(r"([\w.<>]+)\(\) got an unexpected keyword argument '(\w+)'", msg)
        if m:
            owner, kw = m.group(1), m.group(2)
            fc = (facts.get('callee') or '').split(':')[-1].replace('.__init__', '')
            callee = _callee(line, kw) or fc or owner.replace('.__init__', '')
            return dict(key=f"TypeError: {callee}(…, {kw}=) unexpected keyword", family='TypeError (unexpected keyword)',
                        detail=f'{callee}: {kw} (raised in {owner})', env=False)
        m = re.search(r"([\w.<>]+)\(\) got multiple values for (?:keyword )?argument '(\w+)'", msg)
        if m:
            fn = _callee(line, m.group(2)) or m.group(1).replace('.__init__', '').split('.')[-1]
            return dict(key=f"TypeError: {fn}() got multiple values for '{m.group(2)}'", family='TypeError (arguments)', detail=fn, env=False)
        m = re.search(r"([\w.<>]+)\(\) missing (\d+) required (?:positional|keyword-only) arguments?: (.*)", msg)
        if m: return dict(key=f"TypeError: {m.group(1)}() missing {m.group(3)}", family='TypeError (arguments)', detail=m.group(1), env=False)
        m = re.search(r"([\w.<>]+)\(\) takes (?:from )?[\d to]+ positional arguments? but \d+ (?:were|was) given", msg)
        if m: return dict(key=f"TypeError: {m.group(1)}() too many positional arguments", family='TypeError (arguments)', detail=m.group(1), env=False)
        return dict(key=f'TypeError: {_norm(msg)}', family='TypeError (other)', detail=line[:80], env=False)
    if t == 'ValueError' and msg.startswith('LaTeX error:'):
        m = re.match(r"LaTeX error: ! (.*?)(?: (l\.\d+ .*?))? \|\| tex: (.*)", msg)
        err = m.group(1) if m else msg
        ctx = (m.group(2) or '') if m else ''
        cs = ''
        if 'Undefined control sequence' in err:
            c = re.findall(r'\\[A-Za-z]+', ctx)
            cs = c[-1] if c else ''
        elif err.startswith('Missing $ inserted'): cs = ''
        key = f"LaTeX: {err.rstrip('.')}" + (f' {cs}' if cs else '')
        return dict(key=key, family='LaTeX error', detail=(m.group(3) if m else '')[:100], env=False)
    if t == 'ValueError' and msg.startswith('LaTeX produced no page'):
        return dict(key='LaTeX: empty output (nothing to typeset, e.g. an unescaped %)', family='LaTeX error',
                    detail=msg.split('|| tex:')[-1].strip()[:100], env=False)
    if t == 'ValueError' and 'latex error' in msg.lower():
        return dict(key='LaTeX: error (no diagnostics)', family='LaTeX error', detail='', env=False)
    if t in ('SyntaxError', 'IndentationError', 'TabError'):
        env = bool(meta.get('harness_broke_blocks'))
        m2 = _norm(re.sub(r' \(.*line \d+\)$', '', msg))
        return dict(key=f'{t}: {m2}' + (' (harness-stripped indentation)' if env else ''),
                    family='SyntaxError', detail=line[:80], env=env)
    if t in ('FileNotFoundError', 'OSError', 'IsADirectoryError', 'PermissionError'):
        return dict(key=f'{t}: {_norm(msg)[:80]}', family='file not found / OS', detail=msg[:100], env=True)
    if t == 'KeyError':
        return dict(key=f'KeyError: {_norm(msg)[:60]}', family='KeyError', detail=line[:80], env=False)
    return dict(key=f'{t}: {_norm(msg)}', family=t, detail=line[:80], env=False)

# ---------------------------------------------------------------- running
def manim_version() -> str:
    from importlib.metadata import version
    return version('manim')

def key_of(code: str, scene: str, timeout: float, extra='') -> str:
    return hashlib.sha256(json.dumps([code, scene, timeout, manim_version(), ENV_VERSION, extra]).encode()).hexdigest()

class ResultCache:
    def __init__(self, folder: Path):
        self.dir = folder; folder.mkdir(parents=True, exist_ok=True); self.lock = threading.Lock()
    def get(self, k):
        p = self.dir/f'{k}.json'
        return json.loads(p.read_text()) if p.exists() else None
    def put(self, k, v):
        with self.lock: (self.dir/f'{k}.json').write_text(json.dumps(v))

def run_renders(todo: list[tuple[str, str, str]], cache: ResultCache, timeout: float, workers: int, label: str) -> None:
    "Dry-run every (key, code, scene) not in the cache, `workers` at a time, caching each result as it arrives."
    from manim_nb.render import RenderJob, render_all, render_job
    todo = [t for t in dict.fromkeys(todo) if cache.get(t[0]) is None]
    if not todo: return
    tmp = Path(tempfile.mkdtemp(prefix='yield_'))
    done, t0, keys = [0], time.monotonic(), {}
    jobs = []
    for k, code, scene in todo:
        j = RenderJob(code, scene, tmp/k[:12], quality='l', timeout=timeout, dry_run=True)
        keys[id(j)] = k; jobs.append(j)
    def fn(job):
        r = render_job(job)
        cache.put(keys[id(job)], dict(ok=r.ok, reason=r.reason, error=(r.error or '')[-6000:], seconds=round(r.seconds, 2),
                                      failure=getattr(r, 'failure', None)))
        done[0] += 1
        if done[0] % 10 == 0 or done[0] == len(jobs):
            el = time.monotonic() - t0
            print(f'  [{label}] {done[0]}/{len(jobs)} dry runs, {el:.0f}s', file=sys.stderr, flush=True)
        shutil.rmtree(job.workdir, ignore_errors=True)
        return r
    try: render_all(jobs, workers=workers, fn=fn)
    finally: shutil.rmtree(tmp, ignore_errors=True)

def probe_available():
    try:
        from manim_nb.probe import probe
        return probe
    except ImportError: return None

def evaluate(scenes: list[dict], a) -> list[dict]:
    "Every stage of every scene: a list of per-scene records."
    from manim_nb.gate import check
    cache = ResultCache(a.cache/'results')
    recs = []
    for s in scenes:
        meta, code = s['meta'], s['code']
        scene, why = pick_scene(meta)
        line = '' if a.bare else env_line(meta, code)
        rec = dict(source=meta['source'], id=meta['id'], model=meta.get('model'), sub=meta.get('sub'), path=meta.get('path'),
                   repo=meta.get('repo'), commit=meta.get('commit'), scene=scene, scene_choice=why,
                   needs_latex=meta.get('needs_latex'), assets=bool(meta.get('assets')),
                   external_imports=meta.get('external_imports'), env_line=bool(line), stages={})
        if scene is None:
            for st in ('written', 'gate'): rec['stages'][st] = dict(ok=False, reason='no Scene class in the file', error='')
            recs.append(rec); continue
        rec['_written'] = (key_of(with_env(code, line), scene, a.timeout), with_env(code, line), scene)
        v = check(code, scene)
        rec['gate'] = dict(ok=v.ok, errors=v.errors, fixes=v.fixes, scene=v.scene)
        if v.ok:
            rec['_gate'] = (key_of(with_env(v.code, line), v.scene, a.timeout), with_env(v.code, line), v.scene)
            rec['gate_code'] = v.code if a.probe_input == 'gate' else None
        else:
            rec['stages']['gate'] = dict(ok=False, reason='gate: ' + (v.errors[0] if v.errors else 'rejected'), error='\n'.join(v.errors))
        recs.append(rec)
    if not a.no_render:
        run_renders([r['_written'] for r in recs if '_written' in r], cache, a.timeout, a.workers, 'as written')
        run_renders([r['_gate'] for r in recs if '_gate' in r], cache, a.timeout, a.workers, 'after gate')
    for r in recs:
        for st in ('written', 'gate'):
            t = r.pop(f'_{st}', None)
            if t is None: continue
            res = cache.get(t[0])
            r['stages'][st] = res if res is not None else dict(ok=None, reason='not rendered (--no-render)', error='')
    probe = probe_available()
    if probe is None:
        for r in recs: r.pop('gate_code', None)
        return recs
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace
    from manim_nb.render import render_job
    by_id = {s['meta']['id']: s for s in scenes}
    pv = probe_version()
    todo = [r for r in recs if r['scene'] is not None and not r['stages']['gate'].get('ok')]
    done, t0 = [0], time.monotonic()
    def do_probe(r):
        s = by_id[r['id']]
        line = '' if a.bare else env_line(s['meta'], s['code'])
        src = s['code'] if a.probe_input == 'raw' else (r['gate_code'] if r.get('gate_code') else s['code'])
        k = key_of(src, r['scene'], a.timeout, f'probe:{a.probe_input}:{pv}:{line}')
        hit = cache.get(k)
        if hit is not None: return hit
        if a.no_render: return dict(ok=None, reason='not probed (--no-render)', error='')
        runner = (lambda job: render_job(replace(job, code=with_env(job.code, line)))) if line else None
        t = time.monotonic()
        try:
            p = probe(src, r['scene'], timeout=a.timeout, runner=runner)
            f = p.failure
            res = dict(ok=bool(p.ok), reason=None if p.ok else 'probe: ' + str(p.error or 'failed'),
                       error=str(p.error or ''), fixes=list(p.fixes or []), rounds=p.rounds, undone=list(p.undone or []),
                       failure=dict(kind=f.kind, message=f.message[:1000], line=f.line, facts=f.facts) if f is not None else None,
                       seconds=round(time.monotonic() - t, 2))
        except Exception as e:
            res = dict(ok=False, reason=f'probe: crashed: {type(e).__name__}: {e}', error='', seconds=round(time.monotonic() - t, 2))
        cache.put(k, res)
        done[0] += 1
        if done[0] % 10 == 0: print(f'  [probe] {done[0]} probed (of {len(todo)} to do, some cached), {time.monotonic() - t0:.0f}s', file=sys.stderr, flush=True)
        return res
    with ThreadPoolExecutor(max(1, a.workers)) as ex:
        results = dict(zip((r['id'] for r in todo), ex.map(do_probe, todo)))
    for r in recs:
        if r['scene'] is None: r['stages']['probe'] = dict(ok=False, reason='no Scene class in the file', error='')
        elif r['stages']['gate'].get('ok'): r['stages']['probe'] = dict(ok=True, reason=None, error='', note='ran after the gate: nothing to probe')
        else: r['stages']['probe'] = results[r['id']]
        r.pop('gate_code', None)
    return recs

def probe_version() -> str:
    "A digest of the probe's and the gate's source (probe results are cached per version)."
    import manim_nb.gate, manim_nb.probe
    return hashlib.sha256(Path(manim_nb.probe.__file__).read_bytes() + Path(manim_nb.gate.__file__).read_bytes()).hexdigest()[:16]

# ---------------------------------------------------------------- report
def pct(n, d): return f'{100 * n / d:5.1f}%' if d else '   - '

def table(rows, head):
    w = [max(len(str(x)) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
    fmt = '  '.join(f'{{:<{x}}}' if i == 0 else f'{{:>{x}}}' for i, x in enumerate(w))
    out = [fmt.format(*head), fmt.format(*['-' * x for x in w])]
    out += [fmt.format(*map(str, r)) for r in rows]
    return '\n'.join(out)

def report(recs: list[dict], a, has_probe: bool) -> str:
    out = []
    for r in recs:
        for st, res in r['stages'].items():
            res['class'] = classify(res, dict(external_imports=r.get('external_imports'), harness_broke_blocks=r.get('_broke'),
                                              code=r.get('_code')))
        g, p = r['stages'].get('gate', {}), r['stages'].get('probe', {})
        if (p.get('reason') or '').startswith('probe: gate: ') and g.get('class', {}).get('env'):
            p['class']['env'] = True  # the gate rejected the harness's plumbing; the probe's first error is another line of it
    def row(label, rs):
        n = len(rs)
        ok = {st: sum(1 for r in rs if r['stages'].get(st, {}).get('ok')) for st in STAGES}
        env = sum(1 for r in rs if not r['stages']['gate'].get('ok') and r['stages']['gate'].get('class', {}).get('env'))
        envw = sum(1 for r in rs if not r['stages']['written'].get('ok') and r['stages']['written'].get('class', {}).get('env'))
        cells = [label, n, pct(ok['written'], n), pct(ok['gate'], n)]
        if has_probe: cells.append(pct(ok['probe'], n))
        cells += [envw, env, pct(ok['written'], n - envw), pct(ok['gate'], n - env)]
        return cells
    head = ['source', 'scenes', 'as written', 'after gate'] + (['after probe'] if has_probe else []) + \
           ['env fail (written)', 'env fail (gate)', 'written, model only', 'gate, model only']
    by_src = collections.defaultdict(list)
    for r in recs: by_src[r['source']].append(r)
    rows = [row(s, rs) for s, rs in by_src.items()] + [row('ALL', recs)]
    out.append('Yield per source (dry runs; % of scenes that run to the end; "model only" leaves out scenes whose failure is environmental)')
    out.append(table(rows, head))
    if not has_probe: out.append('probe: not available (manim_nb.probe is not in this checkout)')
    out.append('')
    rows = []
    for s, rs in by_src.items():
        by_m = collections.defaultdict(list)
        for r in rs: by_m[r['model'] or 'unstated'].append(r)
        if len(by_m) == 1 and 'unstated' in by_m: continue
        for m, mr in sorted(by_m.items(), key=lambda kv: -len(kv[1])): rows.append(row(f'{s} / {m}'[:70], mr))
    out.append('Yield per source and model (as the source states it)')
    out.append(table(rows, head))
    out.append('')
    lat = [r for r in recs if r.get('needs_latex')]; nolat = [r for r in recs if not r.get('needs_latex')]
    out.append('By LaTeX use (MathTex/Tex/SingleStringMathTex called directly)')
    out.append(table([row('uses LaTeX', lat), row('no LaTeX', nolat)], head))
    out.append('')
    out += failure_tables(recs, 'written', min(a.top, 20), 'as written', brief=True)
    out += failure_tables(recs, 'gate', a.top, 'after the gate')
    if has_probe: out += failure_tables(recs, 'probe', min(a.top, 15), 'after the probe', brief=True)
    # what the gate changed: scenes that failed as written and run after the gate, and the reverse
    gained = sum(1 for r in recs if not r['stages']['written'].get('ok') and r['stages']['gate'].get('ok'))
    lost = [r for r in recs if r['stages']['written'].get('ok') and not r['stages']['gate'].get('ok')]
    out.append(f'Gate effect: {gained} scenes fail as written and run after the gate; {len(lost)} run as written and fail after it')
    lostc = collections.Counter(r['stages']['gate']['class'].get('key') for r in lost)
    for k, n in lostc.most_common(12): out.append(f'    {n:4d}  {k}')
    if has_probe:
        rules = collections.Counter()
        for r in recs:
            p = r['stages'].get('probe', {})
            if p.get('ok') and not r['stages']['gate'].get('ok'):
                for f in p.get('fixes') or []:
                    if ':' in f and not f.startswith(('added', 'renamed', 'dropped', 'rewrote', 'extracted')): rules[f.split(':')[0]] += 1
        out.append('')
        gained = sum(1 for r in recs if not r['stages']['gate'].get('ok') and r['stages'].get('probe', {}).get('ok'))
        out.append(f'Probe effect: {gained} scenes that fail after the gate run after the probe; rules in their fixes: '
                   + ', '.join(f'{k} {v}' for k, v in rules.most_common()))
    return '\n'.join(out)

def failure_tables(recs, stage, top, label, brief=False) -> list[str]:
    "Failure families and the top failure classes left at `stage`."
    out = []
    fails = [(r, r['stages'][stage]) for r in recs if stage in r['stages'] and not r['stages'][stage].get('ok')
             and r['stages'][stage].get('ok') is not None]
    fam = collections.Counter(f['class'].get('family', '?') for _, f in fails)
    envfam = collections.Counter(f['class'].get('family', '?') for _, f in fails if f['class'].get('env'))
    if not brief:
        out.append(f'Failure families {label} ({len(fails)} failing scenes of {len(recs)}; env = environmental)')
        out.append(table([(k, v, envfam.get(k, 0)) for k, v in fam.most_common()], ['family', 'scenes', 'of them env']))
        out.append('')
    groups = collections.defaultdict(list)
    for r, f in fails: groups[f['class'].get('key', '?')].append((r, f))
    out.append(f'Top {top} failure classes {label} ({len(fails)} failing scenes; count, env, sources, example)')
    for i, (k, items) in enumerate(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top], 1):
        srcs = collections.Counter(r['source'] for r, _ in items)
        env = sum(1 for _, f in items if f['class'].get('env'))
        r, f = items[0]
        ex = _scene_line(f.get('error', '')) or (f.get('reason') or '')
        out.append(f"{i:3d}. {len(items):4d}  {k}" + (f'  [env {env}]' if env else ''))
        out.append(f"           sources: {', '.join(f'{s} {n}' for s, n in srcs.most_common())}")
        if not brief: out.append(f"           e.g. {r['source']}/{r['id']} ({r['scene']}): {ex[:150]}")
        if f['class'].get('family') == 'LaTeX error' and f['class'].get('detail'):
            out.append(f"           tex: {f['class']['detail'][:120]}")
    out.append('')
    if brief: return out
    def top_details(family, n=15):
        c = collections.Counter(f['class'].get('detail') for _, f in fails if f['class'].get('family') == family)
        return ', '.join(f'{d} {k}' for d, k in c.most_common(n))
    for famname in ('NameError (unknown name)', 'AttributeError (no attribute)', 'unknown get_/set_ method (Mobject.__getattr__)',
                    'TypeError (unexpected keyword)', 'TypeError (arguments)', 'ImportError (name not in module)', 'ModuleNotFoundError',
                    'gate: import not allowed', 'gate: unknown name', 'gate: forbidden name', 'gate: syntax error'):
        if fam.get(famname): out.append(f'{famname}: {top_details(famname)}')
    c = collections.Counter(f['class'].get('key') for _, f in fails if f['class'].get('family') == 'LaTeX error')
    if c: out.append('LaTeX error: ' + ', '.join(f'{k[7:]} {n}' for k, n in c.most_common()))
    out.append('')
    return out

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--source', nargs='*', help='only these sources')
    ap.add_argument('--limit', type=int, help='a deterministic sample of at most N scenes per source')
    ap.add_argument('--timeout', type=float, default=60, help='wall-clock seconds per dry run (default 60)')
    ap.add_argument('--workers', type=int, default=2, help='parallel dry runs (default 2; the machine has 2 cores)')
    ap.add_argument('--json', type=Path, help='write every per-scene result here')
    ap.add_argument('--top', type=int, default=25, help='failure classes to list (default 25)')
    ap.add_argument('--bare', action='store_true', help='no environment line (no stubs, placeholders or LaTeX diagnostics)')
    ap.add_argument('--probe-input', choices=('raw', 'gate'), default='raw', help="the probe's input: the code as written (it gates it itself; default) or the gate's fixed code")
    ap.add_argument('--no-render', action='store_true', help='report only what is cached (and the gate verdicts)')
    ap.add_argument('--cache', type=Path, default=CACHE)
    a = ap.parse_args(argv)
    scenes = load_corpus(a.cache, a.source, a.limit)
    if not scenes: sys.exit(f'no scenes in {a.cache}: run bench/yield_sources.py first')
    print(f'{len(scenes)} scenes; manim {manim_version()}; timeout {a.timeout:g}s; {a.workers} workers'
          + ('; bare (no environment line)' if a.bare else ''), file=sys.stderr)
    t0 = time.monotonic()
    recs = evaluate(scenes, a)
    broke = {s['meta']['id'] for s in scenes if s['meta'].get('harness_broke_blocks')}
    code = {s['meta']['id']: s['code'] for s in scenes}
    for r in recs: r['_broke'] = r['id'] in broke; r['_code'] = code[r['id']]
    has_probe = probe_available() is not None
    print(report(recs, a, has_probe))
    print(f'\n({time.monotonic() - t0:.0f}s)', file=sys.stderr)
    if a.json:
        for r in recs: r.pop('_broke', None); r.pop('_code', None)
        a.json.write_text(json.dumps(recs, indent=1))

if __name__ == '__main__': main()
