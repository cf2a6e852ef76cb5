"""deploy/nginx.conf for real: Debian's nginx runs the shipped file (listen port and upstream
rewritten, as deploy/lib.sh does) in front of the test server, and a browser uses the app through it.
scripts/test.sh installs nginx where it is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest

from browser_helpers import no_exception, open_app_page
from conftest import ROOT, free_port


class Proxy:
    def __init__(self, upstream_port: int, run_dir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.dir = run_dir
        for sub in ("logs", "tmp", "cache"):
            (run_dir / sub).mkdir(parents=True, exist_ok=True)
            (run_dir / sub).chmod(0o777)  # nginx workers drop root
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        conf = re.sub(r"^\s*listen \d+;", f"        listen 127.0.0.1:{self.port};", conf, flags=re.M)
        servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+[^\n]*\n", conf, flags=re.M)
        assert servers, "the shipped config names no upstream servers"
        conf = conf.replace(servers[0], f"        server 127.0.0.1:{upstream_port};\n", 1)
        for extra in servers[1:]:
            conf = conf.replace(extra, "", 1)
        self.conf = run_dir / "nginx.conf"
        self.conf.write_text(conf)
        prefix = f"{run_dir}/"
        subprocess.run(["nginx", "-t", "-q", "-p", prefix, "-c", str(self.conf)], check=True)
        subprocess.run(["nginx", "-p", prefix, "-c", str(self.conf)], check=True)

    def get(self, path: str, **headers: str):
        req = urllib.request.Request(self.url + path, headers=headers)
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()

    def stop(self) -> None:
        subprocess.run(["nginx", "-p", f"{self.dir}/", "-c", str(self.conf), "-s", "stop"], check=False)


@pytest.fixture(scope="module")
def proxy(app_server):
    if shutil.which("nginx") is None:
        pytest.fail("nginx is not installed: run the suite through scripts/test.sh, which installs it")
    # Not pytest's tmp_path: its folders are private to the user, and nginx's workers (which drop
    # root) must reach the cache folder inside.
    run_dir = Path(tempfile.mkdtemp(prefix="hb-nginx-"))
    run_dir.chmod(0o755)
    p = Proxy(app_server.port, run_dir)
    yield p
    p.stop()
    shutil.rmtree(run_dir, ignore_errors=True)


def test_static_files_are_compressed_and_cached(proxy):
    status, headers, body = proxy.get("/")
    assert status == 200 and "hb_replica=" in headers.get("Set-Cookie", "")  # session affinity
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', body).group(1).decode()
    proxy.get("/" + script, **{"Accept-Encoding": "gzip"})
    status, headers, body = proxy.get("/" + script, **{"Accept-Encoding": "gzip"})
    assert headers.get("Content-Encoding") == "gzip"
    assert headers.get("X-Cache") == "HIT"  # the second request never reached Streamlit
    assert "immutable" in headers.get("Cache-Control", "")


def test_text_edition_is_compressed_and_cached_by_the_proxy(proxy):
    proxy.get("/text/get-help", **{"Accept-Encoding": "gzip"})
    status, headers, body = proxy.get("/text/get-help", **{"Accept-Encoding": "gzip"})
    headers = {k.lower(): v for k, v in headers.items()}
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert headers.get("x-cache") == "HIT"
    assert (
        headers.get("referrer-policy") == "no-referrer" and "default-src 'none'" in headers["content-security-policy"]
    )
    _, plain_headers, plain = proxy.get("/text/get-help")  # a client without gzip gets plain HTML
    assert "content-encoding" not in {k.lower() for k in plain_headers} and plain.startswith(b"<!doctype html>")


def test_safety_headers_through_the_proxy(proxy):
    """The app's safety headers (components/web.py) reach the browser through nginx: on pages,
    on cached static files (first and second request) and on the health check."""
    from test_browser_quick_exit import assert_safety_headers

    _, headers, body = proxy.get("/cycle")
    assert_safety_headers({k.lower(): v for k, v in headers.items()})
    assert b'id="hb-exit-button"' in body  # the early exit survives the proxy
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', body).group(1).decode()
    for _ in range(2):
        _, headers, _ = proxy.get("/" + script, **{"Accept-Encoding": "gzip"})
        assert_safety_headers({k.lower(): v for k, v in headers.items()})
    _, headers, _ = proxy.get("/_stcore/health")
    assert_safety_headers({k.lower(): v for k, v in headers.items()})


def test_deep_link_through_the_proxy_requests_nothing_that_fails(browser, proxy):
    """On /cycle Streamlit's front end would probe /cycle/_stcore/health (a 404 and a console error
    on every deep link); the app's window.__streamlit setting (components/web.py) sends it to the
    root at once. No console error either: nothing breaks the Content-Security-Policy."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    p = context.new_page()
    failed: list[str] = []
    errors: list[str] = []
    p.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    p.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        for page_id in ("cycle", "therapies"):
            open_app_page(p, proxy.url, page_id)
            no_exception(p)
            assert p.url == f"{proxy.url}/{page_id}"
        # in-app navigation keeps working under the root base path
        p.locator('[data-testid="stExpandSidebarButton"]').click()
        p.locator('[data-testid="stSidebar"] a[href="glossary"]').click()
        p.wait_for_url("**/glossary")
        p.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
        assert failed == [] and errors == []
    finally:
        context.close()
