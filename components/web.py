"""The app's own HTTP layer: Streamlit's server, with the safety shell on every response.

`app.py` defines `app = st.App("app.py", middleware=[Middleware(SafetyShell)])`, which
`streamlit run app.py` finds and serves (Streamlit 1.67 runs on Starlette). One middleware, `SafetyShell`, does two things:

- **Headers on every response**: no referrer to any other site, no MIME sniffing, no framing by
  another site, no camera, microphone or geolocation, and a Content-Security-Policy as strict as
  Streamlit's front end allows (see `content_security_policy`).
- **The quick exit in the first HTML**: every page of the app is the same index.html, rewritten
  here so that the exit's button, style and script (components/quick_exit/) arrive before any
  of Streamlit's JavaScript. The exit is therefore on screen, named and listening before a single
  word of the app can be read, on every way in: a first visit, a deep link on a fresh server, a
  reload, the error screen.

This module never runs inside a page's script; it imports no page code.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders

from components import editions_served, noscript, quick_exit, theme
from components.content import Loaded

# Streamlit's own paths that never answer with a page (its API, bundles, media, components), and the
# text edition's (pages of its own, with their own exit and policy: components/text_edition).
_NOT_DOCUMENTS = ("_stcore", "static", "media", "component", "text")
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def content_security_policy(inline_scripts: list[bytes]) -> str:
    """The policy, with a hash for each inline script of the page (no 'unsafe-inline' scripts).

    What Streamlit 1.67's front end needs, and why (each found by a browser test that collects
    every `securitypolicyviolation` on every page):
    - script-src blob:: custom components (st.components.v2, which the app's chart placeholders
      use) load their JavaScript as a module from a blob: URL. Only script already running on this
      page can make a blob: URL, so this admits no script from elsewhere.
    - script-src 'wasm-unsafe-eval': Streamlit decodes its protocol messages with WebAssembly.
    - style-src 'unsafe-inline': Streamlit styles every element with Emotion, which writes <style>
      tags at run time (and `st.html` carries the app's own <style> blocks).
    - img-src data: blob:, font-src data:: icons and images the front end builds in the browser.
    - connect-src 'self': the session's websocket and health checks go to this server only.
    - worker-src 'self' blob:: workers some of Streamlit's widgets start from a blob.
    Everything else is this server only, and nothing may frame the app.
    """
    hashes = " ".join(sorted({quick_exit.csp_hash(s.decode("utf-8")) for s in inline_scripts}))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' blob: 'wasm-unsafe-eval' {hashes}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


SAFETY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors 'none' for browsers that predate it
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def base_url_script(base_path: str) -> str:
    """Tells Streamlit's front end where the server is, so a deep link (`/cycle`) does not first
    probe `/cycle/_stcore/health` (a 404 in the console on every deep link)."""
    suffix = "/" + base_path.strip("/") if base_path.strip("/") else ""
    return f"window.__streamlit={{BACKEND_BASE_URL:window.location.origin+{json.dumps(suffix)}}}"


_COMPONENTS = Path(__file__).resolve().parent
PHONE_MENU_SCRIPT = (_COMPONENTS / "assets" / "phone_menu.js").read_text(encoding="utf-8")
# the day and night colours (components/theme.py), then touch targets, focus, layout; then the
# stylesheets of components that keep theirs in their own folder (read here, not imported: this
# module imports no page code)
APP_STYLE = theme.root_css() + "".join(
    (_COMPONENTS / path).read_text(encoding="utf-8") for path in ("assets/app.css", "stepper/stepper.css")
)


_NOSCRIPT = re.compile(rb"<noscript>.*?</noscript>", re.S)
_HTML_LANG = re.compile(rb"<html(?:\s+lang=\"[^\"]*\")?")


def rewrite_document(
    page: bytes,
    settings: quick_exit.ExitSettings,
    base_path: str = "",
    noscript_html: str | None = None,
    language: str = "en",
) -> bytes:
    """index.html with the exit at the top of <head> and <body> (pure: bytes in, bytes out); `noscript_html`
    (components/noscript.py) in place of Streamlit's own notice, after the exit; `<html lang>` the
    edition's, so a screen reader pronounces the page in its language from the first byte."""
    head = (
        quick_exit.head_html(settings) + f"<script>{base_url_script(base_path)}</script>"
        f'<script>{PHONE_MENU_SCRIPT}</script><style id="hb-app-style">{APP_STYLE}</style>'
    ).encode("utf-8")
    body = quick_exit.body_html(settings).encode("utf-8")
    if noscript_html is not None:
        page = _NOSCRIPT.sub(b"", page, count=1)
        body += noscript_html.encode("utf-8")
    page = _HTML_LANG.sub(lambda _: b'<html lang="' + html.escape(language, quote=True).encode() + b'"', page, count=1)
    page = re.sub(rb"<head>", lambda _: b"<head>" + head, page, count=1)
    return re.sub(rb"<body>", lambda _: b"<body>" + body, page, count=1)


def request_edition(scope) -> tuple[str, Loaded]:
    """The edition a page request asks for (`?lang=`, then Accept-Language, then English) and its
    content. Runs in a worker thread: it may load the content."""
    asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(editions_served.LANG, [None])[-1]
    locale = editions_served.pick(asked, _accept_language(scope))
    return locale, editions_served.edition(locale)


def _accept_language(scope) -> str | None:
    return next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"accept-language"), None)


