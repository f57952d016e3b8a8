"Every test gets its own empty shared cache, so no test is served by another's recordings; Ctrl-C works as in a terminal."
import signal

import pytest

# A shell that starts `make test` in the background (`cmd &`, no job control) hands it SIGINT ignored, and an ignored
# signal stays ignored across exec: the tests that press Ctrl-C, here and in the CLI processes they start, need it live.
signal.signal(signal.SIGINT, signal.default_int_handler)

@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv('MANIM_NB_CACHE', str(tmp_path_factory.mktemp('cache')))
