"""Content is parsed once per process (again only after a file changes); figures are built once per
distinct input. No timings here: bench/run.py measures speed, these tests check the caching itself."""

from __future__ import annotations

import os
import re

import plotly.graph_objects as go

from components.content import cache as content_module  # the module whose load_content the cache calls
from components.content import load_cached
from components.visual import cached_figure
from conftest import ROOT


def _count_loads(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = content_module.load_content

    def counting(directory=None, locale=None):
        calls.append(str(directory))
        return real(directory, locale)

    monkeypatch.setattr(content_module, "load_content", counting)
    content_module._load_once.cache_clear()
    return calls


def test_load_cached_parses_once_and_returns_the_same_object(content_copy, monkeypatch):
    calls = _count_loads(monkeypatch)
    first = load_cached(content_copy)
    second = load_cached(content_copy)
    assert first.content is not None
    assert second is first and second.content is first.content
    assert len(calls) == 1


def test_load_cached_parses_again_after_a_file_changes(content_copy, monkeypatch):
    calls = _count_loads(monkeypatch)
    first = load_cached(content_copy)
    ui = content_copy / "ui.yaml"
    st = ui.stat()
    os.utime(ui, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a touch: same bytes, new mtime
    second = load_cached(content_copy)
    assert len(calls) == 2
    assert second.content is not None and second.content is not first.content
    assert load_cached(content_copy) is second  # and cached again from then on
    assert len(calls) == 2


def test_load_cached_sees_a_new_file(content_copy, monkeypatch):
    calls = _count_loads(monkeypatch)
    load_cached(content_copy)
    (content_copy / "extra-notes.yaml").write_text("note: not registered, but it is a content file\n")
    load_cached(content_copy)
    assert len(calls) == 2


def test_a_broken_edit_is_reported_and_a_fix_is_picked_up(content_copy, monkeypatch):
    _count_loads(monkeypatch)
    good = load_cached(content_copy)
    ui = content_copy / "ui.yaml"
    text = ui.read_text()
    ui.write_text(text + "\nnot_a_field_of_ui: true\n")
    broken = load_cached(content_copy)
    assert broken.content is None and broken.problems
    ui.write_text(text)
    os.utime(ui, ns=(ui.stat().st_atime_ns, ui.stat().st_mtime_ns + 2_000_000_000))
    fixed = load_cached(content_copy)
    assert fixed.content is not None and fixed.content is not good.content


def test_cached_figure_builds_once_per_distinct_input():
    built: list[tuple] = []

    def builder(n: int, label: str) -> go.Figure:
        built.append((n, label))
        return go.Figure(go.Bar(x=[label], y=[n]))

    a = cached_figure(builder, 3, "x")
    b = cached_figure(builder, 3, "x")
    assert a is b
    assert built == [(3, "x")]
    c = cached_figure(builder, 4, "x")
    assert c is not a
    assert built == [(3, "x"), (4, "x")]


def test_cached_figure_keys_content_by_identity(content_copy, monkeypatch):
    """A content reload is a new object, so figures built from it are built afresh."""
    _count_loads(monkeypatch)
    built: list[int] = []

    def builder(content) -> go.Figure:
        built.append(id(content))
        return go.Figure(go.Bar(x=["terms"], y=[len(content.glossary.terms)]))

    c1 = load_cached(content_copy).content
    cached_figure(builder, c1)
    cached_figure(builder, load_cached(content_copy).content)  # same process, same files: cached
    assert len(built) == 1
    ui = content_copy / "ui.yaml"
    os.utime(ui, ns=(ui.stat().st_atime_ns, ui.stat().st_mtime_ns + 3_000_000_000))
    c2 = load_cached(content_copy).content
    assert c2 is not c1
    cached_figure(builder, c2)
    assert len(built) == 2


# ------------------------------------------------------------------ deployment files
# (the production flags: tests/unit/test_deploy_flags.py)


def test_dockerfile_runs_as_non_root_with_a_health_check():
    docker = (ROOT / "deploy" / "Dockerfile").read_text()
    users = re.findall(r"^USER\s+(\S+)", docker, re.M)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*?/_stcore/health", docker, re.M | re.S)


def test_nginx_config_has_affinity_websockets_gzip_and_static_caching():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    code = "\n".join(line.split("#", 1)[0] for line in conf.splitlines())  # directives, not comments
    assert re.search(r"upstream\s+\w+\s*\{[^}]*\bhash\s+\$\w+\s+consistent;", code) or "ip_hash;" in code
    assert re.search(r"proxy_set_header\s+Upgrade\s+\$http_upgrade;", code)
    assert re.search(r"proxy_set_header\s+Connection\s+\$connection_upgrade;", code)
    assert re.search(r"location\s+/_stcore/stream", code)
    assert re.search(r"\bgzip\s+on;", code) and "application/javascript" in code
    assert re.search(r"location\s+/static/\s*\{[^}]*proxy_cache\s+\w+;", code)


def test_config_keeps_the_measured_runner_setting_and_privacy():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False  # measured: bench/run.py settings
    assert config["browser"]["gatherUsageStats"] is False
    # Production by default, with the README's own command: no file watcher (measured:
    # bench/readme_burst.sh); the README says how to turn it on while editing code.
    assert config["server"]["fileWatcherType"] == "none"
    assert "--server.fileWatcherType auto" in (ROOT / "README.md").read_text()
