"""A real JupyterLab in headless Chromium: run a notebook, save, reload; what the reopened notebook shows for a widget.

Skipped (with the reason) without /usr/bin/chromium, /usr/bin/chromedriver, selenium or jupyterlab, or when
MANIM_NB_SKIP_BROWSER is set. Select or deselect it with `-k browser`.
"""
import json, os, time
from pathlib import Path

import pytest

try: from browser import Lab, unavailable_reason, venv_python            # tests/ on sys.path (pytest's default)
except ImportError: from tests.browser import Lab, unavailable_reason, venv_python

REASON = unavailable_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f'browser test skipped: {REASON}')

CELLS = [
    "print('hi')",
    "import ipywidgets as widgets\nwidgets.IntSlider(value=3, description='n')",
    "from IPython.display import display, HTML\n"
    "handle = display(HTML('<b id=\"x\">x</b>'), display_id=True)\n"
    "handle.update(HTML('<b id=\"y\">y</b>'))",
    "import sys; print(sys.prefix)",
]
WIDGET_MIME = 'application/vnd.jupyter.widget-view+json'


def widget_shows(lab, i):
    "What cell i shows for its widget output: 'slider', or the text JupyterLab puts there instead."
    if lab.select_in_output(i, '.widget-slider'): return 'slider'
    return lab.output_text(i).strip() or '(nothing)'


def html_display(lab, i):
    return bool(lab.select_in_output(i, '#y')), bool(lab.select_in_output(i, '#x')), len(lab.outputs(i))


def test_lab_runs_saves_and_reopens_a_notebook(tmp_path, record_property):
    t0 = time.monotonic()
    with Lab(tmp_path) as lab:
        nb = lab.write_notebook('smoke.ipynb', CELLS)
        lab.open(nb)
        assert lab.kernel_status() == 'idle'
        assert lab.execution_counts() == [None] * 4

        lab.run_all(timeout=30)
        assert lab.execution_counts() == [1, 2, 3, 4]
        assert lab.running_cells() == []
        assert lab.output_text(0) == 'hi'
        slider = lab.wait_in_output(1, '.widget-slider', timeout=15)
        assert 'n' in slider[0].text and '3' in slider[0].text
        # updated in place: one output, the new HTML, not the old one
        assert html_display(lab, 2) == (True, False, 1)
        assert lab.output_html(2).count('<b id="y">y</b>') == 1
        # the kernel is the project's .venv
        assert os.path.samefile(lab.output_text(3).strip(), venv_python().parent.parent)
        assert lab.display_errors() == [] and lab.error_outputs() == []
        assert lab.is_dirty()

        lab.save()
        assert not lab.is_dirty()
        saved = json.loads(lab.file().read_text())
        outs = [c['outputs'] for c in saved['cells']]
        assert outs[0] == [{'name': 'stdout', 'output_type': 'stream', 'text': ['hi\n']}]
        assert WIDGET_MIME in outs[1][0]['data']
        assert len(outs[2]) == 1 and 'id="y"' in ''.join(outs[2][0]['data']['text/html'])
        assert 'id="x"' not in json.dumps(outs[2])
        assert 'widgets' not in saved['metadata']          # jupyterlab-manager's saveState is off by default

        # reload: the kernel still runs, so the widget manager gets the slider's model back from it
        lab.reload()
        lab.wait_widgets(timeout=20)
        live = widget_shows(lab, 1)
        assert lab.output_text(0) == 'hi' and lab.execution_counts() == [1, 2, 3, 4]
        assert html_display(lab, 2) == (True, False, 1)
        assert not lab.is_dirty()

        # a fresh kernel (as after a server restart) has no widget models: the saved view cannot be shown
        lab.shutdown_kernels()
        lab.reload()
        lab.wait_widgets(timeout=20)
        fresh = widget_shows(lab, 1)
        errors = lab.display_errors()
        assert html_display(lab, 2) == (True, False, 1)
        assert lab.output_text(0) == 'hi'

        record_property('widget_after_reload_live_kernel', live)
        record_property('widget_after_reload_fresh_kernel', fresh)
        record_property('timings', {k: round(v, 2) for k, v in lab.timings.items()})
        print(f'widget after reload: live kernel -> {live!r}; fresh kernel -> {fresh!r}; timings {lab.timings}')
        assert live == 'slider'
        assert fresh == 'Error displaying widget: model not found'
        assert errors == [(1, 'Error displaying widget: model not found')]
    assert time.monotonic() - t0 < 60
