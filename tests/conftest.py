"Every test gets its own empty shared cache, so no test is served by another's recordings."
import pytest

@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv('MANIM_NB_CACHE', str(tmp_path_factory.mktemp('cache')))
