"""The client: one browser session as the Streamlit front end speaks it (a websocket to
/_stcore/stream, BackMsg `rerun_script`, ForwardMsgs until `script_finished`), and what a person
opening a page gets: only a heavy page's content note, or through it to the page with its charts drawn."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field

import websockets  # (streamlit's own dependency tree does not include it; the venv does)
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from .servers import Target

RUN_TIMEOUT = 120.0  # seconds for one page run on a very busy machine
CONNECT_TIMEOUT = 60.0
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
FINISHED_OK = {
    ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY"),
    ForwardMsg.ScriptFinishedStatus.Value("FINISHED_FRAGMENT_RUN_SUCCESSFULLY"),
}
GO_ON_KEY = "content_note_go_on"  # the heavy pages' "go on" button (components/shell.py)
CHART_WAITING = "healthy_bonds.chart_waiting"  # a chart's placeholder until charts wake (components/chart_waiting/)


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
            websockets.connect(
                self.target.ws_url(),
                subprotocols=["streamlit"],
                max_size=None,
                open_timeout=CONNECT_TIMEOUT,
                ping_interval=None,
                compression=None,
            ),
            CONNECT_TIMEOUT,
        )

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
