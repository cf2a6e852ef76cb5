"""The text edition's routes (components/text_edition/serve.py), called as the server calls them."""

from __future__ import annotations

import asyncio
import shutil
from concurrent.futures import ThreadPoolExecutor

from starlette.applications import Starlette

from components import quick_exit
from components.text_edition import serve
from tests.conftest import CONTENT


def _get(path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    app = Starlette(routes=serve.routes())
    messages: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "query_string": b"",
        "scheme": "http",
        "server": ("test", 80),
        "root_path": "",
    }
    with ThreadPoolExecutor(1) as pool:  # a loop of its own: Playwright's may be running here
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = messages[0]
    body = b"".join(m.get("body", b"") for m in messages[1:]).decode()
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def test_pages_index_and_redirects():
    status, headers, body = _get("/text/cycle")
    assert status == 200 and headers["cache-control"] == serve.CACHE
    assert "<h1>The cycle of abuse</h1>" in body and 'href="/cycle"' in body
    # The policy admits the page's one inline script (the exit's) and nothing else.
    assert quick_exit.csp_hash(quick_exit.SCRIPT) in headers["content-security-policy"]
    assert _get("/text/")[0] == 200
    status, headers, _ = _get("/text")
    assert status == 308 and headers["location"] == "/text/"
    status, headers, _ = _get("/text/no-such-page")
    assert status == 307 and headers["location"] == "/text/"


def test_broken_content_names_the_problem_and_keeps_the_exit(tmp_path, monkeypatch):
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    (broken / "glossary.yaml").write_text("terms:\n  - id: x\n", encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(broken))
    status, headers, body = _get("/text/get-help")
    assert status == 503 and headers["cache-control"] == "no-store"
    assert "glossary.yaml:" in body and 'id="hb-exit-button"' in body
    assert "Traceback" not in body
