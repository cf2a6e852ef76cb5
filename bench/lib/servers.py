"""Streamlit servers for the benchmarks: the app with the production flags, the yardsticks at
Streamlit's defaults, each on a free loopback port; where to send sessions (Target); memory (RSS)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
REFERENCE = ROOT / "bench" / "reference_app.py"
BARE = ROOT / "bench" / "bare_app.py"
FLAGS_FILE = ROOT / "deploy" / "streamlit-flags"

# What a yardstick needs to run unattended and private: no browser to open, no e-mail prompt, no
# usage statistics. Not production settings: those come from FLAGS_FILE, for the app only.
UNATTENDED: dict[str, str] = {"server.headless": "true", "browser.gatherUsageStats": "false"}


def read_flags(path: Path = FLAGS_FILE) -> dict[str, str]:
    """`--option value` lines of a flags file (deploy/streamlit-flags), comments and blanks skipped."""
    flags: dict[str, str] = {}
    for line in path.read_text().splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) != 2 or not words[0].startswith("--"):
            raise ValueError(f"{path}: expected `--option value`, got {line!r}")
        flags[words[0][2:]] = words[1]
    return flags


def production_flags() -> dict[str, str]:
    """How the app runs in production: deploy/streamlit-flags, which the Dockerfile and
    deploy/lib.sh read too."""
    return read_flags(FLAGS_FILE)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Resident set size of a process, from /proc (kB as the kernel reports it)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Server:
    """One `streamlit run` on a free loopback port (or `launcher` in its place, given the same flags)."""

    def __init__(
        self,
        name: str,
        script: Path,
        cwd: Path,
        flags: dict[str, str],
        env: dict | None = None,
        launcher: list[str] | None = None,
    ):
        self.name, self.script, self.cwd, self.flags = name, script, cwd, flags
        self.launcher = launcher or [sys.executable, "-m", "streamlit", "run", str(script)]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.log_path = RESULTS / f"server-{name}.log"

    def command(self) -> list[str]:
        args = [*self.launcher, "--server.port", str(self.port), "--server.address", "127.0.0.1"]
        for k, v in self.flags.items():
            args += [f"--{k}", v]
        return args

    def start(self) -> Server:
        RESULTS.mkdir(parents=True, exist_ok=True)
        self.log = open(self.log_path, "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            self.command(), cwd=self.cwd, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.name} did not start; see {self.log_path}")

    @property
    def pids(self) -> list[int]:
        return [self.proc.pid] if self.proc else []

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if getattr(self, "log", None):
            self.log.close()


@dataclass
class Target:
    """Somewhere to send sessions: a URL, the processes whose RSS counts, how to open each page."""

    name: str
    url: str
    pids: list[int]
    heavy: set[str] = field(default_factory=set)
    default_page: str = ""  # the page served at "/" (its URL path is "")

    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"

    def rss_kib(self) -> int:
        return sum(rss_kib(p) for p in self.pids)


def app_server(
    flags: dict[str, str] | None = None, name: str = "app", env: dict | None = None, launcher: list[str] | None = None
) -> Server:
    """The app from the project folder: .streamlit/config.toml plus the production flags; `flags`
    only for measuring a variant (bench/run.py settings)."""
    return Server(name, ROOT / "app.py", ROOT, {**production_flags(), **(flags or {})}, env=env, launcher=launcher)


def yardstick_server(source: Path, name: str) -> Server:
    """A yardstick (reference_app.py, bare_app.py) at Streamlit's defaults: an empty working folder
    (no .streamlit/config.toml) and a private HOME (no ~/.streamlit/config.toml of this machine)."""
    home = Path(tempfile.mkdtemp(prefix=f"hb-bench-{name}-"))
    script = home / source.name
    shutil.copy(source, script)
    return Server(name, script, home, dict(UNATTENDED), env={"HOME": str(home)})


def reference_server() -> Server:
    return yardstick_server(REFERENCE, "reference")


def app_target(server_url: str, pids: list[int], name: str = "app") -> Target:
    from components.content import load_content
    from components.navigation import PAGES

    content = load_content()
    heavy = {p.id for p in PAGES if p.id in content.ui.pages and content.ui.pages[p.id].heavy}
    return Target(name, server_url, pids, heavy=heavy, default_page=PAGES[0].id)


def app_pages() -> list[str]:
    from components.navigation import PAGES

    return [p.id for p in PAGES]
