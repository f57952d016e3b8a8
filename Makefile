# manim_nb: `make demo` renders the bundled example offline; `make test` runs every test.
# Both install what is missing first (apt packages, then .venv) and skip what is there.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PKGS := libcairo2-dev libpango1.0-dev pkg-config texlive-latex-base texlive-latex-extra dvisvgm espeak-ng libseccomp2
DEMO_STORYBOARD := examples/pythagoras.yaml
BROWSER_PKGS := chromium chromium-driver

.PHONY: setup apt browser demo test sync-check house nbtest pytest bench clean readme outputs

setup: apt $(VENV)/.installed

# apt: install only the packages that are missing (a ready machine pays one dpkg query).
apt:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	command -v cc >/dev/null 2>&1 || missing="$$missing build-essential"; \
	python3 -c 'import os, sysconfig; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' >/dev/null 2>&1 || missing="$$missing python3-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "apt: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The venv is rebuilt only when the package's requirements change.
$(VENV)/.installed: settings.ini setup.py
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	@# the notebooks' kernel: this .venv, named as the notebooks name it (so JupyterLab opens them unmodified)
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name python3 >/dev/null
	@touch $@

demo: setup
	$(VENV)/bin/manim-nb render $(DEMO_STORYBOARD) -o out/demo --provider offline --tts espeak
	@echo "demo video: out/demo/final.mp4"

# The library must be what the notebooks export, and the notebooks must be clean.
sync-check: setup
	@before=$$(cat manim_nb/*.py nbs/*.ipynb | md5sum); \
	$(VENV)/bin/nbdev_export && $(VENV)/bin/nbdev_clean; \
	after=$$(cat manim_nb/*.py nbs/*.ipynb | md5sum); \
	if [ "$$before" != "$$after" ]; then \
	  echo "FAILED: nbdev_export/nbdev_clean changed files: the library or notebooks were out of sync."; \
	  git status --short -- manim_nb nbs; exit 1; fi; \
	echo "sync-check: library and notebooks in sync, notebooks clean"

# The shape of the house: no import cycles, notebooks in layer order, small export cells, notebooks that show results.
house:
	@python3 tools/nbstats.py --check > /dev/null && python3 tools/nbmeta.py --check && echo "house: no import cycles, layer order kept, export cells <= 60 lines, outputs shown, notebook metadata as JupyterLab writes it"

nbtest: setup
	MANIM_NB_CACHE=$$(mktemp -d) $(VENV)/bin/nbdev_test --n_workers 2 --timing

pytest: setup
	$(VENV)/bin/python -m pytest tests/ -q --durations=12

# browser: Debian's chromium and chromedriver for the browser test (JupyterLab + Selenium); when apt cannot install
# them, the test is skipped and says why.
browser:
	@missing=""; for p in $(BROWSER_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "apt: installing$$missing (for the browser test)"; \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing) \
	    || echo "browser: could not install$$missing; the browser test will be skipped"; \
	fi

test: sync-check house nbtest browser pytest

bench: setup
	$(PY) bench/render.py

readme:
	$(PY) tools/nb2readme.py

# Re-run the notebooks and keep their outputs (after editing a lesson); `make test` checks nothing here.
outputs: setup
	$(PY) tools/nbrun.py

clean:
	rm -rf out _proc nbs/media nbs/out
