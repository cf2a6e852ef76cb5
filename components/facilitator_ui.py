"""The Streamlit side of running a session: which plan and segment run in this browser session,
opening a segment's page on the projector, the countdown and its buttons, pairing a notes device
(the projector's code box, the notes device's code form) and following it, and the session bar
shown at the top of every page while presenting a session.

State: `run_session` ({plan, segment}) and `run_timer` (facilitate.Timer) live in session state
(this browser tab only); the run-session page also keeps `plan` and `segment` in its URL. A pairing
keeps its hidden id here (`pair_code`; None: none), the laptop's key (`pair_key`) and the last
version this tab has seen (`pair_version`); a notes device keeps (id, its token) in `notes_pair`.
Both come back after a reload from the tab's sessionStorage (components/pairing_ui.py). Every
change this tab makes to a pairing carries its key or token, checked in components/pairing.py.
"""

from __future__ import annotations

import time
from urllib.parse import urlparse

import streamlit as st

from streamlit.runtime.scriptrunner import get_script_run_ctx

from components import facilitate, pairing, presenter, room_ui, url_state
from components.navigation import PAGES, page_spec
from components.routing import page_target
from components.text import callout, caption, md
from components.url_params import by_name

RUN = "run_session"
TIMER = "run_timer"
PAIR = "pair_code"
PAIR_KEY = "pair_key"
PAIR_SEEN = "pair_version"
NOTES = "notes_pair"  # the notes device's (pairing id, its token)
RUN_PAGE = "run-session"
POLL_SECONDS = 2
OPENED = "content_note_session"  # presenter mode: the session's opening screen (note, agreement) was passed
SHOWING = "opening_showing"  # this tab shows the opening screen now (a paired device may pass it)
SCROLL = "segment_scroll_to"  # {target, n}: where the page of the segment opened last scrolls to


def now() -> float:
    return time.time()


def laptop_key() -> str | None:
    """The laptop's key to the pairing this tab runs (the pairing checks it)."""
    return st.session_state.get(PAIR_KEY)


def device_token() -> str | None:
    """This notes device's token (the pairing checks it on every control action)."""
    notes = st.session_state.get(NOTES)
    return notes[1] if notes else None


def active(content):
    """(plan, index) of the session this tab runs, or None."""
    run = st.session_state.get(RUN)
    if not run or run["plan"] not in content.workshops:
        return None
    plan = content.workshops[run["plan"]]
    return plan, facilitate.clamp(run["segment"], len(plan.segments()))


def set_active(plan, index: int, content=None) -> None:
    """Make `index` the running segment. A move from another segment of this session asks the
    segment's own room question when this tab runs a room (`content` given); a reload does not."""
    index = facilitate.clamp(index, len(plan.segments()))
    before = st.session_state.get(RUN)
    st.session_state[RUN] = {"plan": plan.id, "segment": index}
    if content is not None and before is not None and before != st.session_state[RUN]:
        room_ui.ask_for_segment(content, plan.segments()[index][1])
    st.session_state[TIMER] = facilitate.timer_for(st.session_state.get(TIMER), plan, index, now())
    code = st.session_state.get(PAIR)
    if code:
        p = pairing.STORE.set_segment(code, index, len(plan.segments()), plan=plan.id,
                                      timer=st.session_state[TIMER], who=laptop_key())
        if p is None and not pairing.STORE.unavailable:  # ended or expired (a store blip keeps it)
            st.session_state[PAIR] = None
        else:
            st.session_state[PAIR_SEEN] = p.version


def open_segment(content, plan, index: int) -> None:
    """Make `index` the current segment and show its page at its step, in presenter mode."""
    set_active(plan, index, content)
    segment = plan.segments()[facilitate.clamp(index, len(plan.segments()))][1]
    known = {p.id for p in PAGES}
    if segment.page in known:
        place = facilitate.focus(segment)
        n = st.session_state.get(SCROLL, {}).get("n", 0) + 1
        st.session_state[SCROLL] = {"target": place[0] if place else None, "n": n}
        st.switch_page(page_target(segment.page, content),
                       query_params=facilitate.target_query(segment, presenter.high_contrast()))
    st.switch_page(page_target(RUN_PAGE, content),
                   query_params={"plan": plan.id, "segment": str(index + 1), "present": "1"})


