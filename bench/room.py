#!/usr/bin/env python
"""Benchmark the live room: 60 participants answer within 10 s, over Streamlit's own websocket
protocol (bench/lib/session.py's Session), on one process (SQLite store) and on two replicas behind
deploy/nginx.conf sharing one redis-server.

    python bench/room.py                       # both setups, 60 participants in a 10 s window
    python bench/room.py --setups one --participants 30 --window 5

What one run does: a projector session opens Run a session, presses "Open a room" and "Ask this
question" (the plan's first: a 1-5 scale), then polls the room panel's counts fragment every second
the way the browser's `run_every` does (a fragment rerun). Participants each open /join?code=...,
then, at a random moment inside the window, send their answer (the radio's choice and the send
button in one rerun, as the browser does on a click). Measured:
- answers lost or counted twice: the room's answers in the store against what was sent (must be 0);
- participant acknowledgement: from sending the answer to the end of that run showing "your answer
  is in" (p50, p95; target p95 <= 1 s);
- projector update: from an answer's acknowledgement to the end of the first projector poll that
  started after it (p50, p95; target p95 <= 2 s), and the projector's last count (must equal N).
Everything runs on loopback, every process it starts it stops (by pid). Not a test: nothing here
is asserted; the figures are printed and written to bench/results/room-<time>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from bench.lib import measure, servers, session  # noqa: E402
from components.store_open import open_store  # noqa: E402

PLAN = "workshop-90"
ANSWERED = re.compile(r"(\d+) answered so far")


class Recorder:
    """Wraps a session's websocket and keeps every ForwardMsg it received since the last `take`."""

    def __init__(self, ws):
        self.ws, self.seen = ws, []

    async def send(self, data):
        await self.ws.send(data)

    async def recv(self):
        raw = await self.ws.recv()
        self.seen.append(raw)
        return raw

    async def close(self):
        await self.ws.close()

    def take(self) -> list:
        out = [ForwardMsg.FromString(raw) for raw in self.seen]
        self.seen = []
        return out


@dataclass
class Seen:
    """What one run showed: widget ids by user key, alert texts, Markdown, auto-rerun fragments."""

    widgets: dict[str, str] = field(default_factory=dict)  # key suffix -> widget id
    radio_options: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    fragments: list[tuple[float, str]] = field(default_factory=list)  # (interval, fragment id)


def read(msgs: list) -> Seen:
    seen = Seen()
    for fm in msgs:
        kind = fm.WhichOneof("type")
        if kind == "auto_rerun":
            seen.fragments.append((fm.auto_rerun.interval, fm.auto_rerun.fragment_id))
        if kind != "delta" or fm.delta.WhichOneof("type") != "new_element":
            continue
        el = fm.delta.new_element
        etype = el.WhichOneof("type")
        if etype in ("button", "radio", "selectbox"):
            w = getattr(el, etype)
            seen.widgets[w.id.rsplit("-", 1)[-1]] = w.id
            if etype == "radio":
                seen.radio_options = list(w.options)
        elif etype == "bidi_component" and el.bidi_component.component_name == "healthy_bonds.tab_storage":
            # the tab's sessionStorage (components/tab_storage.py): a participant says its token here
            seen.widgets["tab-storage:" + json.loads(el.bidi_component.json)["name"]] = el.bidi_component.id
        elif etype == "alert":
            seen.alerts.append(el.alert.body)
        elif etype == "markdown":
            seen.markdown.append(el.markdown.body)
    return seen


class RoomSession(session.Session):
    """bench/lib/session.py's Session, recording what each run showed; plus a fragment rerun."""

    async def connect(self) -> None:
        await super().connect()
        self.ws = Recorder(self.ws)

    async def run_seen(self, page: str, query: str = "", widgets=None) -> tuple[session.RunResult, Seen]:
        self.ws.take()
        result = await self.run(page, query, widgets)
        return result, read(self.ws.take())

    async def fragment(self, page: str, query: str, fragment_id: str) -> tuple[float, Seen]:
        """One `run_every` tick of a fragment, as the browser sends it: (seconds, what it showed)."""
        self.ws.take()
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string, cs.page_name, cs.page_script_hash = query, page, self.page_hash
        cs.fragment_id, cs.is_auto_rerun = fragment_id, True
        cs.context_info.url = f"{self.target.url.rstrip('/')}/{page}?{query}"
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            fm = ForwardMsg.FromString(await asyncio.wait_for(self.ws.ws.recv(), session.RUN_TIMEOUT))
            self.ws.seen.append(fm.SerializeToString())
            if fm.WhichOneof("type") == "script_finished" and fm.script_finished != session.FINISHED_EARLY:
                break
        return time.perf_counter() - t0, read(self.ws.take())