def noscript_block(scope, base: str, loaded: Loaded) -> str | None:
    """The page's own <noscript> block for a request, in its edition (None when the content cannot be
    read: Streamlit's notice stays)."""
    if loaded.content is None:
        return None
    page_id = noscript.page_id_for_path(scope.get("path", ""), base, set(loaded.content.ui.pages))
    asked = editions_served.LANG in parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return noscript.block_html(
        loaded.content, page_id, base=base, accept_language=_accept_language(scope), lang_asked=asked
    )


def inline_scripts(page: bytes) -> list[bytes]:
    return [m.group(1) for m in _INLINE_SCRIPT.finditer(page)]


def _base_path() -> str:
    from streamlit import config

    return (config.get_option("server.baseUrlPath") or "").strip("/")


def _is_document(path: str, base: str) -> bool:
    parts = [p for p in path.split("/") if p]
    if base:
        parts = parts[len(base.split("/")) :]
    return not parts or parts[0] not in _NOT_DOCUMENTS


# Streamlit 1.67 sends its JavaScript and CSS uncompressed and leaves that to a proxy (it would
# compress on every request). Run with the README's command there is no proxy, so a phone would
# fetch 2.9 MB. These bundles' names carry a content hash: compress each once, keep the result in
# memory, and answer every later request from it (bench/README.md measures it).
_COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/wasm",
    "font/ttf",
    "application/manifest+json",
)
STATIC_CACHE_BYTES = 64 * 1024 * 1024  # about 10x what Streamlit's bundles compress to


class StaticGzipCache:
    """path -> (headers, gzip body) for the compressible 200 responses under /static/."""

    def __init__(self, limit: int = STATIC_CACHE_BYTES) -> None:
        self.limit, self.used = limit, 0
        self.entries: dict[str, tuple[list[tuple[bytes, bytes]], bytes]] = {}

    def get(self, path: str):
        return self.entries.get(path)

    def put(self, path: str, headers: list[tuple[bytes, bytes]], body: bytes):
        zipped = gzip.compress(body, compresslevel=9)
        # The original's ETag and date name the uncompressed bytes; the names are immutable anyway.
        dropped = (b"content-length", b"content-encoding", b"vary", b"etag", b"last-modified", b"accept-ranges")
        kept = [(k, v) for k, v in headers if k.lower() not in dropped]
        entry = (
            kept
            + [
                (b"content-encoding", b"gzip"),
                (b"vary", b"Accept-Encoding"),
                (b"content-length", str(len(zipped)).encode()),
            ],
            zipped,
        )
        if self.used + len(zipped) <= self.limit:
            self.entries[path] = entry
            self.used += len(zipped)
        return entry


