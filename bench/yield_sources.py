#!/usr/bin/env python3
"""Corpus for the yield benchmark: real LLM-written Manim scenes from public repositories, one file per scene.

Reads the bare git mirrors under /work/.mirror (see /work/shared/YIELD_SOURCES.md for what each source is) and writes
`bench/.yield_cache/<source>/<id>.py` (exactly the code the model wrote, or the code block of its answer) with a sidecar
`<id>.json`: repo, path, commit, model as the source states it, whether it needs LaTeX, its Scene classes, the imports
beyond manim/numpy/stdlib (kept in the code, recorded here; `stubs` are the ones the benchmark's environment provides),
the asset files it loads, the repo's own modules it imports (`local_modules`: their source at the same commit, e.g. a
project's narration_script.py, which the benchmark's environment makes importable), and how it was extracted. Scenes are deduplicated by content hash across all sources.
Nothing here runs scene code. The cache folder is git-ignored: never commit other people's code.

Sources (the order decides which copy of a duplicate is kept):
  generative-manim  marcelo-earth/generative-manim: claude_generated.jsonl {prompt, code}; the app export
                    dataset-2025-*.jsonl (last assistant message); the 4 Claude Code skill scripts at the commit that
                    added them (before the human translation of their on-screen text)
  math-to-manim     HarleyCoops/Math-To-Manim: every scene file in history, first version of each lineage (the same
                    scene recurs under legacy/, Scripts/, examples/, .claude/worktrees/ and was hand-edited later)
  kimi-manim        HarleyCoops/KimiK3Manim (which holds all of KimiK2Manim's scenes): scene files in history
  flaming-horse     zfifteen/flaming-horse: projects/*/scene*.py and examples/{defective_output,WRONG}/**/scene*.py,
                    first version of each (later versions are a mechanical voiceover refactor)
  visualify         BalascanGabriel/Visualify-AI: generated_scenes/*.py of 5 runs; the harness wrapped Gemini's answer
                    in a template (first run: indented as is, so the answer is recovered exactly; later runs: every
                    line stripped of its indentation, so the file is kept as the harness wrote it and flagged)
  manim-gpt         MLDS-Club/Manim-gpt: output/videoScript/*.py and streamlit/temp_scripts/*.py, every version
                    (each is a fresh generation); the model from the file-name prefix or the tools/ config at that commit
  paper2video       Nahtreom/Paper2Video: demo_video/**/*.py (images/<hash>.jpg assets are not in the repo)
  theoremexplain    snouae/manim: TheoremExplainAgent's DeepSeek outputs (v0 first pass, v1.. its fixes)
Not used: Code2Video (joshuathen fork): its logs are only at a commit the mirror lacks, reachable one search-index
page at a time; MANIMATE's archive and ManiBench's answers are reserved for independent measurement.

Usage: python bench/yield_sources.py [--out bench/.yield_cache] [--source NAME ...] [--mirrors /work/.mirror]
"""
import argparse, ast, collections, difflib, hashlib, json, os, re, shutil, subprocess, sys, textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT/'bench'/'.yield_cache'
MIRRORS = Path('/work/.mirror')

