"""Identity through reloads and failovers, in a real browser: the tab's value lives in its
sessionStorage (components/tab_storage.py): a reload keeps it, a new tab does not have it, the
address never shows it. A phone that answers, reloads /join and answers again twice is counted
once; the facilitator's reload keeps the room; on two replicas with Redis, the facilitator's
replica stopped mid-room: the same room comes back and no phone is counted twice."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_helpers import no_exception, open_app_page, shown_text, wait_answer_in, wait_answered, wait_ready
from conftest import ROOT, AppServer, free_port
from test_browser_proxy import Proxy
from test_browser_room import _open_picker
from test_store import RedisServer

SHOTS = Path("/tmp/identity")
PHONE = {"width": 390, "height": 844}
TOKEN_KEY = "healthy-bonds:room-token"


def _token(p) -> str | None:
    return p.evaluate("(k) => sessionStorage.getItem(k)", TOKEN_KEY)


def _cookies_and_local(p) -> tuple:
    return p.evaluate("() => [document.cookie, Object.keys(localStorage).filter(k => k.startsWith('healthy'))]")


def _send(p, choice_index: int) -> None:
    radios = p.locator('[data-testid="stRadio"] [role="radiogroup"] label')
    radios.first.wait_for(timeout=30_000)
    radios.nth(choice_index).click()
    p.locator('[class*="st-key-join_send_"] button').click()
    wait_answer_in(p)


def _open_and_ask(browser, base: str):
    fac = browser.new_context(viewport={"width": 1920, "height": 1080})
    proj = fac.new_page()
    open_app_page(proj, base, "run-session", "?plan=workshop-90&present=1")
    proj.locator(".st-key-room_open button").click()
    code = shown_text(proj.locator(".st-key-room_code_box"))
    _open_picker(proj, ".st-key-room_question_pick")
    proj.get_by_role("option", name="The silent treatment").click()
    proj.locator(".st-key-room_ask button").click()
    wait_answered(proj, 0)
    return fac, proj, code


def test_a_reloading_phone_is_counted_once(browser, app_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fac, proj, code = _open_and_ask(browser, app_server.url)
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        p = phone.new_page()
        open_app_page(p, app_server.url, "join", f"?code={code}")
        _send(p, 1)
        token = _token(p)
        assert token and len(token) == 32
        for choice in (2, 0):  # reload, answer again; twice
            p.reload()
            wait_ready(p)
            assert _token(p) == token  # the reload kept it
            _send(p, choice)
        assert token not in p.url  # never in the address
        cookies, local = _cookies_and_local(p)
        assert token not in cookies and local == []  # not a cookie, not localStorage
        wait_answered(proj, 1)
        p.wait_for_timeout(2_500)  # the projector polls each second: nothing more arrives
        wait_answered(proj, 1)
        p.screenshot(path=str(SHOTS / "join-after-reloads.png"), full_page=True)
        no_exception(p)

        other = phone.new_page()  # a new tab in the same browser: a new, empty sessionStorage
        open_app_page(other, app_server.url, "join", f"?code={code}")
        other.wait_for_function("(k) => sessionStorage.getItem(k)", arg=TOKEN_KEY, timeout=30_000)
        assert _token(other) != token
        _send(other, 0)
        wait_answered(proj, 2)
    finally:
        phone.close()
        fac.close()


def test_the_facilitators_reload_keeps_the_room(browser, app_server):
    """The laptop reloads Run a session: the same room, question and count come back (the key from
    the tab's sessionStorage); the key is not in the address; a new tab runs no room."""
    fac, proj, code = _open_and_ask(browser, app_server.url)
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        p = phone.new_page()
        open_app_page(p, app_server.url, "join", f"?code={code}")
        _send(p, 1)
        wait_answered(proj, 1)
        stored = proj.evaluate("() => sessionStorage.getItem('healthy-bonds:room-key')")
        assert stored and stored.startswith(code + ":") and len(stored.split(":")[1]) == 64
        proj.reload()
        wait_ready(proj)
        expect(proj.locator(".st-key-room_code_box")).to_have_text(code, use_inner_text=True)
        wait_answered(proj, 1)
        expect(proj.locator(".st-key-room_panel")).to_contain_text("The silent treatment", use_inner_text=True)
        assert stored.split(":")[1] not in proj.url
        proj.screenshot(path=str(SHOTS / "projector-after-reload.png"), full_page=True)
        no_exception(proj)

        again = fac.new_page()  # a new tab: its own sessionStorage, no room
        open_app_page(again, app_server.url, "run-session", "?plan=workshop-90&present=1")
        again.locator(".st-key-room_open button").wait_for(timeout=30_000)
        assert again.locator(".st-key-room_code_box").count() == 0

        # after a reload the restored key still runs the room: close it, and the phone hears so
        proj.locator(".st-key-room_close button").click()
        proj.locator(".st-key-room_open button").wait_for(timeout=30_000)
        p.wait_for_function("() => document.body.innerText.includes('closed')", timeout=30_000)
        proj.reload()
        wait_ready(proj)
        proj.locator(".st-key-room_open button").wait_for(timeout=30_000)  # closed stays closed
        assert proj.evaluate("() => sessionStorage.getItem('healthy-bonds:room-key')") is None
    finally:
        phone.close()
        fac.close()


# --------------------------------------------------------------------------- two replicas, one stopped


def _established(port: int) -> int:
    """Open TCP connections into a replica (nginx's websockets to it)."""
    out = subprocess.run(
        ["ss", "-Htn", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True, check=True
    ).stdout
    return len([line for line in out.splitlines() if line.strip()])


@contextlib.contextmanager
def two_replicas(browser_content):
    """Two replicas (`streamlit run`, STORE_URL to one redis-server) behind the shipped
    deploy/nginx.conf with both as its upstreams: yields (proxy, [replica, replica]). Stops
    whatever it started."""
    if shutil.which("redis-server") is None or shutil.which("nginx") is None:
        pytest.fail("redis-server and nginx are needed (scripts/test.sh installs them)")
    redis = RedisServer()
    before = os.environ.get("STORE_URL")
    os.environ["STORE_URL"] = redis.url
    servers, proxy, run_dir = [], None, Path(tempfile.mkdtemp(prefix="hb-nginx-"))
    try:
        servers = [AppServer(browser_content), AppServer(browser_content)]
        run_dir.chmod(0o755)
        proxy = Proxy.__new__(Proxy)  # the shipped config with both replicas as its upstreams
        proxy.port, proxy.dir = free_port(), run_dir
        proxy.url = f"http://127.0.0.1:{proxy.port}"
        for sub in ("logs", "tmp", "cache"):
            (run_dir / sub).mkdir(parents=True, exist_ok=True)
            (run_dir / sub).chmod(0o777)
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        conf = re.sub(r"^\s*listen \d+;", f"        listen 127.0.0.1:{proxy.port};", conf, flags=re.M)
        lines = re.findall(r"^\s*server 127\.0\.0\.1:\d+[^\n]*\n", conf, flags=re.M)
        assert len(lines) == 2
        for line, server in zip(lines, servers, strict=True):
            conf = conf.replace(line, re.sub(r":\d+", f":{server.port}", line, count=1), 1)
        proxy.conf = run_dir / "nginx.conf"
        proxy.conf.write_text(conf)
        subprocess.run(["nginx", "-p", f"{run_dir}/", "-c", str(proxy.conf)], check=True)
        yield proxy, servers
    finally:
        if proxy is not None:
            proxy.stop()
        for s in servers:
            if s.proc.poll() is None:
                s.stop()
        redis.stop()
        if before is None:
            os.environ.pop("STORE_URL", None)
        else:
            os.environ["STORE_URL"] = before
        shutil.rmtree(run_dir, ignore_errors=True)


def test_a_replica_stopped_mid_room_loses_no_room_and_counts_no_phone_twice(browser, browser_content):
    """Two replicas behind deploy/nginx.conf sharing one redis-server. The facilitator opens a
    room, phones answer; the facilitator's replica is stopped. The laptop (reloaded, now on the
    other replica) has the same room, question and count; every phone reloads and answers again:
    still counted once each."""
    with two_replicas(browser_content) as (proxy, servers):
        fac, proj, code = _open_and_ask(browser, proxy.url)
        ours = max(servers, key=lambda s: _established(s.port))  # the laptop's replica (its websocket)
        assert _established(ours.port) > 0
        phones = [browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True) for _ in range(4)]
        try:
            pages = [ctx.new_page() for ctx in phones]
            for i, p in enumerate(pages):
                open_app_page(p, proxy.url, "join", f"?code={code}")
                _send(p, i % 3)
            wait_answered(proj, 4)
            tokens = [_token(p) for p in pages]

            ours.stop()  # the facilitator's replica goes away mid-room
            proj.reload()
            wait_ready(proj)
            expect(proj.locator(".st-key-room_code_box")).to_have_text(
                code, use_inner_text=True, timeout=60_000
            )  # the same room
            expect(proj.locator(".st-key-room_panel")).to_contain_text("The silent treatment", use_inner_text=True)
            wait_answered(proj, 4)
            for i, p in enumerate(pages):  # every phone reloads (some were on the stopped replica)
                p.reload()
                wait_ready(p)
                assert _token(p) == tokens[i]
                _send(p, (i + 1) % 3)
            p.wait_for_timeout(2_500)
            wait_answered(proj, 4)  # no phone counted twice
            proj.screenshot(path=str(SHOTS / "projector-after-failover.png"), full_page=True)
            no_exception(proj)
        finally:
            for ctx in (*phones, fac):
                ctx.close()
