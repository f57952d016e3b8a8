"""A real JupyterLab 4 in headless Debian Chromium, driven through Selenium: the harness for browser tests (no tests here).

    from browser import Lab, unavailable_reason     # tests/ is on sys.path under pytest (or: from tests.browser import ...)
    pytestmark = pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason()))
    with Lab(workdir=tmp_path) as lab:             # server + browser, both stopped on exit (also after a failure)
        nb = lab.copy_in('nbs/18_tutorial.ipynb')  # or lab.write_notebook('t.ipynb', ['print(1)'])
        lab.open(nb)                               # /lab/tree/<nb>?reset, waits for the kernel to be idle
        lab.run_all(timeout=300)                   # Run > Run All Cells, waits until every cell has finished
        lab.output_text(3), lab.select_in_output(5, 'video'), lab.video_state(5), lab.display_errors()
        lab.save(); lab.reload()

Isolation: the server runs the .venv's python (so the `python3` kernel is the .venv), with JUPYTER_CONFIG_DIR, JUPYTER_DATA_DIR,
JUPYTER_RUNTIME_DIR, JUPYTERLAB_SETTINGS_DIR, JUPYTERLAB_WORKSPACES_DIR and IPYTHONDIR in `workdir/env`, never ~/.jupyter; the
.venv's share/jupyter (kernelspec, widget extension) and etc/jupyter (server extensions) are found through sys.prefix as usual.
Nothing calls the network: no news, no update check, a read-only extension manager, no language-server autodetection.
Lab user settings (in the isolated settings dir): autosave off (a test saves when it means to), every cell attached to the DOM
(windowingMode none, so cells far below the viewport can be found), widget state not saved (the ipywidgets default);
`Lab(settings=...)` overrides them per plugin.

The JupyterLab application object is exposed to the page (`LabApp.expose_app_in_browser`), so waits read the document model
(kernel status, dirty flag, execution counts) instead of guessing from pixels; what a user sees is still read from the DOM.
"""
from __future__ import annotations

import contextlib, importlib.util, json, os, re, secrets, shutil, signal, socket, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM, CHROMEDRIVER = Path('/usr/bin/chromium'), Path('/usr/bin/chromedriver')
CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
                  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
                  '--window-size=1400,1000']   # Chromium's own autoplay policy is kept: Lab(chromium_args=[...]) adds flags
# What JupyterLab (or an extension) writes into an output when it cannot show it.
DISPLAY_ERRORS = re.compile(r'Error displaying widget|No renderer could be found|Javascript Error|Failed to load model class')
DEFAULT_SETTINGS = {
    '@jupyterlab/docmanager-extension:plugin': {'autosave': False},
    '@jupyterlab/notebook-extension:tracker': {'windowingMode': 'none'},
    '@jupyterlab/apputils-extension:notification': {'fetchNews': 'false', 'checkForUpdates': False},
}


def venv_python() -> Path:
    "The project's .venv python (not resolved: the symlink is what makes it the venv), else the running one."
    p = ROOT/'.venv'/'bin'/'python'
    return p if p.exists() else Path(sys.executable)


def unavailable_reason() -> str | None:
    "Why a browser test cannot run here (for pytest.skip), or None when it can."
    missing = []
    if os.environ.get('MANIM_NB_SKIP_BROWSER'): return 'MANIM_NB_SKIP_BROWSER is set'
    if not os.access(CHROMIUM, os.X_OK): missing.append(f'{CHROMIUM} (apt-get install chromium)')
    if not os.access(CHROMEDRIVER, os.X_OK): missing.append(f'{CHROMEDRIVER} (apt-get install chromium-driver)')
    if importlib.util.find_spec('selenium') is None: missing.append('selenium in this python (.venv/bin/pip install selenium)')
    py = venv_python()
    if Path(sys.prefix).resolve() == py.parent.parent.resolve():
        for mod in ('jupyterlab', 'ipykernel'):
            if importlib.util.find_spec(mod) is None: missing.append(f'{mod} in {py} (.venv/bin/pip install {mod})')
    else:
        r = subprocess.run([str(py), '-c', 'import jupyterlab, ipykernel'], capture_output=True)
        if r.returncode: missing.append(f'jupyterlab/ipykernel in {py} (.venv/bin/pip install jupyterlab)')
    return ('browser test needs ' + ', '.join(missing)) if missing else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def notebook_json(cells, kernel='python3', display_name='Python 3 (ipykernel)') -> dict:
    "A minimal nbformat 4.5 notebook from code strings (or (cell_type, source) pairs)."
    out = []
    for i, c in enumerate(cells):
        kind, src = ('code', c) if isinstance(c, str) else c
        cell = dict(cell_type=kind, id=f'cell{i}', metadata={}, source=src)
        if kind == 'code': cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return dict(cells=out, metadata=dict(kernelspec=dict(display_name=display_name, language='python', name=kernel)),
                nbformat=4, nbformat_minor=5)


