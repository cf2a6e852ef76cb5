"""pyproject.toml holds the project's metadata and tool settings: its version is components.__version__ (read
by setuptools, so there is one number), it keeps pytest's settings (pytest.ini is gone), and the test command
runs ruff and mypy before the tests."""

from __future__ import annotations

import importlib
import re
import tomllib

from conftest import ROOT

PYPROJECT = ROOT / "pyproject.toml"


def pyproject() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def test_the_packaged_version_is_components_version():
    config = pyproject()
    assert config["project"]["name"] == "healthy-bonds"
    assert config["project"]["requires-python"] == ">=3.11"
    assert "version" not in config["project"] and config["project"]["dynamic"] == ["version"]
    module, _, name = config["tool"]["setuptools"]["dynamic"]["version"]["attr"].rpartition(".")
    assert re.fullmatch(r"\d+\.\d+\.\d+", getattr(importlib.import_module(module), name))


def test_pytest_settings_live_in_pyproject():
    assert not (ROOT / "pytest.ini").exists()
    options = pyproject()["tool"]["pytest"]["ini_options"]
    assert options["testpaths"] == ["tests"]
    assert "--strict-markers" in options["addopts"].split()
    assert {m.split(":")[0] for m in options["markers"]} == {"unit", "pages", "content", "browser", "slow"}
    assert options["timeout"] == 600
    assert "ignore::DeprecationWarning" in options["filterwarnings"]


def test_the_test_command_runs_ruff_and_mypy_before_pytest():
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    ruff, fmt, mypy, pytest = (
        script.index(cmd) for cmd in ("-m ruff check .", "-m ruff format --check .", "-m mypy components", "-m pytest")
    )
    assert ruff < fmt < mypy < pytest
    assert "unset SKIP_CHECKS" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