# Scrolls a segment's page to its step once, when the segment opens (to the top when the segment
# names no step: Streamlit keeps the previous page's scroll position): waits for the target's
# container to appear (behind a content note it may take a while), puts its top just under the
# fixed header and the exit, and keeps it there while the page above it settles (charts drawing,
# Streamlit's own scroll on a page change), until the person scrolls themselves or it has held
# still. `window.hbSegmentScrolled` remembers the last open it served, so a rerun (a step, the
# countdown) never scrolls again. Streamlit's st.html runs no scripts; a v2 component runs its
# JavaScript in the page (loaded from a blob: URL, which the Content-Security-Policy allows).
_SCROLL_JS = """
export default function (component) {
  const { data } = component;
  if (!data || window.hbSegmentScrolled === data.n) { return undefined; }
  window.hbSegmentScrolled = data.n;
  let stopped = false;
  const stop = () => { stopped = true; };
  const keys = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);
  const onKey = (e) => { if (keys.has(e.key)) { stop(); } };
  window.addEventListener('wheel', stop, { capture: true, passive: true });
  window.addEventListener('touchmove', stop, { capture: true, passive: true });
  window.addEventListener('keydown', onKey, true);
  const done = () => {
    window.removeEventListener('wheel', stop, true);
    window.removeEventListener('touchmove', stop, true);
    window.removeEventListener('keydown', onKey, true);
  };
  const below = () => {
    let y = 0;
    for (const sel of ['[data-testid="stHeader"]', '#hb-exit']) {
      const el = document.querySelector(sel);
      if (el) { y = Math.max(y, el.getBoundingClientRect().bottom); }
    }
    return Math.round(y) + 12;
  };
  const scroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (p.scrollHeight > p.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(p).overflowY)) { return p; }
    }
    return null;
  };
  let still = 0;
  let waited = 0;
  const tick = () => {
    if (stopped || window.hbSegmentScrolled !== data.n) { done(); return; }
    const el = document.querySelector(data.target ? `.st-key-${data.target}` : '[data-testid="stMainBlockContainer"]');
    if (!el) {
      waited += 1;
      if (waited < 2400) { setTimeout(tick, 250); } else { done(); }  // about 10 minutes
      return;
    }
    if (!data.target) {
      const pane = scroller(el);
      if (pane && pane.scrollTop > 0) { pane.scrollTop = 0; still = 0; } else { still += 1; }
    } else {
      const offset = below();
      if (Math.abs(el.getBoundingClientRect().top - offset) > 4) {
        el.style.scrollMarginTop = `${offset}px`;
        el.scrollIntoView({ block: 'start' });
        still = 0;
      } else {
        still += 1;
      }
    }
    if (still < 12) { setTimeout(tick, 150); } else { done(); }
  };
  tick();
  return undefined;
}
"""
_scroller = None


def scroll_to_segment() -> None:
    """While presenting: scroll the page to the step its segment opened at (once per opening)."""
    global _scroller
    want = st.session_state.get(SCROLL)
    if not want:
        return
    if _scroller is None:
        _scroller = st.components.v2.component("healthy_bonds.segment_scroll", js=_SCROLL_JS)
    _scroller(key="segment_scroll", data=want, height=0)


def remote_move(content) -> tuple | None:
    """If a paired notes device moved the session since this tab last looked: (plan, index)."""
    return remote_update(content)[0]


def remote_update(content) -> tuple[tuple | None, bool]:
    """Follow a paired notes device: ((plan, index) when it moved to another segment, passed), where
    `passed` says it went on past the opening screen this tab shows. Its countdown and its step
    within the segment are taken over here (the step is written to this page's URL when this page
    is the segment's page); a step this tab moved itself is reported back to the store."""
    code = st.session_state.get(PAIR)
    if not code:
        return None, False
    p = pairing.STORE.get(code)
    if p is None:
        if not pairing.STORE.unavailable:  # ended or expired; a store that is down may come back
            st.session_state[PAIR] = None
        return None, False
    if p.plan not in content.workshops:
        return None, False
    plan = content.workshops[p.plan]
    current = active(content)
    if p.version <= st.session_state.get(PAIR_SEEN, 0):
        if current is not None and current[0].id == p.plan and current[1] == p.segment:
            _report_step(content, plan, p)
        return None, False
    st.session_state[PAIR_SEEN] = p.version
    timer = p.timer
    if isinstance(timer, facilitate.Timer) and timer.plan == p.plan and timer.segment == p.segment:
        st.session_state[TIMER] = timer
    passed = bool(st.session_state.get(SHOWING)) and not p.opening
    if passed:
        st.session_state[OPENED] = True
        st.session_state[SHOWING] = False
    if current is None or current[0].id != p.plan or current[1] != p.segment:
        return (plan, p.segment), passed
    _follow_step(content, plan, p)
    return None, passed


