#!/usr/bin/env python
"""Benchmark Healthy Bonds against a bare Streamlit page, over Streamlit's own browser protocol.

    .venv/bin/python bench/run.py                 # the full run: warm, burst, memory (about 3-6 min)
    .venv/bin/python bench/run.py settings        # what each server/runner setting changes
    .venv/bin/python bench/run.py burst --target http://127.0.0.1:8080 --pids 123,456 --label "2 replicas"

Both apps run on loopback (127.0.0.1, free ports): the app from the project folder with its
.streamlit/config.toml plus the production flags below (the Dockerfile sets the same), and
bench/reference_app.py from an empty folder at Streamlit's defaults. A client speaks to each the way
the browser does: a websocket to /_stcore/stream, a BackMsg `rerun_script` with the page's URL
path, page hash and query string, then ForwardMsgs until `script_finished`. Nothing leaves the
machine; every loop is bounded (sample counts, session counts, timeouts).

What it measures, in the same run for app and reference:
- warm `run`: median time from sending `rerun_script` to `script_finished`, in a session that has
  already shown the page (what every click costs); heavy pages after their content note is passed;
- warm `open`: median time for a new session (connect + first run) to finish the page;
- burst: N sessions opened at once on the heaviest page, each timed from connect to the end of its
  page run; p50, p95, errors (an error is a refused/closed connection, a timeout, an exception
  element or a page-not-found);
- memory: the server's RSS (VmRSS) with 0, 30 and 100 idle sessions (the burst sessions, kept open).
Every figure is printed with its ratio to the reference. Results also go to bench/results/.
This is a script, not a test: the tests never time anything.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402  (streamlit's own dependency tree does not include it; the venv does)
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from streamlit.components.v2.bidi_component.main import _make_trigger_id  # noqa: E402

RESULTS = ROOT / "bench" / "results"
REFERENCE = ROOT / "bench" / "reference_app.py"

# How the app runs in production. The Dockerfile and deploy/run-replicas.sh set the same values
# (as STREAMLIT_* environment variables); tests/test_performance.py checks that they agree.
PRODUCTION_FLAGS: dict[str, str] = {
    "server.fileWatcherType": "none",  # no per-session file watchers: see the README, "Settings"
    "server.headless": "true",
}
# (runner.postScriptGC = false is in .streamlit/config.toml: it helps wherever the app runs.)

RUN_TIMEOUT = 120.0  # seconds for one page run on a very busy machine
CONNECT_TIMEOUT = 60.0
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
FINISHED_OK = {ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY"),
               ForwardMsg.ScriptFinishedStatus.Value("FINISHED_FRAGMENT_RUN_SUCCESSFULLY")}
GO_ON_KEY = "content_note_go_on"  # the heavy pages' "go on" button (components/shell.py)
CHART_WAITING = "healthy_bonds.chart_waiting"  # a chart's placeholder until charts wake (components/visual.py)


# ------------------------------------------------------------------------------------ servers


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
    """One `streamlit run` on a free loopback port."""

    def __init__(self, name: str, script: Path, cwd: Path, flags: dict[str, str], env: dict | None = None):
        self.name, self.script, self.cwd, self.flags = name, script, cwd, flags
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen | None = None
        RESULTS.mkdir(parents=True, exist_ok=True)
        self.log_path = RESULTS / f"server-{name}.log"

    def start(self) -> Server:
        args = [sys.executable, "-m", "streamlit", "run", str(self.script),
                "--server.port", str(self.port), "--server.address", "127.0.0.1",
                "--browser.gatherUsageStats", "false"]
        for k, v in {"server.headless": "true", **self.flags}.items():
            args += [f"--{k}", v]
        self.log = open(self.log_path, "w")  # noqa: SIM115
        self.proc = subprocess.Popen(args, cwd=self.cwd, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
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


def app_server(flags: dict[str, str] | None = None, name: str = "app") -> Server:
    return Server(name, ROOT / "app.py", ROOT, {**PRODUCTION_FLAGS, **(flags or {})})


def reference_server() -> Server:
    # An empty working folder: no .streamlit/config.toml, so Streamlit's defaults apply.
    # A private HOME too, so no ~/.streamlit/config.toml on this machine changes them.
    home = Path(tempfile.mkdtemp(prefix="hb-bench-ref-"))
    script = home / "reference_app.py"
    shutil.copy(REFERENCE, script)
    return Server("reference", script, home, {}, env={"HOME": str(home)})


def app_target(server_url: str, pids: list[int], name: str = "app") -> Target:
    from components.content import load_content
    from components.navigation import PAGES

    content = load_content()
    heavy = {p.id for p in PAGES if p.id in content.ui.pages and content.ui.pages[p.id].heavy}
    return Target(name, server_url, pids, heavy=heavy, default_page=PAGES[0].id)


def app_pages() -> list[str]:
    from components.navigation import PAGES

    return [p.id for p in PAGES]


# ------------------------------------------------------------------------------------ client


@dataclass
class RunResult:
    seconds: float
    error: str = ""
    page_hash: str = ""
    buttons: dict[str, str] = field(default_factory=dict)  # widget id -> label
    waiting_charts: list[str] = field(default_factory=list)  # ids of chart placeholders
    messages: int = 0
    bytes: int = 0
    elements: int = 0


class Session:
    """One browser session, as the Streamlit frontend speaks it."""

    def __init__(self, target: Target):
        self.target = target
        self.ws = None
        self.page_hash = ""

    async def connect(self) -> None:
        self.ws = await asyncio.wait_for(
            websockets.connect(self.target.ws_url(), subprotocols=["streamlit"], max_size=None,
                               open_timeout=CONNECT_TIMEOUT, ping_interval=None, compression=None),
            CONNECT_TIMEOUT)

    async def close(self) -> None:
        if self.ws is not None:
            try:
                await asyncio.wait_for(self.ws.close(), 10)
            except Exception:  # noqa: BLE001 - closing a dead socket
                pass
            self.ws = None

    def _path(self, page: str) -> str:
        return "" if page == self.target.default_page else page

    async def run(self, page: str, query: str = "", widgets: list[WidgetState] | None = None) -> RunResult:
        """Ask for one full run of `page`; read ForwardMsgs until that run has finished."""
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query
        cs.page_name = self._path(page)
        cs.page_script_hash = self.page_hash
        cs.context_info.url = f"{self.target.url.rstrip('/')}/{self._path(page)}" + (f"?{query}" if query else "")
        cs.context_info.timezone = "UTC"
        cs.context_info.timezone_offset = 0
        cs.context_info.locale = "en-GB"
        for w in widgets or []:
            cs.widget_states.widgets.append(w)
        result = RunResult(0.0)
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        deadline = t0 + RUN_TIMEOUT
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                result.error = "timeout"
                break
            raw = await asyncio.wait_for(self.ws.recv(), remaining)
            result.messages += 1
            result.bytes += len(raw)
            fm = ForwardMsg.FromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "new_session" and not result.page_hash:
                result.page_hash = fm.new_session.page_script_hash  # a single-page app: its script
            elif kind == "navigation":
                # st.navigation names the page it ran; the browser sends that hash on every rerun
                # (new_session carries the main script's hash, which would rerun the default page).
                result.page_hash = fm.navigation.page_script_hash
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                result.elements += 1
                el = fm.delta.new_element
                etype = el.WhichOneof("type")
                if etype == "exception":
                    result.error = result.error or f"exception: {el.exception.type}: {el.exception.message[:120]}"
                elif etype == "button":
                    result.buttons[el.button.id] = el.button.label
                elif etype == "bidi_component" and el.bidi_component.component_name.endswith(CHART_WAITING):
                    result.waiting_charts.append(el.bidi_component.id)
            elif kind == "page_not_found":
                result.error = result.error or f"page not found: {page}"
            elif kind == "script_finished":
                if fm.script_finished == FINISHED_EARLY:
                    continue  # st.rerun(): the next run follows in this same request
                if fm.script_finished not in FINISHED_OK:
                    result.error = result.error or f"script finished with status {fm.script_finished}"
                break
        result.seconds = time.perf_counter() - t0
        if result.page_hash:
            self.page_hash = result.page_hash
        return result

    async def open_page(self, page: str, query: str = "", through_note: bool = True) -> RunResult:
        """What a person opening the page gets: the page itself (a heavy page's note passed, unless
        through_note is False: then only the first script run, which shows the note), with its
        charts drawn: a page's charts wait as placeholders until one scrolls into view, and the
        browser then sends the placeholder's "seen" trigger, as done here."""
        result = await self.run(page, query)
        if result.error:
            return result
        if page in self.target.heavy and through_note:
            go_on = [wid for wid in result.buttons if wid.endswith(GO_ON_KEY)]
            if not go_on:
                result.error = "heavy page without its content note"
                return result
            result = await self._follow(result, page, query, [WidgetState(id=go_on[0], trigger_value=True)])
        if result.waiting_charts and not result.error:
            seen = json.dumps([{"event": "seen", "value": True}])
            trigger = WidgetState(id=_make_trigger_id(result.waiting_charts[0], "events"), json_trigger_value=seen)
            result = await self._follow(result, page, query, [trigger])
            if result.waiting_charts:
                result.error = result.error or "charts still waiting after the seen trigger"
        return result

    async def _follow(self, before: RunResult, page: str, query: str, widgets: list[WidgetState]) -> RunResult:
        after = await self.run(page, query, widgets)
        after.seconds += before.seconds
        return after