def _key(seen: Seen, suffix: str) -> str:
    found = [wid for k, wid in seen.widgets.items() if k == suffix or wid.endswith(suffix)]
    if not found:
        raise RuntimeError(f"no widget '{suffix}' on the page (got {sorted(seen.widgets)})")
    return found[0]


async def projector_open(target: servers.Target) -> tuple[RoomSession, str, str, str]:
    """A projector: Run a session, Open a room, Ask the first question. -> (session, query, code, fragment)."""
    s = RoomSession(target)
    await s.connect()
    query = f"plan={PLAN}"
    _, seen = await s.run_seen("run-session", query)
    _, seen = await s.run_seen("run-session", query, [WidgetState(id=_key(seen, "room_open"), trigger_value=True)])
    code = next(m.strip("# ").strip() for m in seen.markdown if re.fullmatch(r"# [A-Z0-9]{5}", m.strip()))
    _, seen = await s.run_seen("run-session", query, [WidgetState(id=_key(seen, "room_ask"), trigger_value=True)])
    counts = [fid for interval, fid in seen.fragments if abs(interval - 1.0) < 1e-6]
    if not counts:
        raise RuntimeError(f"no 1-second fragment on the projector (got {seen.fragments})")
    return s, query, code, counts[-1]


@dataclass
class Participant:
    choice: int
    ack: float | None = None
    acked_at: float | None = None
    error: str | None = None


async def participant(
    target: servers.Target, code: str, start: float, delay: float, p: Participant, gate: asyncio.Semaphore
) -> RoomSession | None:
    s = RoomSession(target)
    try:
        async with gate:  # open the pages a few at a time, before the window
            await s.connect()
            result, seen = await s.run_seen("join", f"code={code}")
            # the tab's token from its sessionStorage, as the browser's component sends it
            token = WidgetState(
                id=_key(seen, "tab-storage:room-token"), json_value=json.dumps({"value": secrets.token_hex(16)})
            )
            result, seen = await s.run_seen("join", f"code={code}", [token])
        if result.error or not seen.radio_options:
            p.error = result.error or "no question on the join page"
            return s
        radio, send = _key(seen, "join_choice_" + code + "_1"), _key(seen, "join_send_1")
        label = seen.radio_options[p.choice]  # 1.67's radio sends the chosen option's label
        await asyncio.sleep(max(0.0, start + delay - time.perf_counter()))
        t0 = time.perf_counter()
        result, seen = await s.run_seen(
            "join",
            f"code={code}",
            [WidgetState(id=radio, string_value=label), WidgetState(id=send, trigger_value=True)],
        )
        t1 = time.perf_counter()
        if result.error or not any("answer is in" in a for a in seen.alerts):
            p.error = result.error or f"no acknowledgement ({seen.alerts})"
        else:
            p.ack, p.acked_at = t1 - t0, t1
    except Exception as e:  # noqa: BLE001 - counted as an error, the run goes on
        p.error = f"{type(e).__name__}: {e}"
    return s


async def one_room(target: servers.Target, store_url: str, n: int, window: float, seed: int) -> dict:
    rng = random.Random(seed)
    proj, query, code, fragment = await projector_open(target)
    people = [Participant(choice=rng.randrange(5)) for _ in range(n)]
    gate = asyncio.Semaphore(6)
    opened = time.perf_counter()
    # every page opened first (that is not what is measured), then the answers inside the window
    loads = n * 0.35 + 2
    start = opened + loads
    delays = sorted(rng.uniform(0, window) for _ in range(n))
    polls: list[tuple[float, float, int]] = []  # (start, end, count shown)
    done = asyncio.Event()

    async def poll() -> None:
        while not done.is_set():
            t0 = time.perf_counter()
            _, seen = await proj.fragment("run-session", query, fragment)
            t1 = time.perf_counter()
            shown = [int(m.group(1)) for text in seen.markdown if (m := ANSWERED.search(text))]
            polls.append((t0, t1, shown[-1] if shown else -1))
            await asyncio.sleep(max(0.0, 1.0 - (t1 - t0)))  # the browser's run_every=1

    poller = asyncio.create_task(poll())
    sessions = await asyncio.gather(
        *(participant(target, code, start, d, p, gate) for d, p in zip(delays, people, strict=True))
    )
    await asyncio.sleep(2.5)
    done.set()
    await poller
    for s in [*sessions, proj]:
        if s is not None:
            await s.close()

    store = open_store(store_url)
    stored = store.hash_get_all(f"room:{code}:1")
    sent = {str(c): 0 for c in range(1, 6)}
    for p in people:
        if p.ack is not None:
            sent[str(p.choice + 1)] += 1
    got = {str(c): 0 for c in range(1, 6)}
    for v in stored.values():
        got[v] = got.get(v, 0) + 1
    acked = [p for p in people if p.ack is not None]
    lost = max(0, len(acked) - len(stored))
    twice = max(0, len(stored) - len(acked))
    mismatch = sum(abs(sent[k] - got.get(k, 0)) for k in sent)
    updates = []
    for p in acked:
        after = [end for begin, end, _ in polls if begin >= p.acked_at]
        if after:
            updates.append(after[0] - p.acked_at)
    acks = [p.ack for p in acked]
    return {
        "participants": n,
        "window_s": window,
        "acknowledged": len(acked),
        "errors": [p.error for p in people if p.error][:5],
        "error_count": sum(1 for p in people if p.error),
        "stored": len(stored),
        "lost": lost,
        "counted_twice": twice,
        "choice_mismatch": mismatch,
        "ack_p50": measure.quantile(acks, 0.5),
        "ack_p95": measure.quantile(acks, 0.95),
        "ack_max": max(acks or [0]),
        "projector_update_p50": measure.quantile(updates, 0.5),
        "projector_update_p95": measure.quantile(updates, 0.95),
        "projector_polls": len(polls),
        "projector_last_count": polls[-1][2] if polls else None,
        "projector_poll_p95": measure.quantile([e - b for b, e, _ in polls], 0.95),
    }


