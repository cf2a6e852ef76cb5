"""The safety shell around every HTTP response (components/web.py) and the quick exit's markup
(components/quick_exit/), without a browser: the page rewrite, the Content-Security-Policy, the
headers, and the middleware against a stand-in for Streamlit's server."""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

import pytest

from components import quick_exit, web
from components.content import load_content

PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='UTF-8'><script>window.prerenderReady = false</script>"
    b'<script type="module" src="./static/js/index.js"></script></head>'
    b'<body><noscript>JS</noscript><div id="root"></div></body></html>'
)


def test_rewrite_puts_the_exit_first_in_head_and_body():
    page = web.rewrite_document(PAGE, quick_exit.ExitSettings()).decode()
    head = page[page.index("<head>") + 6 :]
    assert head.startswith('<meta name="referrer" content="no-referrer">')
    assert page.index('id="hb-exit-script"') < page.index('type="module"')
    assert page[page.index("<body>") + 6 :].startswith('<div id="hb-exit" class="hb-exit">')
    assert 'BACKEND_BASE_URL:window.location.origin+""' in page


def test_words_from_content_are_escaped_never_markup():
    s = quick_exit.ExitSettings(
        label="Exit <b>now</b>", url='https://example.org/?a="1"&b=<x>', leaving='"><script>alert(1)</script>'
    )
    page = web.rewrite_document(PAGE, s).decode()
    assert "Exit &lt;b&gt;now&lt;/b&gt;" in page and "<b>now</b>" not in page
    assert 'href="https://example.org/?a=&quot;1&quot;&amp;b=&lt;x&gt;"' in page
    assert "<script>alert(1)</script>" not in page


def test_base_path_reaches_the_front_end_setting():
    assert web.base_url_script("") == 'window.__streamlit={BACKEND_BASE_URL:window.location.origin+""}'
    assert web.base_url_script("/hb/") == 'window.__streamlit={BACKEND_BASE_URL:window.location.origin+"/hb"}'


def test_policy_hashes_every_inline_script_and_allows_no_inline_script():
    page = web.rewrite_document(PAGE, quick_exit.ExitSettings())
    scripts = web.inline_scripts(page)
    assert len(scripts) == 4  # the exit, the base path, the phone menu, Streamlit's own prerender flag
    csp = dict(part.split(" ", 1) for part in web.content_security_policy(scripts).split("; "))
    for script in scripts:
        assert quick_exit.csp_hash(script.decode()) in csp["script-src"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
    # the exit's script is the same text whatever the settings (they sit in its attributes)
    other = web.inline_scripts(web.rewrite_document(PAGE, quick_exit.ExitSettings(url="https://a.example/")))
    assert other == scripts


def test_settings_come_from_content_with_defaults_when_a_file_is_broken():
    content = load_content()
    s = quick_exit.settings(content.ui, content.help)
    assert s.url == content.help.quick_exit.url and s.label == content.ui.quick_exit_label
    assert s.history == "single" and s.leaving == content.ui.quick_exit_announce.leaving
    assert quick_exit.settings(None, None) == quick_exit.ExitSettings()
    assert quick_exit.settings(None, content.help).label == quick_exit.ExitSettings().label


def test_history_setting_is_validated(content_copy):
    from conftest import problems_for

    f = content_copy / "help.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("history: single", "history: sometimes", 1), encoding="utf-8")
    line = next(i for i, text in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if "history:" in text)
    problems = problems_for(content_copy)
    assert any(p.startswith(f"help.yaml:{line}: quick_exit.history") for p in problems), problems


# ------------------------------------------------------------------ the middleware


def _fake_streamlit(body: bytes, content_type: str, *, gzipped: bool = False, seen: list | None = None):
    """A stand-in for Streamlit's server: answers every request with `body`, recording the request."""

    async def app(scope, receive, send):
        if seen is not None:
            seen.append(scope)
        payload = gzip.compress(body) if gzipped else body
        headers = [
            (b"content-type", content_type.encode()),
            (b"content-length", str(len(payload)).encode()),
            (b"etag", b'"abc"'),
            (b"last-modified", b"Mon, 01 Jan 2024 00:00:00 GMT"),
        ]
        if gzipped:
            headers.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        half = len(payload) // 2  # in two pieces, as a streamed file arrives
        await send({"type": "http.response.body", "body": payload[:half], "more_body": True})
        await send({"type": "http.response.body", "body": payload[half:], "more_body": False})

    return app


def _request(app, path: str, method: str = "GET", headers: list | None = None):
    """One request through the safety shell around `app` (a stand-in server, or a SafetyShell kept
    across requests)."""
    messages: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "method": method, "path": path, "headers": headers or [], "query_string": b""}
    # On a thread of its own: in the full suite Playwright's sync API already runs an event loop here.
    with ThreadPoolExecutor(1) as pool:
        shell = app if isinstance(app, web.SafetyShell) else web.SafetyShell(app)
        pool.submit(asyncio.run, shell(scope, receive, send)).result()
    start = messages[0]
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return {k.decode().lower(): v.decode() for k, v in start["headers"]}, body


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_pages_are_rewritten_with_headers_and_a_matching_policy(gzipped):
    headers, body = _request(_fake_streamlit(PAGE, "text/html; charset=utf-8", gzipped=gzipped), "/cycle")
    page = gzip.decompress(body) if gzipped else body
    assert b'id="hb-exit-button"' in page and int(headers["content-length"]) == len(body)
    assert "etag" not in headers and "last-modified" not in headers  # never "not modified" from the file
    for script in web.inline_scripts(page):
        assert quick_exit.csp_hash(script.decode()) in headers["content-security-policy"]
    for name, value in web.SAFETY_HEADERS.items():
        assert headers[name.lower()] == value