def _descendants(pid: int) -> list[int]:
    "Every process below pid (Linux /proc), children first found first."
    kids: dict[int, list[int]] = {}
    for d in Path('/proc').iterdir():
        if not d.name.isdigit(): continue
        try: ppid = int((d/'stat').read_text().rsplit(')', 1)[1].split()[1])
        except (OSError, IndexError, ValueError): continue
        kids.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        for k in kids.get(todo.pop(), []): out.append(k); todo.append(k)
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f'/proc/{pid}/stat').read_text()
        return stat.rsplit(')', 1)[1].split()[0] != 'Z'
    except OSError: return False


def _kill_all(pids, grace=3.0):
    "SIGTERM, wait up to grace seconds, then SIGKILL whatever is left."
    pids = [p for p in pids if _alive(p)]
    for p in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError): os.kill(p, signal.SIGTERM)
    end = time.monotonic() + grace
    while time.monotonic() < end and any(_alive(p) for p in pids): time.sleep(0.05)
    for p in pids:
        if _alive(p):
            with contextlib.suppress(ProcessLookupError, PermissionError): os.kill(p, signal.SIGKILL)


class LabError(AssertionError):
    "Something the lab or the page did that a test did not expect (a dialog, a dead server, a timeout)."


# JS run in the page. `nbPanel(path)` finds the open notebook panel for a path (or the current one).
_JS_PRELUDE = r"""
const app = window.jupyterapp;
function nbPanel(path) {
  if (!app) return null;
  let found = null;
  for (const w of app.shell.widgets('main')) {
    if (w.content && w.content.model && w.context && w.sessionContext && (!path || w.context.path === path)) {
      if (!found || w === app.shell.currentWidget) found = w;
    }
  }
  return found;
}
"""