def _segment_step_here(content, plan, index: int):
    """(param, SegmentStep) of the segment when this run shows the segment's page; else None."""
    seg = plan.segments()[facilitate.clamp(index, len(plan.segments()))][1]
    step = facilitate.segment_step(seg, content)
    if step is None or not _showing_page(seg.page, content):
        return None
    return by_name(page_spec(seg.page).params)[step.name], step


def _showing_page(page_id: str, content) -> bool:
    try:
        ctx = get_script_run_ctx()
        return ctx is not None and ctx.page_script_hash == page_target(page_id, content)._script_hash
    except Exception:  # noqa: BLE001 - no run context
        return False


def _follow_step(content, plan, p) -> None:
    """The notes device stepped within the segment: show that step on this page."""
    here = _segment_step_here(content, plan, p.segment)
    if here is None or p.step is None:
        return
    param, step = here
    url_state.write(param, param.parse(step.url_value(p.step), content), content)


def _report_step(content, plan, p) -> None:
    """This tab stepped within the segment itself: tell the store, so the notes device shows it."""
    here = _segment_step_here(content, plan, p.segment)
    if here is None:
        return
    param, step = here
    index = step.index(st.query_params.get(step.name))
    if index != (step.start if p.step is None else p.step):
        q = pairing.STORE.set_step(p.code, index, step.count, who=laptop_key())
        if q is not None:
            st.session_state[PAIR_SEEN] = q.version


def timer_text(ui, timer: facilitate.Timer, short: bool = False) -> str:
    """The countdown in words; `short` for the presenter bar, which must stay on one line."""
    left = timer.remaining(now())
    if left < 0:
        return ui.labels["facilitate_time_over"].format(time=facilitate.clock(left))
    if not timer.running and timer.elapsed == 0:
        key = "facilitate_time_ready_short" if short else "facilitate_time_ready"
        return ui.labels[key].format(minutes=timer.minutes)
    key = "facilitate_time_left" if timer.running else "facilitate_time_paused"
    return ui.labels[key].format(time=facilitate.clock(left), minutes=timer.minutes)


def on_run_page() -> bool:
    try:
        path = urlparse(st.context.url or "").path
    except Exception:  # noqa: BLE001 - no URL (tests): the page this run shows
        path = ""
    return path.rstrip("/").endswith("/" + RUN_PAGE) if path else _showing_page(RUN_PAGE, None)


def session_bar(content) -> None:
    """In the presenter bar of every page while this tab runs a session: where we are, the time
    left, previous / next segment and a way back to the session (the group agreement is in the
    Pages menu: session_menu). Follows a paired notes device."""
    current = active(content)
    if current is None or on_run_page():
        return
    moved = remote_move(content)
    if moved:
        open_segment(content, *moved)
    plan, index = current
    ui = content.ui
    count = len(plan.segments())
    with st.container(horizontal=True, vertical_alignment="center", key="session_bar"):
        st.page_link(page_target(RUN_PAGE, content), label=ui.labels["facilitate_back_to_session"],
                     icon=":material/co_present:",
                     query_params={"plan": plan.id, "segment": str(index + 1), "present": "1"})
        if st.button(ui.labels["facilitate_previous_segment"], key="bar_prev_segment",
                     icon=":material/skip_previous:", disabled=index == 0):
            open_segment(content, plan, index - 1)
        if st.button(ui.labels["facilitate_next_segment"], key="bar_next_segment",
                     icon=":material/skip_next:", disabled=index == count - 1):
            open_segment(content, plan, index + 1)
        _live_status(content)


def _live_status(content) -> None:
    timer = st.session_state.get(TIMER)
    polling = bool(st.session_state.get(PAIR))
    every = 1 if timer is not None and timer.running else (POLL_SECONDS if polling else None)

    def status() -> None:
        if polling and _pending(content):
            st.rerun(scope="app")
        current = active(content)
        if current is None:
            return
        plan, index = current
        label = content.ui.labels["facilitate_segment_of"].format(n=index + 1, total=len(plan.segments()))
        t = st.session_state.get(TIMER)
        md(f"**{label}** · {timer_text(content.ui, t, short=True)}" if t else f"**{label}**")

    st.fragment(status, run_every=every)()


def _pending(content) -> bool:
    """A paired device moved (checked without consuming the change)."""
    code = st.session_state.get(PAIR)
    p = pairing.STORE.get(code) if code else None
    return p is not None and p.version > st.session_state.get(PAIR_SEEN, 0)


# --------------------------------------------------------------------------- the countdown