# ---------------------------------------------------------------- git helpers
class Repo:
    "A bare mirror, read with git plumbing only."
    def __init__(self, name, mirrors=MIRRORS):
        self.name = name  # owner/name
        self.gd = str(mirrors/name.replace('/', '+')/'repo')
        if not os.path.isdir(self.gd): raise FileNotFoundError(f'no mirror of {name} at {self.gd}')
        self._hist, self._commits = None, {}

    def git(self, *args, text=True) -> str:
        r = subprocess.run(['git', '--git-dir', self.gd, *args], capture_output=True)
        if r.returncode: raise RuntimeError(f'git {" ".join(args)}: {r.stderr.decode(errors="replace").strip()}')
        return r.stdout.decode('utf-8', 'replace') if text else r.stdout

    def blob(self, sha) -> str:
        return self.git('cat-file', 'blob', sha, text=False).decode('utf-8', 'replace')

    def show(self, commit, path) -> str | None:
        if commit not in self._commits:
            self._commits[commit] = set(self.git('ls-tree', '-r', '--name-only', '-z', commit).split('\0'))
        if path not in self._commits[commit]: return None
        try: return self.git('show', f'{commit}:{path}', text=False).decode('utf-8', 'replace')
        except RuntimeError: return None

    def history(self) -> list[tuple]:
        "Every (path, blob, commit, unix time, subject) a commit added or changed, oldest first (all refs)."
        if self._hist is None:
            out = self.git('log', '--all', '--reverse', '--format=C %H %ct %s', '--raw', '--no-abbrev', '--no-renames')
            rows, c = [], None
            for l in out.splitlines():
                if l.startswith('C '):
                    parts = l.split(' ', 3); c = (parts[1], int(parts[2]), parts[3] if len(parts) > 3 else '')
                elif l.startswith(':') and c:
                    meta, path = l.split('\t', 1); m = meta.split()
                    if m[4] != 'D': rows.append((path, m[3], *c))
            self._hist = rows
        return self._hist

    def first_versions(self, keep) -> list[tuple]:
        "The first commit of each distinct blob at a path `keep(path)` accepts: (path, blob, commit, time, subject)."
        seen, out = set(), []
        for row in self.history():
            if keep(row[0]) and (row[0], row[1]) not in seen: seen.add((row[0], row[1])); out.append(row)
        return out

    def grep(self, commit, pattern, *paths) -> str:
        try: return self.git('grep', '-h', '-o', '-E', pattern, commit, '--', *paths)
        except RuntimeError: return ''  # no match

# ---------------------------------------------------------------- code facts
SCENE_CLASS = re.compile(r'^[ \t]*class\s+(\w+)\s*\(([^)]*)\)\s*:', re.M)
STDLIB = set(getattr(sys, 'stdlib_module_names', ())) | {'__future__'}
BASE_OK = {'manim', 'numpy', 'np'}  # what every source may import without it being "external"
# modules the benchmark environment stubs (harness plumbing, not Manim): see yield.py's ENV prelude
STUBBED = ('manim_voiceover', 'manim_voiceover_plus', 'flaming_horse_voice', 'narration_script', 'voice_config', 'elevenlabs')
TEX_USE = re.compile(r'\b(MathTex|Tex|SingleStringMathTex|TexTemplate|BulletedList|Title|Matrix|IntegerMatrix|DecimalMatrix|'
                     r'MobjectMatrix|BraceLabel|BraceText|DecimalNumber|Integer|Variable|ChangingDecimal|'
                     r'get_tex|get_text|add_coordinates|get_axis_labels|get_x_axis_label|get_y_axis_label|'
                     r'get_graph_label|get_riemann_rectangles_label)\b|include_numbers\s*=\s*True|numbers_to_include|'
                     r'label_constructor\s*=\s*(Math)?Tex')
DIRECT_TEX = re.compile(r'\b(MathTex|Tex|SingleStringMathTex)\s*\(')
ASSET_CALL = re.compile(r'\b(ImageMobject|SVGMobject|OpenGLImageMobject|SoundMobject|add_sound)\s*\(\s*(?:[rf]?["\']([^"\']+)["\'])?')

def scene_classes(code: str) -> list[str]:
    """Module-level classes that are Manim scenes (manim renders only those): a base named *Scene (manim's or a
    harness's) or a scene class of the same file."""
    found = []
    try:
        defs = [(n.name, [ast.unparse(b).split('.')[-1] for b in n.bases]) for n in ast.parse(code).body if isinstance(n, ast.ClassDef)]
    except SyntaxError:
        defs = [(m.group(1), [b.strip().split('.')[-1] for b in m.group(2).split(',') if b.strip()])
                for m in SCENE_CLASS.finditer(code) if not m.group(0)[0].isspace()]
    for name, bases in defs:
        if any(b.endswith('Scene') or b in found for b in bases) and name not in found: found.append(name)
    return found

