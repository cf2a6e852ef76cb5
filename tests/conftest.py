"""Shared fixtures: the real content, broken copies of it, and a live app server for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
sys.path.insert(0, str(ROOT))


def problems_for(directory: Path) -> list[str]:
    """The problems (`file:line: where: what`) that stop a folder of content from loading; the
    load must fail."""
    from components.content import ContentError, load_content

    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return [str(p) for p in caught.value.problems]


# --------------------------------------------------------------------------- AppTest helpers
APPTEST_TIMEOUT = 120  # a cold Plotly import on a busy 2-core machine can take many seconds


def open_page(page_id: str, charts_in_view: bool = True, go_on: bool = False, locale: str | None = None, **query: str):
    """Open a page through AppTest as a session would, inside the full shell. Charts draw once one
    has scrolled into view (a browser event AppTest cannot raise), so by default the session starts
    with that already true. `go_on` passes the content note where the page shows one. `locale`: the
    browser's language (st.context.locale), which chooses the reader's region."""
    from streamlit.testing.v1 import AppTest

    from components.navigation import PAGES
    from components.visual import CHARTS_AWAKE

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=APPTEST_TIMEOUT)
    if charts_in_view:
        at.session_state[CHARTS_AWAKE] = True
    if locale:
        at.context["locale"] = locale
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page_id != PAGES[0].id:
        at.switch_page(f"pages/{page_id}.py").run()
    if go_on and any(b.key == "content_note_go_on" for b in at.button):
        at.button(key="content_note_go_on").click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def all_text(at) -> str:
    """Every piece of text a page shows through AppTest (Markdown, titles, headers, captions)."""
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


def qp(at, key: str) -> str | None:
    """One query parameter of an AppTest session's URL (the last, if repeated), or None."""
    v = at.query_params.get(key)
    return v[-1] if isinstance(v, list) else v


FOLDER_MARKERS = ("unit", "pages", "content", "browser")


def pytest_collection_modifyitems(items):
    """Each test is marked by its folder (tests/unit/, tests/pages/, tests/content/, tests/browser/):
    here, in one place."""
    for item in items:
        folder = item.path.parent.name
        if folder in FOLDER_MARKERS:
            item.add_marker(getattr(pytest.mark, folder))


def opened(rooms) -> tuple[str, str]:
    """A new live room's code and the facilitator's key (given only by `open`)."""
    room = rooms.open()
    return room.code, room.key


@pytest.fixture
def store(tmp_path):
    """The app's shared store (components/store_open.py), a private SQLite file for one test."""
    from components import store_open as store_mod
    from components.store_sqlite import SqliteStore

    s = SqliteStore(tmp_path / "app-store.sqlite3")
    store_mod.reset_store(s)
    yield s
    store_mod.reset_store(None)


@pytest.fixture(scope="session")
def content():
    from components.content import load_content

    return load_content(CONTENT)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of content/ that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`streamlit run app.py` on a free loopback port, for one test session."""

    def __init__(self, content_dir: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        if content_dir is not None:
            env["CONTENT_DIR"] = str(content_dir)
        self.log = open(ROOT / "tests" / f".server-{self.port}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not start; see {self.log.name}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def exit_landing():
    """The quick exit's stand-in site (components/quick_exit/fixtures.py)."""
    from components.quick_exit.fixtures import ExitLanding

    landing = ExitLanding()
    yield landing
    landing.stop()


@pytest.fixture(scope="session")
def browser_content(tmp_path_factory, exit_landing) -> Path:
    """The real content with the quick exit pointed at the local landing page."""
    target = tmp_path_factory.mktemp("browser") / "content"
    shutil.copytree(CONTENT, target)
    help_file = target / "help.yaml"
    text = help_file.read_text(encoding="utf-8")
    import yaml

    url = yaml.safe_load(text)["quick_exit"]["url"]
    help_file.write_text(text.replace(url, exit_landing.url, 1), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def app_server(browser_content):
    server = AppServer(browser_content)
    yield server
    server.stop()


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return None


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # expect(...) waits for what it asserts; on a loaded 2-core machine a page can take this long
    expect.set_options(timeout=30_000)
    with sync_playwright() as pw:
        path = chromium_path()
        b = (
            pw.chromium.launch(executable_path=path, args=BROWSER_ARGS)
            if path
            else pw.chromium.launch(args=BROWSER_ARGS)
        )
        yield b
        b.close()


# Records every Content-Security-Policy violation in the page (read with csp_violations()).
CSP_WATCH = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI), true);"""


@pytest.fixture
def page(browser, app_server):
    """A fresh 1280x900 tab on the live app; `page.hosts_seen` records every host it requested,
    `page.fonts_seen` the file name of every font it fetched."""
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_WATCH)
    p = context.new_page()
    p.hosts_seen = set()
    p.fonts_seen = set()
    p.on("request", lambda r: r.resource_type == "font" and p.fonts_seen.add(urlparse(r.url).path.rsplit("/", 1)[-1]))
    # data: and blob: URLs never leave the browser; everything else must go to the app's own host.
    p.on("request", lambda r: urlparse(r.url).scheme in ("data", "blob") or p.hosts_seen.add(urlparse(r.url).hostname))
    yield p
    context.close()


@pytest.fixture
def projector(browser, app_server):
    """A fresh 1920x1080 tab: the projector a facilitator presents on."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    yield context.new_page()
    context.close()
