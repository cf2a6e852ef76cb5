"""Pairing a notes device, on screen (components/facilitate/pairing.py is the logic): the laptop's pairing
box on Run a session, the notes device's code form and what it is told while it waits or after
it was refused, unpaired or the pairing ended; and each side's identity in its tab.

The laptop keeps "<pairing id>:<its key>" and the notes device "<pairing id>:<its token>" in the
tab's sessionStorage (components/tab_storage.py), so a reload or another replica keeps the pairing
and closing the tab forgets it; never in the URL. The shown code and its QR code appear only when
the facilitator asks (Pair, or Show the code), only on Run a session, and hide once a device is
paired. A device that asks is named by its kind and time only ("Phone · asked 10:42").
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import streamlit as st

from components import language_ui, tab_storage
from components.facilitate import pairing, running, tab
from components.facilitate.pairing import Claim, DeviceState
from components.facilitate.pairing_guard import device_kind, is_laptop
from components.qr import qr_svg
from components.text import callout, caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile
    from components.url_state import PageUrl

SHOW_CODE = "pair_show_code"  # the facilitator asked to see the shown code
CODE_INPUT = "notes_code_input"  # the notes device's code field
CONNECT_PROBLEM = "notes_problem"  # why the last code typed there did not pair (a Claim value)
LAPTOP_STORAGE = "pair-laptop"
NOTES_STORAGE = "notes-pair"
POLL_SECONDS = 2


def _tab_identity(state_key: str, storage: str, secret_key: str | None = None) -> str | None:
    """Keep the tab's note of this side's pairing in step with the session; the tab's value (or
    None) when the session has none yet. `secret_key`: where the laptop keeps its key."""
    write = None
    if state_key in st.session_state:
        held = st.session_state[state_key]
        if secret_key is not None:
            write = f"{held}:{st.session_state.get(secret_key) or ''}" if held else ""
        else:
            write = f"{held[0]}:{held[1]}" if held else ""
    value = tab_storage.read(storage, write=write)
    return None if state_key in st.session_state else value


def laptop_identity() -> None:
    """The laptop's pairing back after a reload (its id and key from the tab), if still live."""
    value = _tab_identity(tab.PAIR, LAPTOP_STORAGE, tab.PAIR_KEY)
    if not value:
        return
    code, _, key = value.partition(":")
    p = pairing.STORE.get(code)
    if p is None and pairing.STORE.unavailable:
        return  # try again on the next run
    if p is not None and is_laptop(p, key):
        st.session_state[tab.PAIR], st.session_state[tab.PAIR_KEY] = p.code, key
        st.session_state[tab.PAIR_SEEN] = p.version
    else:
        st.session_state[tab.PAIR] = st.session_state[tab.PAIR_KEY] = None


def notes_identity() -> tuple[str, str] | None:
    """The notes device's (pairing id, token): from this session, or back from the tab."""
    value = _tab_identity(tab.NOTES, NOTES_STORAGE)
    if value:
        code, _, token = value.partition(":")
        st.session_state[tab.NOTES] = (code, token) if code and token else None
    return st.session_state.get(tab.NOTES)


def forget_notes() -> None:
    st.session_state[tab.NOTES] = None


def _when(ts: float) -> str:
    try:
        zone = ZoneInfo(st.context.timezone) if st.context.timezone else None
    except Exception:  # noqa: BLE001 - an unknown zone name, or no context (tests): the server's
        zone = None
    return datetime.fromtimestamp(ts, tz=zone).strftime("%H:%M")


def device_name(labels, kind: str, at: float, template: str) -> str:
    return labels[template].format(device=labels.get(f"facilitate_device_{kind}", kind), time=_when(at))


# --------------------------------------------------------------------------- the laptop