def leaf_scenes(code: str, classes: list[str]) -> list[str]:
    "Scene classes no other class of the file derives from (a local base like `TeachingScene` is not the one to render)."
    bases = set()
    for m in SCENE_CLASS.finditer(code): bases |= {b.strip().split('.')[-1] for b in m.group(2).split(',')}
    return [c for c in classes if c not in bases] or classes

def imports(code: str) -> list[str]:
    "Top-level module names imported anywhere in the code (AST when it parses, else a regex)."
    mods = []
    try:
        for n in ast.walk(ast.parse(code)):
            if isinstance(n, ast.Import): mods += [a.name.split('.')[0] for a in n.names]
            elif isinstance(n, ast.ImportFrom) and not n.level and n.module: mods.append(n.module.split('.')[0])
            elif isinstance(n, ast.ImportFrom) and n.level: mods.append('.' * n.level + (n.module or ''))
    except SyntaxError:
        mods = [m.group(1).split('.')[0] for m in re.finditer(r'^\s*(?:from|import)\s+([\w.]+)', code, re.M)]
    return list(dict.fromkeys(mods))

def facts(code: str) -> dict:
    "What the sidecar records about a scene's code."
    classes = scene_classes(code)
    ext = [m for m in imports(code) if m not in BASE_OK and m not in STDLIB]
    try: ast.parse(code); parses = True
    except SyntaxError: parses = False
    return dict(scene_classes=classes, leaf_scenes=leaf_scenes(code, classes), parses=parses,
                needs_latex=bool(DIRECT_TEX.search(code)), may_use_latex=bool(TEX_USE.search(code)),
                external_imports=ext, stubs=[m for m in ext if m in STUBBED],
                assets=sorted({m.group(2) or f'<{m.group(1)} with a computed path>' for m in ASSET_CALL.finditer(code)
                               if not (m.group(2) or '').startswith('{')}),
                lines=code.count('\n') + 1)

def _module_imports(code: str, pkg: str = '') -> list[str]:
    "Dotted module names `code` imports (relative ones resolved against package `pkg`)."
    out = []
    try: tree = ast.parse(code)
    except SyntaxError: return [m.group(1) for m in re.finditer(r'^\s*(?:from|import)\s+([\w.]+)', code, re.M)]
    for n in ast.walk(tree):
        if isinstance(n, ast.Import): out += [a.name for a in n.names]
        elif isinstance(n, ast.ImportFrom):
            if n.level:
                base = pkg.split('.')[:len(pkg.split('.')) - (n.level - 1)] if pkg else []
                mod = '.'.join(base + ([n.module] if n.module else []))
                if not mod: continue
            else: mod = n.module or ''
            out.append(mod)
            out += [f'{mod}.{a.name}' for a in n.names if a.name != '*']  # `from pkg import submodule`
    return list(dict.fromkeys(m for m in out if m))