class Lab:
    """A JupyterLab server and a headless Chromium looking at it; use as a context manager.

    workdir: where the notebooks (workdir/root), the isolated jupyter dirs (workdir/env), the logs and, on failure, the
    screenshot + page HTML (workdir/artifacts) go; a temporary folder (kept after a failure, removed otherwise) if None.
    settings: JupyterLab user settings per plugin id, merged over DEFAULT_SETTINGS.
    lab_args / chromium_args: extra command-line arguments for `jupyter lab` / Chromium.
    kernelspec: overrides for the python3 kernelspec (e.g. {'display_name': 'python3'}): a copy of the .venv's spec with
    them goes into workdir/env/path, put first on JUPYTER_PATH (before the .venv's share/jupyter).
    """

    def __init__(self, workdir=None, *, settings=None, kernelspec=None, python=None, timeout=60.0, start_timeout=60.0,
                 lab_args=(), chromium_args=()):
        self._own_workdir = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix='manim_nb_lab_'))
        self.root, self.env_dir, self.artifacts = self.workdir/'root', self.workdir/'env', self.workdir/'artifacts'
        self.server_log, self.driver_log = self.workdir/'server.log', self.workdir/'chromedriver.log'
        self.python = Path(python) if python else venv_python()
        self.settings = {k: dict(v) for k, v in DEFAULT_SETTINGS.items()}
        for k, v in (settings or {}).items(): self.settings.setdefault(k, {}).update(v)
        self.kernelspec = dict(kernelspec or {})
        self.timeout, self.start_timeout, self.lab_args = timeout, start_timeout, list(lab_args)
        self.chromium_args = list(chromium_args)
        self.token, self.port = secrets.token_hex(16), None
        self.server = self.driver = self._service = None
        self.path = None                      # the notebook open in the page
        self.timings: dict[str, float] = {}   # seconds per step: server, browser, open, run_all, save, reload
        self._failed = False

    # ---- lifecycle --------------------------------------------------------------------------------------------------
    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self._failed = True
            self.stop()
            raise
        return self

    def __exit__(self, et, ev, tb):
        if et is not None:
            self._failed = True
            with contextlib.suppress(Exception): self.save_debug('failure')
        self.stop()
        return False

    @property
    def url(self) -> str: return f'http://127.0.0.1:{self.port}'

    def start(self):
        for d in (self.root, self.env_dir, self.artifacts): d.mkdir(parents=True, exist_ok=True)
        t = time.monotonic()
        self._start_server()
        self.timings['server'] = time.monotonic() - t
        t = time.monotonic()
        self._start_browser()
        self.timings['browser'] = time.monotonic() - t

    def _env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(('JUPYTER', 'IPYTHON'))}
        e = self.env_dir
        dirs = dict(JUPYTER_CONFIG_DIR=e/'config', JUPYTER_DATA_DIR=e/'data', JUPYTER_RUNTIME_DIR=e/'runtime',
                    JUPYTERLAB_SETTINGS_DIR=e/'lab-settings', JUPYTERLAB_WORKSPACES_DIR=e/'lab-workspaces',
                    IPYTHONDIR=e/'ipython')
        for k, d in dirs.items():
            d.mkdir(parents=True, exist_ok=True)
            env[k] = str(d)
        if self.kernelspec: env['JUPYTER_PATH'] = str(e/'path')
        env['JUPYTER_PLATFORM_DIRS'] = '0'
        env['HOME'] = os.environ.get('HOME', str(e))    # kept: the kernel's tools may need it; jupyter dirs are overridden
        env['PYTHONUNBUFFERED'] = '1'
        # the .venv first on PATH, as `source .venv/bin/activate` would (the kernel's subprocesses find its tools)
        env['PATH'] = f"{self.python.parent}{os.pathsep}{env.get('PATH', '')}"
        return env

    def _write_settings(self):
        base = self.env_dir/'lab-settings'
        for plugin, values in self.settings.items():
            pkg, name = plugin.rsplit(':', 1)
            f = base/pkg/f'{name}.jupyterlab-settings'
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(json.dumps(values, indent=2))

    def _write_kernelspec(self):
        if not self.kernelspec: return
        src = self.python.parent.parent/'share'/'jupyter'/'kernels'/'python3'
        # JUPYTER_PATH comes first; the user data dir would not (in a venv jupyter_core prefers the env's share/jupyter)
        dst = self.env_dir/'path'/'kernels'/'python3'
        if src.is_dir(): shutil.copytree(src, dst, dirs_exist_ok=True)
        spec = json.loads((src/'kernel.json').read_text()) if (src/'kernel.json').exists() else \
            dict(argv=['python', '-m', 'ipykernel_launcher', '-f', '{connection_file}'], language='python')
        spec.update(self.kernelspec)
        dst.mkdir(parents=True, exist_ok=True)
        (dst/'kernel.json').write_text(json.dumps(spec, indent=1))

    def _start_server(self):
        env = self._env()
        self._write_settings()
        self._write_kernelspec()
        for attempt in range(3):
            self.port = free_port()
            cmd = [str(self.python), '-m', 'jupyterlab', '--no-browser', '--allow-root',
                   '--ServerApp.ip=127.0.0.1', f'--ServerApp.port={self.port}', '--ServerApp.port_retries=0',
                   f'--IdentityProvider.token={self.token}', f'--ServerApp.root_dir={self.root}',
                   '--LabApp.news_url=None', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
                   '--LabApp.extension_manager=readonly', '--LabApp.expose_app_in_browser=True',
                   '--LanguageServerManager.autodetect=False', '--ServerApp.terminals_enabled=False',
                   # a safety net should this process die without stopping the lab: the server ends itself
                   '--MappingKernelManager.cull_idle_timeout=900', '--MappingKernelManager.cull_interval=60',
                   '--ServerApp.shutdown_no_activity_timeout=1200', *self.lab_args]
            log = open(self.server_log, 'ab')
            log.write(f'$ {" ".join(cmd)}\n'.encode()); log.flush()
            self.server = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
                                           stdin=subprocess.DEVNULL, start_new_session=True)
            log.close()
            end = time.monotonic() + self.start_timeout
            while time.monotonic() < end:
                if self.server.poll() is not None: break
                try:
                    if self.api('GET', '/api/status', timeout=2) is not None: return
                except (urllib.error.URLError, ConnectionError, OSError): pass
                time.sleep(0.1)
            if self.server.poll() is None:
                raise LabError(f'JupyterLab did not answer /api/status within {self.start_timeout}s\n{self.server_log_tail()}')
            if 'already in use' not in self.server_log_tail() or attempt == 2:
                raise LabError(f'JupyterLab exited with {self.server.returncode}\n{self.server_log_tail()}')

    def _start_browser(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        opts = webdriver.ChromeOptions()
        opts.binary_location = str(CHROMIUM)
        for f in CHROMIUM_FLAGS + self.chromium_args: opts.add_argument(f)
        opts.add_argument(f'--user-data-dir={self.env_dir/"chromium-profile"}')
        opts.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
        self._service = Service(str(CHROMEDRIVER), log_output=str(self.driver_log))
        self.driver = webdriver.Chrome(service=self._service, options=opts)
        self.driver.set_script_timeout(self.timeout)

    def stop(self):
        "Close the browser, shut the kernels and the server down; kill whatever of them is left. Safe to call twice."
        driver, self.driver = self.driver, None
        if driver is not None:
            pids = _descendants(self._service.process.pid) + [self._service.process.pid] \
                if self._service and self._service.process else []
            with contextlib.suppress(Exception): driver.quit()
            _kill_all(pids, grace=2)
        server, self.server = self.server, None
        if server is not None:
            pids = _descendants(server.pid)
            if server.poll() is None:
                with contextlib.suppress(Exception):
                    for k in self._api(server, 'GET', '/api/kernels') or []:
                        self._api(server, 'DELETE', f'/api/kernels/{k["id"]}')
                with contextlib.suppress(Exception): self._api(server, 'POST', '/api/shutdown')
                with contextlib.suppress(subprocess.TimeoutExpired): server.wait(5)
            pids += [p for p in _descendants(server.pid) if p not in pids]
            _kill_all([server.pid] + pids, grace=3)
            with contextlib.suppress(Exception): server.wait(5)
        if self._own_workdir and not self._failed: shutil.rmtree(self.workdir, ignore_errors=True)
        elif self._failed: print(f'browser test artifacts: {self.workdir}', file=sys.stderr)

    # ---- server side ------------------------------------------------------------------------------------------------
    def _api(self, server, method, path, body=None, timeout=10):
        req = urllib.request.Request(self.url + path, method=method, headers={'Authorization': f'token {self.token}'},
                                     data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(req, timeout=timeout) as r:
            data = r.read()
        return json.loads(data) if data else None

    def api(self, method, path, body=None, timeout=10):
        "A REST call to the server with the token (e.g. api('GET', '/api/kernels'))."
        return self._api(self.server, method, path, body, timeout)

    def server_log_tail(self, n=60) -> str:
        try: return '\n'.join(self.server_log.read_text(errors='replace').splitlines()[-n:])
        except OSError: return ''

    def copy_in(self, src, name=None) -> str:
        "Copy a file into the lab's root; returns its path relative to the root (what open() takes)."
        src = Path(src)
        if not src.is_absolute(): src = ROOT/src
        dst = self.root/(name or src.name)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        return dst.relative_to(self.root).as_posix()

    def write_notebook(self, name, cells, **kw) -> str:
        "Write a notebook (notebook_json(cells, **kw) or a dict) into the root; returns its path."
        nb = cells if isinstance(cells, dict) else notebook_json(cells, **kw)
        f = self.root/name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + '\n')   # as jupyter and nbdev write
        return f.relative_to(self.root).as_posix()

    def file(self, path=None) -> Path: return self.root/(path or self.path)

    def kernels(self) -> list[dict]: return self.api('GET', '/api/kernels') or []

    def shutdown_kernels(self):
        "End every session and kernel on the server (as a server restart would); the page starts a new one on reload."
        for s in self.api('GET', '/api/sessions') or []: self.api('DELETE', f'/api/sessions/{s["id"]}')
        for k in self.kernels(): self.api('DELETE', f'/api/kernels/{k["id"]}')

    # ---- page -------------------------------------------------------------------------------------------------------
    def js(self, script, *args):
        "Run JS in the page with `app` (the JupyterLab app) and `nbPanel(path)` defined; `return` gives the value back."
        return self.driver.execute_script(_JS_PRELUDE + script, *args)

    def js_async(self, script, *args, timeout=None):
        "Like js, for a script that awaits: the value of `return` in an async function body (awaited)."
        self.driver.set_script_timeout(timeout or self.timeout)
        body = _JS_PRELUDE + 'const done = arguments[arguments.length - 1];\n' \
            + '(async () => {' + script + '})().then(v => done({ok: v === undefined ? null : v}), ' \
            + 'e => done({err: String(e && e.stack || e)}));'
        r = self.driver.execute_async_script(body, *args)
        if 'err' in r: raise LabError(f'page script failed: {r["err"]}')
        return r['ok']

    def wait(self, cond, timeout=None, what='condition', poll=0.1):
        "Wait until cond(driver) is truthy (returns it); on timeout a LabError naming what, with any dialog shown."
        from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait
        try:   # an output re-rendered under our feet (stale element) is retried, not an error
            return WebDriverWait(self.driver, timeout or self.timeout, poll_frequency=poll,
                                 ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                                 ).until(lambda d: cond(d))
        except TimeoutException:
            dlg = self.dialog_text()
            what = what() if callable(what) else what
            raise LabError(f'timed out after {timeout or self.timeout}s waiting for {what}'
                           + (f'; a dialog is open: {dlg!r}' if dlg else '')) from None

    def dialog_text(self) -> str | None:
        "The text of an open JupyterLab dialog (kernel selection, file changed on disk, ...), or None."
        from selenium.webdriver.common.by import By
        ds = [d for d in self.driver.find_elements(By.CSS_SELECTOR, '.jp-Dialog') if d.is_displayed()]
        return ' | '.join(d.text.replace('\n', ' / ') for d in ds) or None

    def dismiss_dialog(self, button=None):
        "Click a dialog button by its text (or the default/accept one)."
        from selenium.webdriver.common.by import By
        for b in self.driver.find_elements(By.CSS_SELECTOR, '.jp-Dialog .jp-Dialog-button'):
            if (button is None and 'jp-mod-accept' in b.get_attribute('class')) or (button and b.text.strip() == button):
                b.click(); return
        raise LabError(f'no dialog button {button!r}: {self.dialog_text()!r}')

    def _goto(self, path):
        q = urllib.parse.quote(path)
        self.driver.get(f'{self.url}/lab/tree/{q}?reset&token={self.token}')

    def open(self, path, idle_timeout=None):
        "Open a notebook (path relative to the root) in a fresh workspace and wait until its kernel is idle."
        t = time.monotonic()
        self.path = path
        self._goto(path)
        self._wait_open(idle_timeout)
        self.timings['open'] = time.monotonic() - t
        return self

    def _wait_open(self, idle_timeout=None):
        self.wait(lambda d: self.js('const p = nbPanel(arguments[0]); return !!(p && p.context.isReady);', self.path),
                  what=f'{self.path} to load')
        self.wait_idle(idle_timeout)
        # every cell is in the DOM (windowingMode none) and the panel is the current one
        self.wait(lambda d: self.js('const p = nbPanel(arguments[0]); return p.content.widgets.length === '
                                    'p.node.querySelectorAll(".jp-Notebook .jp-Cell").length && '
                                    'app.shell.currentWidget === p;', self.path),
                  what='every cell to be attached')

    def reload(self, idle_timeout=None):
        "Reload the page on the same notebook (a fresh workspace again) and wait until it is open and idle."
        t = time.monotonic()
        self._goto(self.path)
        self._wait_open(idle_timeout)
        self.timings['reload'] = time.monotonic() - t
        return self

    def kernel_status(self) -> str | None:
        "The notebook's kernel status as the page knows it: idle, busy, starting, unknown, ... (None: no kernel)."
        return self.js('const p = nbPanel(arguments[0]); const k = p && p.sessionContext.session && '
                       'p.sessionContext.session.kernel; return k ? k.status : null;', self.path)

    def wait_idle(self, timeout=None):
        "Wait until the notebook's session is ready and its kernel idle (the status bar shows Idle)."
        self.wait(lambda d: self.js('const p = nbPanel(arguments[0]); if (!p) return false; const s = p.sessionContext; '
                                    'return s.isReady && !!s.session && !!s.session.kernel && '
                                    's.session.kernel.status === "idle" && s.session.kernel.connectionStatus === "connected";',
                                    self.path),
                  timeout, what=f'the kernel of {self.path} to be idle')

    def kernel_display_name(self) -> str | None:
        "The display name of the running kernel's spec, as shown in the toolbar."
        return self.js('const p = nbPanel(arguments[0]); return p ? p.sessionContext.kernelDisplayName : null;', self.path)

    def command(self, command_id, args=None, wait=True, timeout=None):
        "Execute a JupyterLab command (e.g. 'notebook:run-all-cells') on the current notebook; wait for its promise."
        if not wait:
            return self.js('app.commands.execute(arguments[0], arguments[1] || {}); return null;', command_id, args)
        return self.js_async('const v = await app.commands.execute(arguments[0], arguments[1] || {}); '
                             'return (v === undefined || typeof v === "object") ? null : v;',
                             command_id, args, timeout=timeout)

    def click_menu(self, *labels):
        "Click through the main menu, e.g. click_menu('Run', 'Run All Cells')."
        from selenium.webdriver.common.by import By
        top, *items = labels
        self.wait(lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, '#jp-MainMenu .lm-MenuBar-itemLabel')
                             if e.text.strip() == top], what=f'menu {top}')[0].click()
        for label in items:
            def item(d):
                return [e for e in d.find_elements(By.CSS_SELECTOR, '.lm-Menu .lm-Menu-item:not(.lm-mod-disabled)')
                        if e.is_displayed() and e.find_element(By.CSS_SELECTOR, '.lm-Menu-itemLabel').text.strip() == label]
            self.wait(item, what=f'menu item {label}')[0].click()

    def run_all(self, timeout=120, via='menu'):
        """Run all cells (via the menu Run > Run All Cells, or via='command') and wait until every cell has finished:
        no cell queued or running, the kernel idle, every code cell up to the first error run. Returns the seconds taken."""
        t = time.monotonic()
        # what tells that the run started: a code cell queued/running, a new execution count, or an execute_input
        # message from the kernel (a fast run can be over before the first look, with the same counts as before)
        self.js('const p = nbPanel(arguments[0]); window.__labRunStart = p.content.widgets.map(c => '
                'c.model.type === "code" ? c.model.executionCount : null); window.__labExecInputs = 0; '
                'const k = p.sessionContext.session.kernel; if (!window.__labExecHooked || window.__labExecHooked !== k) { '
                'k.iopubMessage.connect((_, m) => { if (m.header.msg_type === "execute_input") window.__labExecInputs++; }); '
                'window.__labExecHooked = k; } return null;', self.path)
        if via == 'menu': self.click_menu('Run', 'Run All Cells')
        else: self.command('notebook:run-all-cells', wait=False)
        # started: some code cell is queued/running or has a new execution count (a notebook without code: nothing)
        self.wait(lambda d: self.js(
            'const p = nbPanel(arguments[0]); const cs = p.content.widgets; const before = window.__labRunStart;'
            'return window.__labExecInputs > 0 || !cs.some(c => c.model.type === "code") || '
            'cs.some((c, i) => c.model.type === "code" && '
            '(c.model.executionState === "running" || c.model.executionCount !== before[i] || '
            '(c.promptNode && c.promptNode.textContent.includes("*"))));', self.path),
            timeout=30, what='Run All to start')
        self.wait_finished(timeout)
        self.timings['run_all'] = time.monotonic() - t
        return self.timings['run_all']

    def running_cells(self) -> list[int]:
        "Indexes of the cells queued or running ([*] prompts)."
        return self.js('const p = nbPanel(arguments[0]); return p.content.widgets.map((c, i) => (c.model.type === '
                       '"code" && (c.model.executionState === "running" || (c.promptNode && '
                       'c.promptNode.textContent.includes("*")))) ? i : -1).filter(i => i >= 0);', self.path)

    def wait_finished(self, timeout=120):
        "Wait until no cell is queued or running ([*]) and the kernel is idle, twice in a row 0.3 s apart."
        state = {'since': None}
        def settled(d):
            quiet = not self.running_cells() and self.kernel_status() == 'idle'
            if not quiet: state['since'] = None; return False
            if state['since'] is None: state['since'] = time.monotonic()
            return time.monotonic() - state['since'] >= 0.3
        self.wait(settled, timeout, what=lambda: f'all cells of {self.path} to finish (still running: {self.running_cells()}, '
                                      f'kernel {self.kernel_status()})')

    def execution_counts(self) -> list:
        "Each cell's execution count (None for a markdown cell or a cell not run)."
        return self.js('const p = nbPanel(arguments[0]); return p.content.widgets.map(c => c.model.type === "code" ? '
                       'c.model.executionCount : null);', self.path)

    def cell_types(self) -> list[str]:
        return self.js('return nbPanel(arguments[0]).content.widgets.map(c => c.model.type);', self.path)

    # ---- dirty / save -----------------------------------------------------------------------------------------------
    def tab(self):
        "The notebook's tab in the main dock panel (the li element)."
        from selenium.webdriver.common.by import By
        pid = self.js('return nbPanel(arguments[0]).id;', self.path)
        tabs = self.driver.find_elements(By.CSS_SELECTOR, f'.lm-DockPanel-tabBar li.lm-TabBar-tab[data-id="{pid}"]')
        if not tabs: raise LabError(f'no tab for {self.path} (panel {pid})')
        return tabs[0]

    def is_dirty(self) -> bool:
        "Whether the notebook's tab shows unsaved changes (jp-mod-dirty on the tab)."
        return 'jp-mod-dirty' in (self.tab().get_attribute('class') or '').split()

    def model_dirty(self) -> bool:
        "The document model's dirty flag (what the tab's jp-mod-dirty follows)."
        return self.js('return nbPanel(arguments[0]).context.model.dirty;', self.path)

    def save(self, via='keyboard', timeout=None) -> float:
        "Save (Ctrl+S on the notebook, or via='command'/'menu') and wait until the tab is clean and the file written."
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        t = time.monotonic()
        f = self.file()
        before = f.stat().st_mtime_ns if f.exists() else None
        # context.saveState says 'completed' or 'failed' (fileChanged is not emitted when the saved model is unchanged)
        self.js('window.__labSaved = null; const p = nbPanel(arguments[0]); '
                'p.context.saveState.connect(function h(_, s) { if (s === "completed" || s === "failed") { '
                'window.__labSaved = s; p.context.saveState.disconnect(h); } }); return null;', self.path)
        if via == 'keyboard':
            self.js('const p = nbPanel(arguments[0]); app.shell.activateById(p.id); p.content.mode = "command"; '
                    'p.content.node.focus(); return null;', self.path)
            ActionChains(self.driver).key_down(Keys.CONTROL).send_keys('s').key_up(Keys.CONTROL).perform()
        elif via == 'menu': self.click_menu('File', 'Save Notebook')
        else: self.command('docmanager:save', wait=False)
        self.wait(lambda d: self.js('return window.__labSaved;'), timeout, what=f'{self.path} to be saved')
        if self.js('return window.__labSaved;') != 'completed':
            raise LabError(f'saving {self.path} failed: {self.dialog_text()!r}\n{self.server_log_tail(20)}')
        self.wait(lambda d: not self.is_dirty() and f.exists() and f.stat().st_mtime_ns != before, timeout,
                  what=f'{self.path} to be clean and written after saving')
        self.timings['save'] = time.monotonic() - t
        return self.timings['save']

    # ---- trust --------------------------------------------------------------------------------------------------------
    def is_trusted(self) -> bool:
        """Whether every code cell is trusted. Saved outputs of a notebook this lab's server did not sign are not (each Lab
        has its own notebook secret): their HTML is sanitized (id="y" becomes data-jupyter-id="y", scripts go) and the
        'unsafe' renderers (widgets, JavaScript) fall back to text/plain until the notebook is trusted."""
        return self.js('return nbPanel(arguments[0]).content.widgets.filter(c => c.model.type === "code")'
                       '.every(c => c.model.trusted);', self.path)

    def trust(self):
        "Trust the notebook (the 'notebook:trust' command, accepting its dialog) and wait until its cells are trusted."
        if self.is_trusted(): return
        self.command('notebook:trust', wait=False)
        self.wait(lambda d: self.dialog_text(), what='the trust dialog')
        self.dismiss_dialog()
        self.wait(lambda d: self.is_trusted(), what=f'{self.path} to be trusted')

    # ---- outputs ----------------------------------------------------------------------------------------------------
    def cell(self, i):
        "The i-th cell's element (.jp-Cell), counting every cell (markdown too) from 0."
        from selenium.webdriver.common.by import By
        cells = self.driver.find_elements(By.CSS_SELECTOR, f'#{self._panel_id()} .jp-Notebook .jp-Cell')
        if i >= len(cells): raise LabError(f'cell {i} of {len(cells)}')
        return cells[i]

    def _panel_id(self): return self.js('return nbPanel(arguments[0]).id;', self.path)

    def outputs(self, i) -> list:
        "The output elements (.jp-OutputArea-output) of cell i."
        from selenium.webdriver.common.by import By
        return self.cell(i).find_elements(By.CSS_SELECTOR, '.jp-OutputArea-output')

    def output_text(self, i) -> str:
        "The visible text of cell i's outputs (joined by newlines)."
        return '\n'.join(o.text for o in self.outputs(i))

    def output_html(self, i) -> str:
        "The inner HTML of cell i's output area ('' when it has none)."
        from selenium.webdriver.common.by import By
        areas = self.cell(i).find_elements(By.CSS_SELECTOR, '.jp-OutputArea')
        return areas[0].get_attribute('innerHTML') if areas else ''

    def output_model(self, i) -> list[dict]:
        "Cell i's outputs as the notebook model holds them (nbformat dicts: output_type, data, text, ...)."
        return self.js('const c = nbPanel(arguments[0]).content.widgets[arguments[1]]; '
                       'return c.model.outputs ? c.model.outputs.toJSON() : [];', self.path, i)

    def select_in_output(self, i, css) -> list:
        "Elements matching css inside cell i's outputs."
        from selenium.webdriver.common.by import By
        return [e for o in self.outputs(i) for e in o.find_elements(By.CSS_SELECTOR, css)]

    def wait_in_output(self, i, css, timeout=None) -> list:
        "Wait until css matches inside cell i's outputs (widgets render asynchronously); returns the elements."
        return self.wait(lambda d: self.select_in_output(i, css), timeout, what=f'{css!r} in the output of cell {i}')

    def click(self, el):
        "Scroll el into view and click it (a JS click if something overlays it)."
        from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException
        self.driver.execute_script('arguments[0].scrollIntoView({block: "center"});', el)
        try: el.click()
        except (ElementClickInterceptedException, ElementNotInteractableException):
            self.driver.execute_script('arguments[0].click();', el)

    def video_state(self, el_or_cell) -> dict:
        "A <video>'s properties (autoplay, muted, paused, controls, readyState, error, ...) for an element or a cell index."
        el = el_or_cell
        if isinstance(el_or_cell, int):
            vids = self.select_in_output(el_or_cell, 'video')
            if not vids: raise LabError(f'no <video> in the output of cell {el_or_cell}')
            el = vids[0]
        return self.driver.execute_script(
            'const v = arguments[0]; return {autoplay: v.autoplay, muted: v.muted, defaultMuted: v.defaultMuted, '
            'paused: v.paused, ended: v.ended, controls: v.controls, loop: v.loop, currentTime: v.currentTime, '
            'duration: isNaN(v.duration) ? null : v.duration, readyState: v.readyState, networkState: v.networkState, '
            'error: v.error ? v.error.code : null, src: v.currentSrc || v.src, '
            'tracks: Array.from(v.textTracks || []).map(t => ({kind: t.kind, label: t.label, mode: t.mode}))};', el)

    def all_output_texts(self) -> list[tuple[int, str]]:
        "(cell index, visible text) of every output element in the notebook, in one round trip."
        return [tuple(x) for x in self.js(
            'const out = []; nbPanel(arguments[0]).content.widgets.forEach((c, i) => c.node.querySelectorAll('
            '".jp-OutputArea-output").forEach(o => out.push([i, o.innerText]))); return out;', self.path)]

    def display_errors(self) -> list[tuple[int, str]]:
        "(cell index, text) for every output where JupyterLab says it could not show something ('Error displaying widget')."
        return [(i, t.strip()) for i, t in self.all_output_texts() if DISPLAY_ERRORS.search(t)]

    def wait_widgets(self, timeout=None):
        "Wait until no output says 'Loading widget...' (each widget view is rendered or shows its error)."
        self.wait(lambda d: not any('Loading widget...' in t for _, t in self.all_output_texts()), timeout,
                  what=lambda: 'widgets to render: ' + repr([i for i, t in self.all_output_texts() if 'Loading widget' in t]))

    def error_outputs(self) -> list[tuple[int, str, str]]:
        "(cell index, ename, evalue) for every error output (a traceback) in the notebook model."
        return [(i, o.get('ename', ''), o.get('evalue', ''))
                for i, kind in enumerate(self.cell_types()) if kind == 'code'
                for o in self.output_model(i) if o.get('output_type') == 'error']

    def browser_log(self) -> list[dict]:
        "The browser console messages since the last call (level, message)."
        with contextlib.suppress(Exception): return self.driver.get_log('browser')
        return []

    def save_debug(self, name='debug') -> Path:
        "Save a screenshot, the page HTML, the console log and the server log tail to workdir/artifacts/<name>.*."
        self.artifacts.mkdir(parents=True, exist_ok=True)
        base = self.artifacts/name
        if self.driver is not None:
            with contextlib.suppress(Exception): self.driver.save_screenshot(str(base.with_suffix('.png')))
            with contextlib.suppress(Exception): base.with_suffix('.html').write_text(self.driver.page_source)
            with contextlib.suppress(Exception):
                base.with_suffix('.console.json').write_text(json.dumps(self.browser_log(), indent=1))
        with contextlib.suppress(Exception): base.with_suffix('.server.log').write_text(self.server_log_tail(400))
        return base