def accepts_gzip(scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"accept-encoding":
            return any(part.split(b";")[0].strip() in (b"gzip", b"*") for part in value.split(b","))
    return False


class SafetyShell:
    """ASGI middleware: safety headers on every HTTP response; the early exit in every page;
    Streamlit's static bundles compressed once and served from memory."""

    def __init__(self, app):
        self.app = app
        self.base = _base_path()
        # The policy for responses that are not pages, from Streamlit's own index.html as rewritten
        # here (the exit's script is the same text whatever the settings: they sit in attributes).
        from streamlit import file_util

        index = Path(file_util.get_static_dir(), "index.html").read_bytes()
        self.default_csp = content_security_policy(
            inline_scripts(rewrite_document(index, quick_exit.ExitSettings(), self.base))
        )
        self.static = StaticGzipCache()
        # Read every edition once now, not on the first reader's request: which editions are complete
        # is known only by loading each (seconds on a busy machine).
        threading.Thread(target=editions_served.editions, name="hb-editions-warm", daemon=True).start()

    def _is_static(self, scope) -> bool:
        parts = [p for p in scope.get("path", "").split("/") if p]
        if self.base:
            parts = parts[len(self.base.split("/")) :]
        return (
            bool(parts)
            and parts[0] == "static"
            and scope["method"] in ("GET", "HEAD")
            and accepts_gzip(scope)
            and not any(k == b"range" for k, _ in scope["headers"])
        )

    def _with_safety(self, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        names = {k.lower() for k in SAFETY_HEADERS} | {"content-security-policy"}
        return (
            [(k, v) for k, v in headers if k.decode().lower() not in names]
            + [(k.lower().encode(), v.encode()) for k, v in SAFETY_HEADERS.items()]
            + [(b"content-security-policy", self.default_csp.encode())]
        )

    async def _static(self, scope, receive, send) -> None:
        """A static file, gzip-compressed once and then served from memory."""
        path = scope["path"]
        entry = self.static.get(path)
        if entry is None:
            held: dict = {}
            chunks: list[bytes] = []

            async def collect(message):
                if message["type"] == "http.response.start":
                    held["start"] = message
                elif message["type"] == "http.response.body":
                    chunks.append(message.get("body", b""))

            await self.app(scope, receive, collect)
            start = held["start"]
            headers = list(start.get("headers", []))
            kind = dict((k.lower(), v) for k, v in headers).get(b"content-type", b"").decode()
            plain = dict((k.lower(), v) for k, v in headers).get(b"content-encoding") is None
            body = b"".join(chunks)
            if start["status"] != 200 or not plain or not kind.startswith(_COMPRESSIBLE) or len(body) < 1024:
                await send(dict(start, headers=self._with_safety(headers)))
                await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
                return
            entry = await run_in_threadpool(self.static.put, path, headers, body)
        headers, body = entry
        await send({"type": "http.response.start", "status": 200, "headers": self._with_safety(headers)})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._is_static(scope):
            await self._static(scope, receive, send)
            return
        document = _is_document(scope.get("path", ""), self.base)
        if document:
            # The page is rewritten per request (the exit's words can change with the content), so
            # never answer "not modified" from the original file's date or hash.
            scope = dict(
                scope,
                headers=[(k, v) for k, v in scope["headers"] if k not in (b"if-none-match", b"if-modified-since")],
            )
        held: dict = {}
        chunks: list[bytes] = []

        async def send_with_shell(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SAFETY_HEADERS.items():
                    headers[name] = value
                if "content-security-policy" not in headers:  # the text edition sets a stricter one
                    headers["Content-Security-Policy"] = self.default_csp
                is_page = (
                    document
                    and message["status"] == 200
                    and scope["method"] == "GET"
                    and headers.get("content-type", "").startswith("text/html")
                )
                if is_page:
                    held["start"] = message  # sent with the rewritten body
                    return
                await send(message)
            elif message["type"] == "http.response.body" and "start" in held:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                await self._send_page(held["start"], b"".join(chunks), send, scope)
            else:
                await send(message)

        await self.app(scope, receive, send_with_shell)

    async def _send_page(self, start, body: bytes, send, scope) -> None:
        headers = MutableHeaders(scope=start)
        zipped = headers.get("content-encoding") == "gzip"
        page = gzip.decompress(body) if zipped else body
        locale, loaded = await run_in_threadpool(request_edition, scope)
        settings = await run_in_threadpool(quick_exit.current_settings, loaded)
        block = noscript_block(scope, self.base, loaded)
        page = rewrite_document(page, settings, self.base, block, locale)
        headers["Vary"] = "Accept-Language, Accept-Encoding"  # Get help's block names the reader's region
        headers["Content-Security-Policy"] = content_security_policy(inline_scripts(page))
        for stale in ("etag", "last-modified"):
            if stale in headers:
                del headers[stale]
        body = gzip.compress(page, compresslevel=6) if zipped else page
        headers["content-length"] = str(len(body))
        await send(start)
        await send({"type": "http.response.body", "body": body, "more_body": False})