def _press(button: str) -> None:
    st.session_state[TIMER] = st.session_state[TIMER].press(button, now())
    code = st.session_state.get(PAIR)
    if code:  # the notes device shows the same countdown
        p = pairing.STORE.set_timer(code, st.session_state[TIMER], who=laptop_key())
        if p is not None:
            st.session_state[PAIR_SEEN] = p.version


def timer_buttons(ui) -> None:
    """Start (or Pause, while it runs) and Reset for the current segment's countdown."""
    labels = ui.labels
    if st.session_state[TIMER].running:
        st.button(labels["facilitate_timer_pause"], key="timer_pause", icon=":material/pause:",
                  on_click=_press, args=("pause",))
    else:
        st.button(labels["facilitate_timer_start"], key="timer_start", icon=":material/timer:",
                  on_click=_press, args=("start",))
    st.button(labels["facilitate_timer_reset"], key="timer_reset", icon=":material/restart_alt:",
              on_click=_press, args=("reset",))


def clock(ui) -> None:
    """The countdown in words, redrawn every second while it runs."""
    timer = st.session_state[TIMER]

    @st.fragment(run_every=1 if timer.running else None)
    def tick() -> None:
        t = st.session_state.get(TIMER)
        if t is not None:
            with st.container(key="session_clock"):
                md(f"**{timer_text(ui, t)}**")

    tick()


# --------------------------------------------------------------------------- following a notes device


def watch_notes_device(content) -> None:
    """Rerun the page whenever the paired notes device moved (polled every POLL_SECONDS)."""
    @st.fragment(run_every=POLL_SECONDS)
    def watch() -> None:
        if _pending(content):
            st.rerun(scope="app")

    watch()



# --------------------------------------------------------------------------- the opening screen


def pass_opening() -> None:
    """The session's opening screen was passed on this tab (its own Go on)."""
    st.session_state[OPENED] = True
    st.session_state[SHOWING] = False
    code = st.session_state.get(PAIR)
    if code:
        p = pairing.STORE.set_opening(code, False, who=laptop_key())
        if p is not None:
            st.session_state[PAIR_SEEN] = p.version


def _showing_opening() -> None:
    """This tab shows the opening screen: a paired notes device offers to go on past it."""
    st.session_state[SHOWING] = True
    code = st.session_state.get(PAIR)
    if code:
        p = pairing.STORE.set_opening(code, True, who=laptop_key())
        if p is not None:
            st.session_state[PAIR_SEEN] = p.version


def opening_screen(content, plan, on_go_on) -> None:
    """The session's opening screen, projected: the plan's group agreement in large type (when a plan
    runs) and the content note, with Go on (`on_go_on()`) and a way to Get help instead. A paired
    notes device can go on past it too (it polls)."""
    ui = content.ui
    note = ui.content_note
    _showing_opening()
    with st.container(border=True, key="content_note"):
        if plan is not None:
            with st.container(key="group_agreement"):
                st.title(ui.labels["facilitate_agreement_heading"])
                md("\n".join(f"- {item}" for item in plan.group_agreement))
        st.subheader(note.title)
        md(note.session_body)  # the whole session's note, said once at its start
        left, right = st.columns(2)
        go_on = left.button(note.go_on, type="primary", key="content_note_go_on")
        # a presentation clicker's Page Down goes on too: a second button with that shortcut, out of
        # sight until focused (app.css), as the stepper's clicker buttons are
        with st.container(key="clicker_opening"):
            go_on = st.button(note.go_on, key="opening_pgdn", shortcut="PageDown") or go_on
        if go_on:
            pass_opening()
            on_go_on()
        if right.button(note.go_elsewhere, key="content_note_elsewhere"):
            st.switch_page(page_target("get-help", content))
    if st.session_state.get(PAIR):
        watch_notes_device(content)


def session_opening(content) -> bool:
    """Presenter mode's content note: once per session, at its start, with the running plan's group
    agreement (the shell calls this before a heavy page). True when the page may show."""
    if st.session_state.get(OPENED):
        return True
    current = active(content)
    opening_screen(content, current[0] if current else None, on_go_on=st.rerun)
    return False


def agreement_query(plan, index: int) -> dict[str, str]:
    """The Run a session URL of a plan's projected opening screen (group agreement, content note)."""
    return {"plan": plan.id, "segment": str(index + 1), "view": "agreement", "present": "1"}


def session_menu(content) -> None:
    """In the presenter bar's Pages menu while this tab runs a session: the way back to the group
    agreement screen (in the menu, so the bar itself stays on one line at 1080p)."""
    current = active(content)
    if current is not None and not on_run_page():
        agreement_link(content, *current)