def test_other_responses_get_the_headers_and_stay_untouched():
    asset = b"console.log('x')" * 100
    headers, body = _request(_fake_streamlit(asset, "text/javascript"), "/static/js/index.js")
    assert body == asset and headers["etag"] == '"abc"'
    assert (
        headers["referrer-policy"] == "no-referrer" and "frame-ancestors 'none'" in headers["content-security-policy"]
    )
    # a page-like path whose answer is not HTML (Streamlit's 404 JSON, say) is not rewritten either
    _, body = _request(_fake_streamlit(b'{"a": 1}', "application/json"), "/cycle")
    assert body == b'{"a": 1}'


def test_static_files_are_compressed_once_and_then_served_from_memory():
    asset = b"console.log('a bundle');\n" * 400
    seen: list[dict] = []
    app = web.SafetyShell(_fake_streamlit(asset, "application/javascript", seen=seen))
    asks_gzip = [(b"accept-encoding", b"gzip, deflate, br")]
    answers = [_request(app, "/static/js/index.js", headers=asks_gzip) for _ in range(2)]
    assert len(seen) == 1  # the second answer came from memory
    for headers, body in answers:
        assert gzip.decompress(body) == asset and len(body) < len(asset) / 10
        assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
        assert int(headers["content-length"]) == len(body) and "etag" not in headers  # the etag named the plain bytes
        assert headers["referrer-policy"] == "no-referrer" and "content-security-policy" in headers
    # Without gzip in Accept-Encoding, or for a range, or for a small file: the bytes as they are.
    for path, headers, payload in (
        ("/static/js/index.js", [], asset),
        ("/static/js/index.js", asks_gzip + [(b"range", b"bytes=0-9")], asset),
        ("/static/js/tiny.js", asks_gzip, b"x=1"),
    ):
        got_headers, body = _request(_fake_streamlit(payload, "application/javascript"), path, headers=headers)
        assert body == payload and "content-encoding" not in got_headers


def test_conditional_requests_for_pages_are_answered_in_full():
    seen: list[dict] = []
    conditional = [
        (b"if-none-match", b'"abc"'),
        (b"if-modified-since", b"Mon, 01 Jan 2024 00:00:00 GMT"),
        (b"accept", b"text/html"),
    ]
    _request(_fake_streamlit(PAGE, "text/html", seen=seen), "/healing", headers=conditional)
    _request(_fake_streamlit(b"x", "text/css", seen=seen), "/static/css/a.css", headers=conditional)
    page_headers, asset_headers = ({k for k, _ in s["headers"]} for s in seen)
    assert page_headers == {b"accept"}
    assert b"if-none-match" in asset_headers


def test_head_requests_are_not_rewritten():
    headers, body = _request(_fake_streamlit(PAGE, "text/html"), "/", method="HEAD")
    assert body == PAGE and headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("history", ["single", "normal"])
def test_get_help_says_what_back_does_for_this_setting(content_copy, monkeypatch, history):
    """The page tells the truth about Back after an exit for the deployment's own setting."""
    from test_pages import all_text, open_page

    f = content_copy / "help.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("history: single", f"history: {history}", 1), encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(content_copy))
    notes = load_content(content_copy).help.quick_exit.back_note
    text = all_text(open_page("get-help"))
    said, unsaid = (notes.single, notes.normal) if history == "single" else (notes.normal, notes.single)
    assert said.replace("**", "") in text.replace("**", "") and unsaid.replace("**", "") not in text.replace("**", "")