# ------------------------------------------------------------------------------------ setups


def _target(url: str, pids: list[int]) -> servers.Target:
    return servers.app_target(url, pids, name="room")


def setup_one(tmp: Path):
    """One process with the default store (SQLite under a scratch DATA_DIR)."""
    server = servers.app_server(name="room-one", env={"DATA_DIR": str(tmp / "data"), "STORE_URL": ""}).start()
    return _target(server.url, server.pids), f"sqlite:///{tmp / 'data' / 'store.sqlite3'}", [server.stop]


def setup_two(tmp: Path):
    """Two replicas behind deploy/nginx.conf (deploy/lib.sh), sharing one redis-server."""
    port = servers.free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            open_store(url).ping()
            break
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.1)
    stops = [lambda: (redis.terminate(), redis.wait(10))]
    replicas = []
    for i in (1, 2):
        s = servers.app_server(name=f"room-replica-{i}", env={"STORE_URL": url}).start()
        replicas.append(s)
        stops.insert(0, s.stop)
    listen = servers.free_port()
    run_dir = tmp / "nginx"
    run_dir.mkdir()
    script = (
        f'ROOT="{ROOT}" RUN="{run_dir}"; source "{ROOT}/deploy/lib.sh"; '
        f"start_nginx {listen} two {replicas[0].port} {replicas[1].port}"
    )
    subprocess.run(["bash", "-c", script], check=True, env={**os.environ, "PATH": os.environ["PATH"] + ":/usr/sbin"})
    pid = int((run_dir / "nginx-two" / "nginx.pid").read_text())

    def stop_nginx() -> None:
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            pass

    stops.insert(0, stop_nginx)
    return _target(f"http://127.0.0.1:{listen}", [p for s in replicas for p in s.pids]), url, stops


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--setups", default="one,two")
    ap.add_argument("--participants", type=int, default=60)
    ap.add_argument("--window", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    out = {"when": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()), "cpus": os.cpu_count(), "runs": {}}
    for name in args.setups.split(","):
        tmp = Path(tempfile.mkdtemp(prefix=f"hb-room-{name}-"))
        target, store_url, stops = {"one": setup_one, "two": setup_two}[name](tmp)
        try:
            urllib.request.urlopen(target.url + "/_stcore/health", timeout=10).read()
            result = asyncio.run(one_room(target, store_url, args.participants, args.window, args.seed))
        finally:
            for stop in stops:
                stop()
            shutil.rmtree(tmp, ignore_errors=True)
        out["runs"][name] = result
        label = {"one": "1 process, SQLite", "two": "2 replicas behind nginx, Redis"}[name]
        print(
            f"{label}: {result['acknowledged']}/{result['participants']} acknowledged, "
            f"{result['error_count']} errors; lost {result['lost']}, counted twice {result['counted_twice']}, "
            f"choices off {result['choice_mismatch']}; ack p50 {result['ack_p50']:.3f} s, "
            f"p95 {result['ack_p95']:.3f} s (target 1 s: {result['ack_p95'] / 1.0:.2f}x); projector update "
            f"p50 {result['projector_update_p50']:.3f} s, p95 {result['projector_update_p95']:.3f} s "
            f"(target 2 s: {result['projector_update_p95'] / 2.0:.2f}x); projector's last count "
            f"{result['projector_last_count']}"
        )
        if result["errors"]:
            print("  first errors:", result["errors"])
    servers.RESULTS.mkdir(parents=True, exist_ok=True)
    path = servers.RESULTS / f"room-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(out, indent=2))
    print(f"written: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