# ------------------------------------------------------------------------------------ measurements


def quantile(values: list[float], q: float) -> float:
    """Nearest-rank quantile (p95 of 30 values is the 29th smallest)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-q * len(s) // 1)) - 1))
    return s[k]


async def warm(target: Target, page: str, runs: int, opens: int, warmup: int = 3) -> dict:
    """Median run (same session) and median open (new session) of one page, after warming up."""
    errors: list[str] = []
    s = Session(target)
    await s.connect()
    try:
        r = await s.open_page(page)
        size = r.bytes  # what a first open sends (later runs reuse cached messages)
        if r.error:
            errors.append(r.error)
        for _ in range(warmup):
            await s.run(page)
        times = []
        for _ in range(runs):
            r = await s.run(page)
            times.append(r.seconds)
            if r.error:
                errors.append(r.error)
    finally:
        await s.close()
    open_times = []
    for _ in range(opens):
        s = Session(target)
        t0 = time.perf_counter()
        try:
            await s.connect()
            r = await s.open_page(page)
            open_times.append(time.perf_counter() - t0)
            if r.error:
                errors.append(r.error)
        finally:
            await s.close()
    return {"page": page, "run_median": statistics.median(times), "run_p95": quantile(times, 0.95),
            "open_median": statistics.median(open_times) if open_times else float("nan"),
            "bytes": size, "errors": sorted(set(errors))}


async def burst(target: Target, page: str, n: int, settle: float = 2.0, through_note: bool = False) -> dict:
    """n sessions opened at once; each timed from connect to the end of its page run.

    The sessions stay open (idle) while the server's RSS is read, then all are closed."""
    sessions = [Session(target) for _ in range(n)]
    gate = asyncio.Event()

    async def one(s: Session) -> tuple[float, str]:
        await gate.wait()
        t0 = time.perf_counter()
        try:
            await s.connect()
            r = await s.open_page(page, through_note=through_note)
            return time.perf_counter() - t0, r.error
        except Exception as e:  # noqa: BLE001 - every failure counts as an error, none stops the burst
            return time.perf_counter() - t0, f"{type(e).__name__}: {e}"[:160]

    tasks = [asyncio.create_task(one(s)) for s in sessions]
    await asyncio.sleep(0.05)
    gate.set()
    results = await asyncio.gather(*tasks)
    await asyncio.sleep(settle)
    rss = target.rss_kib()
    await asyncio.gather(*(s.close() for s in sessions))
    ok = [t for t, e in results if not e]
    errs = [e for _, e in results if e]
    return {"page": page, "n": n, "through_note": through_note and page in target.heavy, "p50": quantile(ok, 0.5), "p95": quantile(ok, 0.95),
            "max": max(ok) if ok else float("nan"), "errors": len(errs),
            "error_kinds": sorted(set(errs))[:5], "rss_idle_kib": rss}