def local_modules(repo: 'Repo', commit: str, path: str, code: str, depth: int = 3) -> dict:
    """Modules the scene imports that are files of its own repository at the same commit (a sibling helper, the
    project's narration_script, a helper package), found the way `python scene.py` from the scene's folder or the
    repo root would: {dotted name: source}, packages before their modules. Installed/stdlib modules are not looked up."""
    dirs, d = [], path.rsplit('/', 1)[0] if '/' in path else ''
    while True:
        dirs.append(d)
        if not d: break
        d = d.rsplit('/', 1)[0] if '/' in d else ''
    found, todo = {}, [(m, '') for m in _module_imports(code)]
    for _ in range(depth):
        nxt = []
        for mod, _pkg in todo:
            top = mod.split('.')[0]
            if mod in found or top in BASE_OK or top in STDLIB or top in ('scipy', 'PIL', 'networkx', 'pandas', 'sympy'): continue
            parts = mod.split('.')
            for base in dirs:
                pre = f'{base}/' if base else ''
                chain, ok = [], True
                for i in range(1, len(parts) + 1):
                    name, rel = '.'.join(parts[:i]), '/'.join(parts[:i])
                    src = repo.show(commit, f'{pre}{rel}.py') if i == len(parts) else None
                    is_pkg = False
                    if src is None:
                        src = repo.show(commit, f'{pre}{rel}/__init__.py'); is_pkg = src is not None
                    if src is None and i < len(parts):
                        if repo.show(commit, f'{pre}{rel}/{parts[i]}.py') is None and repo.show(commit, f'{pre}{rel}/{parts[i]}/__init__.py') is None:
                            ok = False; break
                        src = ''; is_pkg = True  # a namespace package
                    if src is None: ok = False; break
                    chain.append((name, src, is_pkg))
                if ok:
                    for name, src, is_pkg in chain:
                        if name not in found:
                            found[name] = src
                            nxt += [(m, name if is_pkg else name.rsplit('.', 1)[0]) for m in _module_imports(src, name if is_pkg else name.rsplit('.', 1)[0])]
                    break
        todo = nxt
    return found

FENCE = re.compile(r'```[ \t]*(?:python|py|python3)?[ \t]*\n(.*?)(?:\n[ \t]*```|\Z)', re.S)

def code_of_answer(text: str) -> tuple[str, str]:
    "The code block of a model answer (the largest fenced block, else the text), and how it was taken."
    blocks = FENCE.findall(text)
    if not blocks: return text, 'answer is bare code'
    best = max(blocks, key=lambda b: (bool(re.search(r'^\s*class\s+\w+\s*\(', b, re.M)), len(b)))
    return best + ('\n' if not best.endswith('\n') else ''), f'largest fenced code block of {len(blocks)}'

def slug(s: str, n=60) -> str:
    s = re.sub(r'\.py$', '', s)
    return re.sub(r'[^A-Za-z0-9]+', '_', s).strip('_')[-n:] or 'scene'

def sha(code: str) -> str: return hashlib.sha256(code.encode()).hexdigest()

def similar(a: str, b: str) -> float:
    sm = difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False)
    return sm.ratio() if sm.real_quick_ratio() >= 0.5 and sm.quick_ratio() >= 0.5 else 0.0

def lineage_firsts(items: list[dict], key, threshold=0.5, cross=0.85) -> list[dict]:
    """Keep the first version of each lineage: a later item joins an earlier one when they share `key` and are at least
    `threshold` similar, or are at least `cross` similar whatever their key. Items must be oldest first."""
    kept = []
    for it in items:
        for k in kept:
            s = similar(k['code'], it['code'])
            if (key(k) == key(it) and s >= threshold) or s >= cross:
                k['meta'].setdefault('later_versions', []).append(f"{it['meta']['path']}@{it['meta']['commit'][:10]}")
                break
        else: kept.append(it)
    return kept

def item(source, repo, path, commit, when, subject, code, model, basis, **extra) -> dict:
    meta = dict(source=source, repo=repo, path=path, commit=commit, commit_time=when, commit_subject=subject,
                model=model, model_basis=basis, **extra)
    return dict(code=code, meta=meta)