def agreement_link(content, plan, index: int) -> None:
    """The way back to the group agreement screen."""
    st.page_link(page_target(RUN_PAGE, content), label=content.ui.labels["facilitate_agreement_show"],
                 icon=":material/handshake:", query_params=agreement_query(plan, index))


def back_to_session_link(content, plan, index: int) -> None:
    """From the opening screen back to the facilitator's Run a session view, at the same segment."""
    st.page_link(page_target(RUN_PAGE, content), label=content.ui.labels["facilitate_back_to_session"],
                 icon=":material/co_present:", query_params={"plan": plan.id, "segment": str(index + 1)})


def show(content, plan, index: int) -> None:
    """Show on the projector: the session's opening screen first (until it was passed, and for an
    opening segment), then the segment's page."""
    seg = plan.segments()[facilitate.clamp(index, len(plan.segments()))][1]
    if seg.kind == "opening" or not st.session_state.get(OPENED):
        set_active(plan, index, content)
        st.switch_page(page_target(RUN_PAGE, content), query_params=agreement_query(plan, index))
    open_segment(content, plan, index)


# --------------------------------------------------------------------------- the notes device


def _retimer(content):
    def retime(timer, plan_id: str, segment: int):
        return facilitate.timer_for(timer if isinstance(timer, facilitate.Timer) else None,
                                    content.workshops[plan_id], segment, now())
    return retime


def notes_move(content, code: str, delta: int, count: int, who: str | None = None) -> None:
    """Previous / next segment from the notes device, with its token (`who`, else this tab's)."""
    pairing.STORE.move(code, delta, count, retime=_retimer(content), who=who or device_token())


def notes_press(content, code: str, plan, index: int, button: str, who: str | None = None) -> None:
    """A countdown button on the notes device (the projector takes the countdown over)."""
    def press(timer):
        if not (isinstance(timer, facilitate.Timer) and timer.plan == plan.id and timer.segment == index):
            timer = facilitate.timer_for(None, plan, index, now())
        return timer.press(button, now())
    pairing.STORE.press_timer(code, press, who=who or device_token())


def _notes_go_on(code: str) -> None:
    pairing.STORE.set_opening(code, False, who=device_token())


def _notes_step(code: str, delta: int, start: int, count: int) -> None:
    pairing.STORE.move_step(code, delta, start, count, who=device_token())


def notes_controls(content, p, plan, index: int) -> None:
    """Everything the projector's buttons do, on the notes device: go on past the opening screen,
    the countdown (shown and started / paused / reset), the step within the segment, and (in the
    caller) the previous / next segment."""
    ui = content.ui
    labels = ui.labels
    code = p.code
    if p.opening:
        st.button(labels["facilitate_notes_go_on"], key="notes_go_on", type="primary",
                  icon=":material/play_arrow:", on_click=_notes_go_on, args=(code,))
    timer = p.timer if isinstance(p.timer, facilitate.Timer) and p.timer.segment == index \
        and p.timer.plan == plan.id else facilitate.timer_for(None, plan, index, now())
    with st.container(horizontal=True, vertical_alignment="center", key="notes_timer"):
        md(f"**{timer_text(ui, timer)}**")
        if timer.running:
            st.button(labels["facilitate_timer_pause"], key="notes_timer_pause", icon=":material/pause:",
                      on_click=notes_press, args=(content, code, plan, index, "pause"))
        else:
            st.button(labels["facilitate_timer_start"], key="notes_timer_start", icon=":material/timer:",
                      on_click=notes_press, args=(content, code, plan, index, "start"))
        st.button(labels["facilitate_timer_reset"], key="notes_timer_reset", icon=":material/restart_alt:",
                  on_click=notes_press, args=(content, code, plan, index, "reset"))
    step = facilitate.segment_step(plan.segments()[index][1], content)
    if step is not None:
        at = step.start if p.step is None else p.step
        with st.container(horizontal=True, vertical_alignment="center", key="notes_step"):
            st.button(labels["facilitate_step_previous"], key="notes_step_prev", icon=":material/chevron_left:",
                      disabled=at == 0, on_click=_notes_step, args=(code, -1, step.start, step.count))
            st.button(labels["facilitate_step_next"], key="notes_step_next", icon=":material/chevron_right:",
                      icon_position="right", disabled=at >= step.count - 1,
                      on_click=_notes_step, args=(code, 1, step.start, step.count))
            caption(labels["step_of"].format(n=at + 1, total=step.count))