def _pair(plan: WorkshopFile, index: int) -> None:
    p = pairing.STORE.create(plan.id, index)
    if p is None:  # the store is not answering: pair_box says so
        return
    st.session_state[tab.PAIR], st.session_state[tab.PAIR_KEY] = p.code, p.key
    st.session_state[tab.PAIR_SEEN] = p.version
    st.session_state[SHOW_CODE] = True  # asking to pair is asking for the code


def _laptop(action: str) -> None:
    """Allow, refuse or unpair (each changes the shown code and hides it), or end the pairing."""
    code, key = st.session_state.get(tab.PAIR), running.laptop_key()
    st.session_state[SHOW_CODE] = False
    if not code:
        return
    if action == "end":
        pairing.STORE.end(code, key)
        st.session_state[tab.PAIR] = st.session_state[tab.PAIR_KEY] = None
        return
    p = getattr(pairing.STORE, action)(code, key)
    if p is not None:
        st.session_state[tab.PAIR_SEEN] = p.version


def _show_code(showing: bool) -> None:
    st.session_state[SHOW_CODE] = showing


def pair_box(content: Content, plan: WorkshopFile, index: int) -> None:
    """The laptop's side: Pair; then "Allow this device?" when one asks, the paired device and
    Unpair, or the code (only when asked for); Stop pairing. Reruns when the other side moves."""
    labels = content.ui.labels
    code = st.session_state.get(tab.PAIR)
    p = pairing.STORE.get(code) if code else None
    if code and p is None and not pairing.STORE.unavailable:
        st.session_state[tab.PAIR] = st.session_state[tab.PAIR_KEY] = None
        code = None
    if pairing.STORE.unavailable:
        callout("warning", labels["facilitate_pair_unavailable"])
    if not code:
        st.button(
            labels["facilitate_pair_start"],
            key="pair_start",
            icon=":material/devices:",
            on_click=_pair,
            args=(plan, index),
        )
        return
    if p is None:
        return
    with st.container(key="pair_box"):
        if p.pending:
            with st.container(key="pair_pending"):
                callout(
                    "warning",
                    labels["facilitate_pair_allow_question"].format(
                        device=device_name(labels, p.pending_kind, p.pending_at, "facilitate_pair_asked")
                    ),
                )
                with st.container(horizontal=True):
                    st.button(
                        labels["facilitate_pair_allow"],
                        key="pair_allow",
                        type="primary",
                        icon=":material/check:",
                        on_click=_laptop,
                        args=("confirm",),
                    )
                    st.button(
                        labels["facilitate_pair_refuse"],
                        key="pair_refuse",
                        icon=":material/block:",
                        on_click=_laptop,
                        args=("refuse",),
                    )
        elif p.device:
            with st.container(key="pair_paired"):
                md(
                    labels["facilitate_pair_paired_to"].format(
                        device=device_name(labels, p.device_kind, p.device_at, "facilitate_pair_paired")
                    )
                )
                st.button(
                    labels["facilitate_pair_unpair"],
                    key="pair_unpair",
                    icon=":material/link_off:",
                    on_click=_laptop,
                    args=("unpair",),
                )
        elif st.session_state.get(SHOW_CODE):
            with st.container(border=True, key="pair_code_box"):
                caption(labels["facilitate_pair_code"])
                md(f"## {p.join}")
                _pair_qr(content.ui, p.join)
                md(labels["facilitate_pair_how"].format(hours=int(pairing.STORE.idle_seconds // 3600)))
            st.button(
                labels["facilitate_pair_hide"],
                key="pair_hide",
                icon=":material/visibility_off:",
                on_click=_show_code,
                args=(False,),
            )
        else:
            caption(labels["facilitate_pair_hidden"])
            st.button(
                labels["facilitate_pair_show"],
                key="pair_show",
                icon=":material/qr_code:",
                on_click=_show_code,
                args=(True,),
            )
    st.button(labels["facilitate_pair_end"], key="pair_end", on_click=_laptop, args=("end",))
    running.watch_notes_device(content)


def _pair_qr(ui, code: str) -> None:
    """A QR code and the link it holds, so a phone joins by scanning: the app's own address as this
    browser sees it (drawn here, no other host). Only on the facilitator's Run a session view,
    never on a projected page."""
    link = pairing.notes_url(st.context.url, code, lang=language_ui.asked())
    if link is None:
        return
    labels = ui.labels
    with st.container(key="pair_qr"):
        # an <img> of an SVG data: URL (the sanitiser of st.html drops inline SVG); alt names it
        st.image(qr_svg(link, labels["facilitate_pair_qr"]), alt=labels["facilitate_pair_qr"], width=246)
        caption(labels["facilitate_pair_link"])
        md(f"[{link}]({link})")


# --------------------------------------------------------------------------- the notes device


def _connect(url: PageUrl) -> None:
    try:
        agent = st.context.headers.get("User-Agent")
    except Exception:  # noqa: BLE001 - no request headers (tests)
        agent = None
    # A tap on Connect while the page is still loading can reach us before the box's filled-in
    # value does (seen on a busy machine): the code in the QR code's link is what was meant.
    typed = st.session_state.get(CODE_INPUT) or url.get("pair") or ""
    state, code, token = pairing.STORE.claim(typed, device_kind(agent))
    st.session_state[CODE_INPUT] = ""
    st.session_state[CONNECT_PROBLEM] = None if state is Claim.PENDING else state.value
    if state is Claim.PENDING:
        st.session_state[tab.NOTES] = (code, token)
        url.set("pair", None)


def connect_form(ui, url: PageUrl) -> None:
    """The notes device's side: the code shown on the laptop (filled in from the QR code's link)."""
    labels = ui.labels
    asked = url.get("pair")
    if asked and CODE_INPUT not in st.session_state:
        st.session_state[CODE_INPUT] = asked
    with st.form("notes_connect", border=False):
        st.text_input(labels["facilitate_code_input"], key=CODE_INPUT, max_chars=12, autocomplete="off")
        st.form_submit_button(labels["facilitate_code_connect"], on_click=_connect, args=(url,), type="primary")
    problem = st.session_state.get(CONNECT_PROBLEM)
    if pairing.STORE.unavailable or (asked and not pairing.STORE.reachable()):
        callout("warning", labels["facilitate_pair_unavailable"])
    elif problem == Claim.IN_USE.value:
        callout("warning", labels["facilitate_notes_in_use"])
    elif problem:
        callout("warning", labels["facilitate_code_unknown"])


def confirmed_device(content: Content, url: PageUrl) -> tuple[str, str, pairing.Pairing] | None:
    """The notes device's (pairing id, token, pairing) when it is the confirmed device; else None,
    with the code form (no pairing yet) or what it is told (waiting, refused, unpaired, ended)."""
    ident = notes_identity()
    if not ident:
        connect_form(content.ui, url)
        return None
    code, token = ident
    state, p = pairing.STORE.device_state(code, token)
    if state is not DeviceState.CONFIRMED or p is None:
        device_status(content, state, code, token)
        return None
    return code, token, p


def device_status(content: Content, state: DeviceState, code: str, token: str) -> None:
    """What a device that is not (or no longer) the confirmed one is told; it controls nothing."""
    labels = content.ui.labels
    if state is DeviceState.PENDING:
        callout("info", labels["facilitate_notes_waiting"])

        @st.fragment(run_every=POLL_SECONDS)
        def wait() -> None:
            if pairing.STORE.device_state(code, token)[0] is not DeviceState.PENDING:
                st.rerun(scope="app")

        wait()
        return
    if pairing.STORE.unavailable:
        callout("warning", labels["facilitate_pair_unavailable"])
        return
    with st.container(key="notes_not_paired"):
        callout("warning", labels[f"facilitate_notes_{state.value}"])
    st.button(labels["facilitate_notes_pair_again"], key="notes_pair_again", on_click=forget_notes)