# ---------------------------------------------------------------- sources
def generative_manim(mirrors):
    r = Repo('marcelo-earth/generative-manim', mirrors)
    out = []
    p = 'training/data/outputs/claude_generated.jsonl'
    (c, t, s) = next((h, t, s) for path, b, h, t, s in r.history() if path == p)
    for i, line in enumerate(r.show(c, p).splitlines()):
        if not line.strip(): continue
        row = json.loads(line)
        out.append(item('generative-manim', r.name, f'{p}#{i+1}', c, t, s, row['code'], 'Claude (unstated version)',
                        'commit "Add 201 claude-generated Manim training examples (99.5% render rate)": may be pre-filtered',
                        prompt=row.get('prompt'), extracted='jsonl field "code"', sub='claude_generated'))
    for path, b, c, t, s in r.first_versions(lambda p: re.fullmatch(r'(datasets/)?dataset-2025-[^/]*\.jsonl', p)):
        if any(o['meta']['path'].startswith(path.split('/')[-1]) for o in out): continue
        for i, line in enumerate(r.blob(b).splitlines()):
            if not line.strip(): continue
            msgs = json.loads(line)['messages']
            ans = [m['content'] for m in msgs if m['role'] == 'assistant'][-1]
            code, how = code_of_answer(ans)
            prompt = [m['content'] for m in msgs if m['role'] == 'user'][-1]
            out.append(item('generative-manim', r.name, f'{path}#{i+1}', c, t, s, code, 'unstated (app export)',
                            'datasets/ jsonl exported from the app; the model is not recorded', prompt=prompt,
                            extracted=f'last assistant message: {how}', sub='app_export'))
    hints = {'sin-skill/double_pendulum.py': 'DoublePendulumChaos', 'manim-composer/double_pendulum_v2.py': 'DoublePendulumNarrative'}
    for path, b, c, t, s in r.first_versions(lambda p: re.fullmatch(r'experiments/manim-skills-comparison/[^/]+/[^/]+\.py', p)):
        if any(o['meta']['path'] == path for o in out): continue  # first version only: later commits translated the text by hand
        out.append(item('generative-manim', r.name, path, c, t, s, r.blob(b), 'Claude (Claude Code skills)',
                        'experiments/manim-skills-comparison/README.md: four Claude Code skills, same prompt',
                        scene_hint=hints.get(path.split('manim-skills-comparison/')[1]), extracted='file (version of the commit that added it)',
                        sub='claude_code_skills', local_modules=local_modules(r, c, path, r.blob(b))))
    return out

M2M_SKIP = re.compile(r'^(math_to_manim|mythos|environments|tests?|skill|\.claude/plugins|Gemini3/(src|examples)|KimiK2[^/]*/(agents|examples|legacy|swarm|tools|models)|'
                      r'examples/reference|.*smoke_test|.*/?(render|extract|regenerate|reproduce|check|debug|run|launch|test)_[^/]*\.py$)', re.I)
M2M_MODELS = [(r'gemini\s?3|^gemini3/|/gemini3/', 'Gemini 3 (folder name)'), (r'gemini2\.?5|qedgemini25', 'Gemini 2.5 Pro (file name)'),
              (r'google_thinking', 'Gemini (Google thinking; file name)'), (r'gemini', 'Gemini (file name)'),
              (r'grok', 'Grok (file name)'), (r'qwen', 'Qwen (file name)'), (r'hunyuan', 'Hunyuan-T1 (file name)'),
              (r'mistral', 'Mistral (file name)'), (r'claude37', 'Claude 3.7 (file name)'), (r'openaipro', 'OpenAI Pro (file name)'),
              (r'deepseek', 'DeepSeek R1 (file name)'), (r'kimi', 'Kimi K2 (file name)')]

def math_to_manim(mirrors):
    r = Repo('HarleyCoops/Math-To-Manim', mirrors)
    inner = lambda p: re.sub(r'^(\.claude/worktrees/[^/]+/|legacy/Math-To-Manim/)+', '', p)
    rows = r.first_versions(lambda p: p.endswith('.py') and not M2M_SKIP.match(inner(p)))
    items, seen = [], set()
    for path, b, c, t, s in rows:
        if b in seen: continue
        seen.add(b); code = r.blob(b)
        if not (scene_classes(code) and 'def construct' in code and re.search(r'^\s*(from|import)\s+manim', code, re.M)): continue
        low = path.lower()
        model = next((m for pat, m in M2M_MODELS if re.search(pat, low)), None)
        if model is None and t >= 1772323200:  # 2026-03 on: the repo's agent pipelines (Claude Mythos, Codex)
            model, basis = 'unstated', 'file does not name its model; README: Claude Mythos / Codex pipelines by then'
        elif model is None:
            model, basis = 'unstated', 'file does not name its model; README: the repo began with DeepSeek R1 one-shots, then "various AI models"'
        else: basis = 'file or folder name'
        items.append(item('math-to-manim', r.name, path, c, t, s, code, model, basis, extracted='file (first version of its lineage)',
                          local_modules=local_modules(r, c, path, code)))
    norm = lambda it: re.sub(r'[^a-z0-9]', '', it['meta']['path'].rsplit('/', 1)[-1].lower())
    return lineage_firsts(items, norm, threshold=0.5, cross=0.85)

