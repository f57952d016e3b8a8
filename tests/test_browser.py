"""The tutorial in a real JupyterLab, in headless Chromium: what a user sees.

Opened, it is not modified; run, its batch cell shows the live status widget until the job is done, then a static
snapshot; no output says it could not display something, no empty stderr bar; the outcomes view fits a laptop
screen with its errors readable; no video plays by itself, and one plays when clicked. Saved and reopened with the
kernel gone, the snapshot is still there (and no "Error displaying widget").

Skipped, with the reason, without Debian's chromium and chromedriver, selenium or jupyterlab (`make test` installs
them), or when MANIM_NB_SKIP_BROWSER is set.
"""
import json, time

import pytest

try: from browser import Lab, unavailable_reason          # tests/ on sys.path (pytest's default)
except ImportError: from tests.browser import Lab, unavailable_reason

REASON = unavailable_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f'browser test skipped: {REASON}')

LAPTOP = 1366  # px: the outcomes view must fit a laptop-wide window

# Records, while the run goes on, what the run cell's widget shows (its text), until the widget is replaced.
WATCH = '''
const cell = nbPanel(arguments[0]).content.widgets[arguments[1]].node;
window.__widgetTexts = [];
window.__watch = new MutationObserver(() => {
  const w = cell.querySelector('.jp-OutputArea-output .widget-vbox, .jp-OutputArea-output .jupyter-widgets');
  if (w) { const t = w.innerText; if (window.__widgetTexts[window.__widgetTexts.length - 1] !== t) window.__widgetTexts.push(t); }
});
window.__watch.observe(cell, {subtree: true, childList: true, characterData: true, attributes: true});
'''

def code_cell(lab, starts):
    "Index of the first code cell whose source starts with `starts`."
    srcs = lab.js('return nbPanel(arguments[0]).content.widgets.map(c => [c.model.type, c.model.sharedModel.getSource()]);', lab.path)
    return next(i for i, (kind, src) in enumerate(srcs) if kind == 'code' and src.startswith(starts))

def empty_stderr(lab):
    "Cells with a stderr output that shows nothing (the pink bar with no text)."
    return lab.js('''const out = []; nbPanel(arguments[0]).content.widgets.forEach((c, i) => c.node.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').forEach(o => { if (!o.innerText.trim()) out.push(i); }));
        return out;''', lab.path)

def test_tutorial_in_a_real_browser(tmp_path, monkeypatch, record_property):
    monkeypatch.setenv('MANIM_NB_CACHE', str(tmp_path/'cache'))
    t0 = time.monotonic()
    with Lab(tmp_path/'lab', chromium_args=[f'--window-size={LAPTOP},900']) as lab:
        nb = lab.copy_in('nbs/18_tutorial.ipynb')
        lab.open(nb)
        # 1. it opens unmodified: its metadata is what JupyterLab writes for this kernel
        assert not lab.is_dirty(), 'the tutorial opened as modified'
        run_cell, table_cell = code_cell(lab, "out = Path('out/tutorial')"), code_cell(lab, 'df = run.outcomes')
        lab.js(WATCH, lab.path, run_cell)
        lab.run_all(timeout=240)
        lab.js('window.__watch.disconnect();')
        assert lab.error_outputs() == [] and lab.display_errors() == []
        assert empty_stderr(lab) == []

        # 2. the plain `run.execute()` showed the live widget, which followed the job to the end ...
        seen = lab.js('return window.__widgetTexts;')
        print('widget states seen:', len(seen), [t.replace(chr(10), ' | ')[:90] for t in seen[:2] + seen[-2:]])
        assert any('in batch' in t for t in seen), seen
        assert any('JOB_STATE_SUCCEEDED' in t for t in seen), seen
        # ... and then left the static snapshot in its place
        assert not lab.select_in_output(run_cell, '.jupyter-widgets')
        [snap] = lab.select_in_output(run_cell, '.manim-nb-status')
        assert 'JOB_STATE_SUCCEEDED' in snap.text and 'Scene1 · done by batch' in snap.text and 'Scene2 · fallback' in snap.text
        assert len(snap.find_elements('css selector', 'img')) == 2

        # 3. the outcomes view fits a laptop screen, and its error column is readable
        [table] = lab.select_in_output(table_cell, 'table.manim-nb-outcomes')
        width = lab.js('return arguments[0].getBoundingClientRect().width;', table)
        assert width <= LAPTOP - 100, width
        err = lab.js('const r = arguments[0].rows[2]; const c = r.cells[r.cells.length - 1]; '
                     'return [c.innerText, c.getBoundingClientRect().width];', table)
        assert 'fell back from batch' in err[0] and err[1] >= 200, err

        # 4. no video plays by itself; a preview is muted; one plays when clicked, the others stay still
        videos = lab.driver.find_elements('css selector', '.jp-OutputArea-output video')
        assert len(videos) >= 4
        states = [lab.video_state(v) for v in videos]
        assert not any(s['autoplay'] for s in states), states
        assert all(s['paused'] or s['ended'] for s in states), states
        preview = videos[0]
        assert lab.video_state(preview)['muted']
        lab.js('arguments[0].play();', preview)  # what a click on its play button does
        lab.wait(lambda d: not lab.video_state(preview)['paused'] or lab.video_state(preview)['ended'], what='the preview to play')
        assert all(lab.video_state(v)['paused'] for v in videos[1:])

        # 5. saved, reopened without a kernel: the snapshot is still there, and nothing is marked modified
        lab.save()
        saved = json.loads(lab.file().read_text())
        assert not any('application/vnd.jupyter.widget-view+json' in o.get('data', {})
                       for c in saved['cells'] for o in c.get('outputs', [])), 'a widget view was saved'
        lab.shutdown_kernels()
        lab.reload()
        assert lab.display_errors() == []
        [snap] = lab.select_in_output(run_cell, '.manim-nb-status')
        assert 'JOB_STATE_SUCCEEDED' in snap.text and len(snap.find_elements('css selector', 'img')) == 2
        assert lab.select_in_output(table_cell, 'table.manim-nb-outcomes')
        assert not lab.is_dirty()
        # other notebooks open unmodified too (their metadata is what JupyterLab writes)
        for name in ('00_core.ipynb', '16_widgets.ipynb'):
            lab.open(lab.copy_in(f'nbs/{name}'))
            assert not lab.is_dirty(), f'{name} opened as modified'
        record_property('timings', dict(lab.timings))
    assert time.monotonic() - t0 < 180