async def idle_rss(target: Target, settle: float = 3.0) -> int:
    await asyncio.sleep(settle)
    return target.rss_kib()


# ------------------------------------------------------------------------------------ reporting


def machine() -> dict:
    def sh(cmd: str) -> str:
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001
            return "?"

    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    import streamlit

    return {"nproc": sh("nproc"), "cpu": cpu, "free_h": sh("free -h"), "loadavg": sh("cat /proc/loadavg"),
            "python": platform.python_version(), "streamlit": streamlit.__version__,
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b and b == b and a == a else "n/a"


def ms(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x == x else "n/a"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def table(rows: list[list[str]], head: list[str]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def save(name: str, data: dict, text: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    (RESULTS / f"{name}-{stamp}.json").write_text(json.dumps(data, indent=2, default=str))
    (RESULTS / f"{name}-latest.md").write_text(text + "\n")
    print(f"\n(saved bench/results/{name}-latest.md and {name}-{stamp}.json)")


def machine_text(m: dict, m_end: dict | None = None) -> str:
    mem = next((ln for ln in m["free_h"].splitlines() if ln.startswith("Mem:")), "").split()
    lines = [f"Machine: {m['nproc']} cores ({m['cpu']}), memory {mem[1] if len(mem) > 1 else '?'} total; "
             f"Python {m['python']}, Streamlit {m['streamlit']}; {m['when']}.",
             f"Load average at start: {m['loadavg']}" + (f"; at end: {m_end['loadavg']}" if m_end else "") + "."]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------ commands


async def cmd_all(args) -> None:
    m0 = machine()
    pages = args.pages.split(",") if args.pages else app_pages()
    app = app_server().start()
    ref = reference_server().start()
    try:
        at = app_target(app.url, app.pids)
        rt = Target("reference", ref.url, ref.pids)
        # Warm both servers (imports, content, figure caches), then idle RSS with no session open.
        for p in pages:
            s = Session(at)
            await s.connect()
            await s.open_page(p)
            await s.close()
        s = Session(rt)
        await s.connect()
        await s.open_page("")
        await s.close()
        rss0 = {"app": await idle_rss(at), "reference": await idle_rss(rt, 0)}
        print(f"idle RSS, 0 sessions: app {mib(rss0['app'])}, reference {mib(rss0['reference'])}")

        # Interleave app pages and reference so machine load hits both alike.
        warm_app, warm_ref = {}, []
        for p in pages:
            warm_ref.append(await warm(rt, "", args.runs, args.opens))
            warm_app[p] = await warm(at, p, args.runs, args.opens)
            w = warm_app[p]
            print(f"warm {p:<22} run {ms(w['run_median']):>8}  open {ms(w['open_median']):>8}"
                  f"  {w['bytes'] / 1024:.0f} KiB  {'; '.join(w['errors'])}")
        ref_run = statistics.median(w["run_median"] for w in warm_ref)
        ref_open = statistics.median(w["open_median"] for w in warm_ref)
        ref_bytes = warm_ref[-1]["bytes"]
        print(f"warm {'(reference)':<22} run {ms(ref_run):>8}  open {ms(ref_open):>8}  {ref_bytes / 1024:.0f} KiB")

        heaviest = args.page or max(pages, key=lambda p: warm_app[p]["run_median"])
        bursts = {}
        for n in args.sizes:
            bursts[n] = {"reference": await burst(rt, "", n), "app": await burst(at, heaviest, n)}
            b = bursts[n]
            if n == args.sizes[0] and heaviest in at.heavy:
                b["app_through_note"] = await burst(at, heaviest, n, through_note=True)
            print(f"burst {n}: app p50 {ms(b['app']['p50'])} p95 {ms(b['app']['p95'])} errors {b['app']['errors']}"
                  f" | reference p50 {ms(b['reference']['p50'])} p95 {ms(b['reference']['p95'])}"
                  f" errors {b['reference']['errors']}")
    finally:
        app.stop()
        ref.stop()
    m1 = machine()

    rows = []
    for p in pages:
        w = warm_app[p]
        rows.append([f"warm run: {p}" + (" (heavy)" if p in at.heavy else ""), ms(w["run_median"]), ms(ref_run),
                     ratio(w["run_median"], ref_run)])
    slowest = max(pages, key=lambda p: warm_app[p]["run_median"])
    rows.append([f"**slowest page warm run** ({slowest})", ms(warm_app[slowest]["run_median"]), ms(ref_run),
                 f"**{ratio(warm_app[slowest]['run_median'], ref_run)}** (target <= 0.70x)"])
    slow_open = max(pages, key=lambda p: warm_app[p]["open_median"])
    rows.append([f"slowest page warm open, new session ({slow_open})", ms(warm_app[slow_open]["open_median"]),
                 ms(ref_open), ratio(warm_app[slow_open]["open_median"], ref_open)])
    for n, b in bursts.items():
        a, r = b["app"], b["reference"]
        tgt = " (target <= 0.85x)" if n == 30 else ""
        note = " (first run: its content note)" if heaviest in at.heavy else ""
        rows.append([f"burst {n} on {heaviest}{note}: p50", ms(a["p50"]), ms(r["p50"]), ratio(a["p50"], r["p50"])])
        rows.append([f"burst {n} on {heaviest}{note}: **p95**", ms(a["p95"]), ms(r["p95"]),
                     f"**{ratio(a['p95'], r['p95'])}**{tgt}"])
        rows.append([f"burst {n}: errors", f"{a['errors']} of {n}", f"{r['errors']} of {n}", ""])
        if "app_through_note" in b:
            t = b["app_through_note"]
            rows.append([f"burst {n} on {heaviest}, content note passed (2 runs each): p50 / p95",
                         f"{ms(t['p50'])} / {ms(t['p95'])}", f"{ms(r['p50'])} / {ms(r['p95'])}",
                         f"{ratio(t['p50'], r['p50'])} / {ratio(t['p95'], r['p95'])}; errors {t['errors']}"])
    rows.append(["server RSS, 0 sessions", mib(rss0["app"]), mib(rss0["reference"]), ratio(rss0["app"], rss0["reference"])])
    for n, b in bursts.items():
        a, r = b["app"], b["reference"]
        rows.append([f"server RSS, {n} idle sessions", mib(a["rss_idle_kib"]), mib(r["rss_idle_kib"]),
                     ratio(a["rss_idle_kib"], r["rss_idle_kib"])])
    text = "\n".join([
        "### Benchmark (bench/run.py)", "",
        machine_text(m0, m1), "",
        f"App flags: {' '.join(f'--{k} {v}' for k, v in PRODUCTION_FLAGS.items())} (plus .streamlit/config.toml); "
        f"reference: bench/reference_app.py at Streamlit defaults. {args.runs} warm runs and {args.opens} "
        "new-session opens per page; times in ms, ratio = app / reference.", "",
        table(rows, ["figure", "app", "reference", "ratio"]),
    ])
    print("\n" + text)
    errors = {p: w["errors"] for p, w in warm_app.items() if w["errors"]}
    if errors:
        print("\nERRORS in warm runs:", errors)
    save("bench", {"machine_start": m0, "machine_end": m1, "warm_app": warm_app, "warm_ref": warm_ref,
                   "rss0": rss0, "bursts": bursts, "heaviest": heaviest}, text)


def last_heaviest() -> str:
    """The burst page of the latest full run (bench/results/bench-*.json), if any."""
    runs = sorted(RESULTS.glob("bench-2*.json"))
    return json.loads(runs[-1].read_text()).get("heaviest", "") if runs else ""


SETTING_VARIANTS: list[tuple[str, dict[str, str]]] = [
    ("Streamlit defaults for both: file watcher auto, postScriptGC on",
     {"server.fileWatcherType": "auto", "runner.postScriptGC": "true"}),
    ("file watcher off, postScriptGC on", {"server.fileWatcherType": "none", "runner.postScriptGC": "true"}),
    ("file watcher auto, postScriptGC off (config.toml alone: development)", {"server.fileWatcherType": "auto"}),
    ("production: both off", {}),
    ("production + runner.fastReruns=false", {"runner.fastReruns": "false"}),
    ("production + runner.magicEnabled=true", {"runner.magicEnabled": "true"}),
    ("production + server.enableStaticServing=true", {"server.enableStaticServing": "true"}),
    ("production + client.toolbarMode=auto", {"client.toolbarMode": "auto"}),
]


async def cmd_settings(args) -> None:
    m0 = machine()
    pages = app_pages()
    page = args.page or last_heaviest() or pages[-1]
    rows = []
    data = []
    chosen = [SETTING_VARIANTS[int(i)] for i in args.variants.split(",")] if args.variants else SETTING_VARIANTS
    for label, flags in chosen:
        server = app_server(flags, name="settings").start()
        try:
            t = app_target(server.url, server.pids)
            s = Session(t)
            await s.connect()
            await s.open_page(page)
            await s.close()
            w = await warm(t, page, args.runs, args.opens)
            b = await burst(t, page, args.n)
        finally:
            server.stop()
        data.append({"label": label, "flags": flags, "warm": w, "burst": b})
        rows.append([label, ms(w["run_median"]), ms(w["open_median"]), ms(b["p95"]), str(b["errors"]),
                     mib(b["rss_idle_kib"])])
        print(" | ".join(rows[-1]))
    m1 = machine()
    text = "\n".join([
        f"### Settings (bench/run.py settings, page `{page}`)", "", machine_text(m0, m1), "",
        table(rows, ["app run with", "warm run", "warm open", f"burst {args.n} p95", "errors",
                     f"RSS, {args.n} idle sessions"]),
    ])
    print("\n" + text)
    save("settings", {"machine_start": m0, "machine_end": m1, "variants": data}, text)


async def cmd_burst(args) -> None:
    """The burst (and idle RSS) against running servers, e.g. replicas behind nginx."""
    m0 = machine()
    pid_lists = (args.pids or []) + [""] * len(args.target)
    targets = [app_target(u, [int(p) for p in pid_lists[i].split(",") if p], name=lbl)
               for i, (u, lbl) in enumerate(zip(args.target, args.label, strict=True))]
    ref = reference_server().start() if not args.no_reference else None
    rows = []
    data = {}
    try:
        rt = Target("reference", ref.url, ref.pids) if ref else None
        if rt:
            s = Session(rt)
            await s.connect()
            await s.open_page("")
            await s.close()
        for t in targets:  # warm every replica behind the target: a few sessions each
            for _ in range(4):
                s = Session(t)
                await s.connect()
                await s.open_page(args.page)
                await s.close()
        for n in args.sizes:
            r = await burst(rt, "", n) if rt else None
            for t in targets:
                b = await burst(t, args.page, n)
                data[f"{t.name} {n}"] = b
                rows.append([f"{t.name}: burst {n} on {args.page}", ms(b["p50"]), ms(b["p95"]),
                             ratio(b["p95"], r["p95"]) if r else "", f"{b['errors']} of {n}",
                             mib(b["rss_idle_kib"]) if b["rss_idle_kib"] else ""])
                print(" | ".join(rows[-1]))
            if r:
                data[f"reference {n}"] = r
                rows.append([f"reference (direct): burst {n}", ms(r["p50"]), ms(r["p95"]), "1.00x",
                             f"{r['errors']} of {n}", mib(r["rss_idle_kib"])])
                print(" | ".join(rows[-1]))
    finally:
        if ref:
            ref.stop()
    m1 = machine()
    text = "\n".join([
        "### Burst through the proxy (bench/run.py burst)", "", machine_text(m0, m1), "",
        table(rows, ["target", "p50", "p95", "p95 / reference", "errors", "RSS, idle sessions (all replicas)"]),
    ])
    print("\n" + text)
    save(args.save_as, {"machine_start": m0, "machine_end": m1, "bursts": data}, text)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    a = sub.add_parser("all", help="warm, burst and memory for every page and the reference (default)")
    s = sub.add_parser("settings", help="warm run and burst of one page under each setting variant")
    b = sub.add_parser("burst", help="burst against already running servers (e.g. nginx in front of replicas)")
    for p in (ap, a):
        p.add_argument("--pages", default="", help="comma-separated page ids (default: every page in PAGES)")
        p.add_argument("--page", default="", help="the burst page (default: the page with the slowest warm run)")
        p.add_argument("--runs", type=int, default=15)
        p.add_argument("--opens", type=int, default=5)
        p.add_argument("--sizes", type=lambda x: [int(v) for v in x.split(",")], default=[30, 100])
    s.add_argument("--page", default="")
    s.add_argument("--runs", type=int, default=15)
    s.add_argument("--opens", type=int, default=3)
    s.add_argument("--n", type=int, default=30)
    s.add_argument("--variants", default="", help="comma-separated indices into SETTING_VARIANTS (default: all)")
    b.add_argument("--target", action="append", required=True, help="base URL; repeat for several")
    b.add_argument("--label", action="append", required=True, help="one label per --target")
    b.add_argument("--pids", action="append", help="comma-separated server pids whose RSS to add up; one per --target")
    b.add_argument("--page", required=True)
    b.add_argument("--sizes", type=lambda x: [int(v) for v in x.split(",")], default=[30, 100])
    b.add_argument("--no-reference", action="store_true")
    b.add_argument("--save-as", default="replicas")
    args = ap.parse_args(argv)
    cmd = args.cmd or "all"
    asyncio.run({"all": cmd_all, "settings": cmd_settings, "burst": cmd_burst}[cmd](args))


if __name__ == "__main__":
    main()