K3_LAUNCH = 1784160000  # 2026-07-16, kimi-k3's launch day (README)
def kimi_manim(mirrors):
    r = Repo('HarleyCoops/KimiK3Manim', mirrors)
    keep = re.compile(r'^(manim_scenes|BrownianMotion|Dakota|torus|Rhom|MinimalSurfaces|data/mythos_runs/[^/]+)/[^/]+\.py$|^[^/]+\.py$')
    items, seen = [], set()
    for path, b, c, t, s in r.first_versions(lambda p: bool(keep.match(p))):
        if b in seen: continue
        seen.add(b); code = r.blob(b)
        if not (scene_classes(code) and 'def construct' in code and re.search(r'^\s*(from|import)\s+manim', code, re.M)): continue
        if 'MythosOfflineScene' in code: continue  # the harness's offline rehearsal template, not model output
        if 'mythos_runs' in path: model, basis = 'Claude (Mythos harness)', 'data/mythos_runs: the mythos harness drives `claude -p` (Math-To-Manim README)'
        elif 'openai' in path.lower(): model, basis = 'OpenAI (unstated)', 'file name'
        elif t >= K3_LAUNCH or '/k3_' in path or path.startswith('k3_'): model, basis = 'Kimi K3', 'README pipeline table; committed after the K3 rebuild'
        else: model, basis = 'Kimi K2', 'README: the K2 generation, before the K3 rebuild'
        items.append(item('kimi-manim', r.name, path, c, t, s, code, model, basis, extracted='file (first version)',
                          local_modules=local_modules(r, c, path, code)))
    return lineage_firsts(items, lambda it: it['meta']['path'].rsplit('/', 1)[-1].lower(), threshold=0.5, cross=0.9)

FH_SCENE = re.compile(r'^(projects/[^/]+|examples/(defective_output|WRONG)/[^/]+)/scene[^/]*\.py$')
def flaming_horse(mirrors):
    r = Repo('zfifteen/flaming-horse', mirrors)
    items, seen, model_at = [], set(), {}
    for path, b, c, t, s in r.first_versions(lambda p: bool(FH_SCENE.match(p))):
        if b in seen: continue
        seen.add(b); code = r.blob(b)
        if not scene_classes(code): continue
        if c not in model_at:
            found = set(re.findall(r'grok-code-fast-1|MiniMax-M2\.5', r.grep(c, r'grok-code-fast-1|MiniMax-M2\.5')))
            model_at[c] = ' or '.join(sorted(found)) + ' (harness config at the commit)' if found else 'unstated (no harness model config at the commit)'
        items.append(item('flaming-horse', r.name, path, c, t, s, code, model_at[c], 'model names in the repo at that commit; not per file',
                          local_modules=local_modules(r, c, path, code), extracted='file (first version of the path)',
                          scaffold='SLOT_START:scene_body' in code))
    return lineage_firsts(items, lambda it: (it['meta']['path'].rsplit('/', 2)[-2], it['meta']['path'].rsplit('/', 1)[-1]),
                          threshold=0.5, cross=0.97)

