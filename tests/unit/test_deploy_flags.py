"""The production flags live in one file, deploy/streamlit-flags, and the three places that start the
app for real read it: deploy/Dockerfile (its CMD), deploy/lib.sh (start_replica) and the benchmarks
(bench/lib/servers.py app_server). Each is run against a stand-in flags file and must start the app
with exactly that file's flags: one that sets a flag itself, or ignores the file, fails here.
Only where to listen (server.address, server.port) is each place's own."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from bench.lib import servers
from conftest import ROOT

FLAGS = ROOT / "deploy" / "streamlit-flags"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
LISTEN = {"server.address", "server.port"}  # each place's own: where the server listens
# A stand-in flags file: other values and one more option than the real one, so a place that
# hard-codes the real flags (or adds its own) starts the app with something else.
STAND_IN = (
    "# a comment, then a blank line\n\n--server.fileWatcherType poll\n--runner.fastReruns false\n"
    "   # an indented comment\n--client.toolbarMode minimal\n"
)
STAND_IN_FLAGS = {"server.fileWatcherType": "poll", "runner.fastReruns": "false", "client.toolbarMode": "minimal"}


def _options(args: list[str]) -> dict[str, str]:
    """`--option value` pairs of a command line (after the script), the last one winning as in click."""
    out: dict[str, str] = {}
    for i, word in enumerate(args):
        if word.startswith("--") and "." in word:
            out[word[2:]] = args[i + 1]
    return out


def _recorder(path: Path, log: Path) -> Path:
    """An executable that writes its arguments and its STREAMLIT_* environment to `log` as JSON."""
    path.write_text(
        "#!/usr/bin/env python3\nimport json, os, sys\n"
        f"json.dump({{'args': sys.argv[1:], 'env': sorted(k for k in os.environ if k.startswith('STREAMLIT_'))}},"
        f" open({str(log)!r}, 'w'))\n"
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}


def test_the_flags_file_names_real_streamlit_options():
    from streamlit import config

    flags = servers.read_flags(FLAGS)
    assert flags["server.fileWatcherType"] == "none"  # measured: bench/README.md, "Settings"
    for option, value in flags.items():
        assert option in config._config_options_template, f"deploy/streamlit-flags: no Streamlit option {option}"
        assert option not in LISTEN, "where to listen differs per place: not a production flag"
        assert value in ("true", "false", "none", "auto", "poll", "viewer", "minimal") or value.isdigit()


def test_read_flags_refuses_a_line_that_is_not_one_flag(tmp_path):
    bad = tmp_path / "flags"
    bad.write_text("--server.headless true --server.port 1\n")
    with pytest.raises(ValueError, match="expected `--option value`"):
        servers.read_flags(bad)


def test_the_bench_starts_the_app_with_exactly_the_flags_file(tmp_path, monkeypatch):
    for key in [k for k in os.environ if k.startswith("STREAMLIT_")]:
        monkeypatch.delenv(key)
    real = servers.app_server()
    assert _options(real.command()).keys() - LISTEN == servers.read_flags(FLAGS).keys()
    stand_in = tmp_path / "streamlit-flags"
    stand_in.write_text(STAND_IN)
    monkeypatch.setattr(servers, "FLAGS_FILE", stand_in)
    app = servers.app_server()
    options = _options(app.command())
    assert {k: v for k, v in options.items() if k not in LISTEN} == STAND_IN_FLAGS
    assert not [k for k in app.env if k.startswith("STREAMLIT_")]
    # A measured variant (bench/run.py settings) goes over the file's flags, not instead of them.
    variant = _options(servers.app_server({"runner.magicEnabled": "true"}).command())
    assert {k: v for k, v in variant.items() if k not in LISTEN} == {**STAND_IN_FLAGS, "runner.magicEnabled": "true"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lib_sh_replica(tmp_path: Path, flags_text: str, extra: str = "") -> dict:
    root = tmp_path / "root"
    (root / "deploy").mkdir(parents=True)
    shutil.copy(ROOT / "deploy" / "lib.sh", root / "deploy" / "lib.sh")
    (root / "deploy" / "streamlit-flags").write_text(flags_text)
    (tmp_path / "run").mkdir()
    log = tmp_path / "started.json"
    py = _recorder(tmp_path / "python", log)
    script = (
        f'ROOT="{root}" RUN="{tmp_path / "run"}" PY="{py}"; source "$ROOT/deploy/lib.sh"; '
        f'start_replica {_free_port()} {extra}; wait "$REPLICA_PID"'
    )
    subprocess.run(["bash", "-c", script], check=True, env=_clean_env(), timeout=60)
    return json.loads(log.read_text())


def test_lib_sh_starts_replicas_with_exactly_the_flags_file(tmp_path):
    started = _lib_sh_replica(tmp_path, STAND_IN)
    assert started["args"][:4] == ["-m", "streamlit", "run", "app.py"]
    assert {k: v for k, v in _options(started["args"]).items() if k not in LISTEN} == STAND_IN_FLAGS
    assert started["env"] == [], f"deploy/lib.sh sets Streamlit options in the environment: {started['env']}"


def test_lib_sh_reads_the_real_file_the_bench_reads(tmp_path):
    started = _lib_sh_replica(tmp_path, FLAGS.read_text())
    assert {k: v for k, v in _options(started["args"]).items() if k not in LISTEN} == servers.read_flags(FLAGS)


def test_lib_sh_gives_a_yardstick_only_the_flags_it_is_given(tmp_path):
    started = _lib_sh_replica(tmp_path, STAND_IN, "app.py . -- --server.headless true")
    assert {k: v for k, v in _options(started["args"]).items() if k not in LISTEN} == {"server.headless": "true"}


def _dockerfile_code() -> list[str]:
    lines = DOCKERFILE.read_text().replace("\\\n", " ").splitlines()  # continuation lines joined
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


def test_dockerfile_sets_no_streamlit_option_but_where_to_listen():
    from streamlit import config

    env_names = {o.env_var: name for name, o in config._config_options_template.items()}
    code = "\n".join(_dockerfile_code())
    set_in_env = {env_names[v] for v in re.findall(r"\b(STREAMLIT_[A-Z_]+)=", code) if v in env_names}
    assert set_in_env <= LISTEN, f"deploy/Dockerfile sets {set_in_env - LISTEN}: put it in deploy/streamlit-flags"
    assert not re.findall(r"--[a-z]+\.[A-Za-z]+", code), (
        "deploy/Dockerfile passes a flag: put it in deploy/streamlit-flags"
    )
    assert re.search(r"^COPY .*\bdeploy/streamlit-flags\s+\./streamlit-flags$", code, re.M)
    assert "!deploy/streamlit-flags" in (ROOT / "deploy" / "Dockerfile.dockerignore").read_text().splitlines()


def test_dockerfile_cmd_starts_the_app_with_exactly_the_flags_file(tmp_path):
    cmd = [ln for ln in _dockerfile_code() if ln.startswith("CMD ")]
    assert len(cmd) == 1
    argv = json.loads(cmd[0][4:])
    assert argv[:2] == ["sh", "-c"]
    # Run the CMD as the container would, in its WORKDIR, with a stand-in `streamlit` on the PATH.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "started.json"
    _recorder(bin_dir / "streamlit", log)
    for stand_in, expected in ((STAND_IN, STAND_IN_FLAGS), (FLAGS.read_text(), servers.read_flags(FLAGS))):
        (tmp_path / "streamlit-flags").write_text(stand_in)
        env = {**_clean_env(), "PATH": f"{bin_dir}:{os.environ['PATH']}"}
        subprocess.run(argv, cwd=tmp_path, env=env, check=True, timeout=30)
        started = json.loads(log.read_text())
        assert started["args"][:2] == ["run", "app.py"]
        assert _options(started["args"]) == expected
