"README.md says what nbs/index.ipynb says."
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def test_readme_in_step_with_index():
    readme_text = runpy.run_path(str(ROOT/'tools'/'nb2readme.py'))['readme_text']
    assert (ROOT/'README.md').read_text() == readme_text(), 'run: python tools/nb2readme.py'