VIS_HEAD = re.compile(r'\A(from manim import \*\n(?:\nconfig\.tex_template\.add_to_preamble\(r"""\n.*?\n"""\)\n)?\nclass (\w+)\(Scene\):\n    def construct\(self\):\n)', re.S)
def visualify(mirrors):
    r = Repo('BalascanGabriel/Visualify-AI', mirrors)
    out = []
    for path, b, c, t, s in r.first_versions(lambda p: p.startswith('backend-bun/scripts/animator/generated_scenes/') and p.endswith('.py')):
        raw = r.blob(b); m = VIS_HEAD.match(raw)
        if not m: continue
        body = raw[m.end():]
        if 'tex_template' not in m.group(1):
            # first run: the template only indented the answer by 8 spaces: undo that to get the answer's code block
            code = textwrap.dedent(body) if all(not l.strip() or l.startswith('        ') for l in body.splitlines()) else None
            if code and scene_classes(code):
                out.append(item('visualify', r.name, path, c, t, s, code, 'Gemini 1.5 Flash', 'services/geminiService.js',
                                extracted='answer recovered from the template (8-space indent removed); the harness had replaced "°" by "degree"',
                                harness_flattened=False))
                continue
        flat = [l.strip() for l in body.splitlines() if l.strip()]
        try: ast.parse(raw); parses = True
        except SyntaxError: parses = False
        # the answer had blocks (a line that opens one) and the flattened file no longer parses: the harness broke it
        nested = not parses and any(re.sub(r'\s+#.*$', '', l).endswith(':') for l in flat)
        out.append(item('visualify', r.name, path, c, t, s, raw, 'Gemini 1.5 Flash', 'services/geminiService.js',
                        extracted='harness file as written: the template stripped every line of the answer (construct body) of its indentation',
                        harness_flattened=True, harness_broke_blocks=nested, scene_hint=m.group(2)))
    return out

def manim_gpt(mirrors):
    r = Repo('MLDS-Club/Manim-gpt', mirrors)
    cfg = {}
    def configured(c):
        if c in cfg: return cfg[c]
        agent = r.show(c, 'tools/agent.py') or ''
        model = None
        if re.search(r'from\s+\.?(tools\.)?openAI\s+import', agent):
            src = r.show(c, 'tools/openAI.py') or ''
            lst = re.search(r'AVAILABLE_MODELS\s*=\s*\[(.*?)\]', src, re.S); idx = re.search(r'MODEL_INDEX\s*=\s*(\d+)', src)
            if lst and idx:
                names = [x for x in re.findall(r'^\s*"([^"]+)"', lst.group(1), re.M)]
                model = names[int(idx.group(1))] if int(idx.group(1)) < len(names) else None
            else:
                m = re.search(r'model(?:_name)?\s*=\s*"([^"]+)"', src); model = m and m.group(1)
        elif re.search(r'googleAI', agent):
            m = re.search(r'model(?:_name)?\s*=\s*"([^"]+)"', r.show(c, 'tools/googleAI.py') or ''); model = m and m.group(1)
        cfg[c] = model
        return model
    out = []
    rows = r.first_versions(lambda p: re.match(r'^(output/videoScript|streamlit/temp_scripts|experimentation)/[^/]+\.py$', p) is not None)
    for path, b, c, t, s in rows:
        code = r.blob(b)
        if not scene_classes(code): continue
        name = path.rsplit('/', 1)[-1]
        pre = re.match(r'(4o|o3|o4-mini|o4)-', name)
        if pre:
            model = {'4o': 'gpt-4o', 'o3': 'o3', 'o4-mini': 'o4-mini', 'o4': 'o4 (file prefix; likely o4-mini)'}[pre.group(1)]
            basis = 'file-name prefix'
        else:
            model = configured(c); basis = 'tools/ config at the commit (agent.py -> openAI.py/googleAI.py)'
            if model is None: model, basis = 'unstated', 'no model config found at the commit'
        out.append(item('manim-gpt', r.name, path, c, t, s, code, model, basis, extracted='file (every version: each is a new generation)',
                        local_modules=local_modules(r, c, path, code)))
    return out

def paper2video(mirrors):
    r = Repo('Nahtreom/Paper2Video', mirrors)
    cfg = json.loads(r.show('HEAD', 'config.json') or '{}')
    out = []
    for path, b, c, t, s in r.first_versions(lambda p: p.startswith('demo_video/') and p.endswith('.py')):
        code = r.blob(b)
        if not scene_classes(code): continue
        out.append(item('paper2video', r.name, path, c, t, s, code, f"{cfg.get('model', 'unstated')} (config.json)",
                        'config.json at HEAD; per-agent configs name gpt-4o too', extracted='file',
                        local_modules=local_modules(r, c, path, code)))
    return out

def theoremexplain(mirrors):
    r = Repo('snouae/manim', mirrors)
    out = []
    for path, b, c, t, s in r.first_versions(lambda p: '_deepseek/' in p and p.endswith('.py')):
        code = r.blob(b)
        if not scene_classes(code): continue
        v = re.search(r'_v(\d+)\.py$', path)
        out.append(item('theoremexplain', r.name, path, c, t, s, code, 'DeepSeek (TheoremExplainAgent output)', 'folder name',
                        extracted='file', attempt=int(v.group(1)) if v else None, local_modules=local_modules(r, c, path, code)))
    return out

SOURCES = {'generative-manim': generative_manim, 'math-to-manim': math_to_manim, 'kimi-manim': kimi_manim,
           'flaming-horse': flaming_horse, 'visualify': visualify, 'manim-gpt': manim_gpt, 'paper2video': paper2video,
           'theoremexplain': theoremexplain}

# ---------------------------------------------------------------- writing the cache
def write(items: list[dict], out: Path, seen: dict) -> collections.Counter:
    "Write new items (dedupe by content hash against `seen`: hash -> (source, id)); counts of what happened."
    n = collections.Counter()
    for it in items:
        code, meta = it['code'], it['meta']
        if not code.strip(): n['empty'] += 1; continue
        h = sha(code)
        if h in seen:
            src, sid = seen[h]
            side = out/src/f'{sid}.json'
            d = json.loads(side.read_text()); d.setdefault('also_at', []).append(f"{meta['repo']}:{meta['path']}@{meta['commit'][:10]}")
            side.write_text(json.dumps(d, indent=1, ensure_ascii=False)); n['duplicate'] += 1; continue
        sid = f"{slug(meta['path'])}-{h[:8]}"
        d = out/meta['source']; d.mkdir(parents=True, exist_ok=True)
        (d/f'{sid}.py').write_text(code)
        (d/f'{sid}.json').write_text(json.dumps(dict(id=sid, sha256=h, **meta, **facts(code)), indent=1, ensure_ascii=False))
        seen[h] = (meta['source'], sid); n['written'] += 1
    return n

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', type=Path, default=CACHE)
    ap.add_argument('--mirrors', type=Path, default=MIRRORS)
    ap.add_argument('--source', nargs='*', choices=list(SOURCES), help='only these sources (default all)')
    a = ap.parse_args(argv)
    names = a.source or list(SOURCES)
    seen = {}
    for name in SOURCES:  # hashes of the sources kept, so duplicates resolve the same way whatever --source says
        if name not in names:
            for j in (a.out/name).glob('*.json') if (a.out/name).is_dir() else ():
                d = json.loads(j.read_text()); seen[d['sha256']] = (name, d['id'])
    for name in names:
        shutil.rmtree(a.out/name, ignore_errors=True)
    for name in names:
        try: items = SOURCES[name](a.mirrors)
        except FileNotFoundError as e: print(f'{name}: skipped: {e}'); continue
        n = write(items, a.out, seen)
        models = collections.Counter(json.loads(j.read_text())['model'] for j in (a.out/name).glob('*.json'))
        print(f"{name}: {n['written']} scenes written, {n['duplicate']} duplicates of earlier ones, {n['empty']} empty")
        for m, k in models.most_common(): print(f'    {k:4d}  {m}')

if __name__ == '__main__': main()
