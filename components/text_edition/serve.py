"""The text edition served by the app's own process (app.py passes `routes()` to st.App):
`/text/<locale>/` and `/text/<locale>/<page-id>` in every offered edition (a pseudo-locale when asked
for by name, `/text/en/...` too), and `/text/`, `/text/<page-id>` in English, unless the request's
Accept-Language picks another listed edition: then a redirect to it (components/editions_served.py
`pick`, as the app's runs choose). Pages are rendered once per content version (a content edit is a
new version) and sent compressed by Streamlit's own gzip layer; the safety headers come from
components/web.py like every response, with a stricter script policy set here (the exit's script,
nothing else)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from components import editions_served as served
from components import quick_exit
from components.content import content_dir, load_cached
from components.help import region_for_languages
from components.language import REFERENCE
from components.text_edition import TEXT_PAGES, render_index, render_page
from components.wording import escape_html

if TYPE_CHECKING:
    from components.content.registry import Content

PREFIX = "text"
CACHE = "public, max-age=300"  # a helpline edit reaches readers within five minutes


def policy(page: str) -> str:
    """Only the page's own inline script (the exit's), by hash; styles inline; nothing from elsewhere."""
    from components.web import inline_scripts

    hashes = " ".join(sorted({quick_exit.csp_hash(s.decode("utf-8")) for s in inline_scripts(page.encode("utf-8"))}))
    return (
        f"default-src 'none'; script-src {hashes or chr(39) + 'none' + chr(39)}; style-src 'unsafe-inline'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


# Pages that put the reader's region first, read from the request's Accept-Language (the text edition
# has no script to ask the browser); their responses vary by that header. Nothing is stored.
BY_REGION = {"get-help"}


@functools.lru_cache(maxsize=256)  # editions x pages x regions (Get help): about 60 today
def _rendered(content: Content, page_id: str | None, app_root: str, region: str | None = None) -> str:
    # one entry per (edition's content, page, root, region): each edition is a Content of its own
    if page_id is None:
        return render_index(content, app_root=app_root, text_root=app_root)
    return render_page(content, page_id, app_root=app_root, reader_region=region, text_root=app_root)


def _base() -> str:
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def _respond(body: str, status: int = 200, vary: str | None = None) -> Response:
    headers = {"Cache-Control": CACHE if status == 200 else "no-store", "Content-Security-Policy": policy(body)}
    if vary:
        headers["Vary"] = vary  # a shared cache (nginx) keeps one copy per language, never the wrong region
    return HTMLResponse(body, status_code=status, headers=headers)


def _redirect(path: str, status: int = 307, vary: str | None = None) -> Response:
    return RedirectResponse(f"{_base()}/{path}", status_code=status, headers={"Vary": vary} if vary else None)


async def _page(request: Request) -> Response:
    page_id = request.path_params.get("page")
    asked = request.path_params.get("locale")
    locale, by_language = asked or REFERENCE, False
    loaded = await run_in_threadpool(load_cached, content_dir())
    if loaded.content is not None:  # which edition: the path's, else the browser's languages
        found = await run_in_threadpool(served.editions)
        if asked is not None and asked not in found.offered:
            return _redirect(f"{PREFIX}/")
        if asked is None:
            locale = await run_in_threadpool(served.pick, None, request.headers.get("accept-language"))
            if locale != REFERENCE:
                target = page_id if page_id in TEXT_PAGES else None
                return _redirect(served.text_path(target, locale), vary="Accept-Language")
            by_language = len(found.listed) > 1  # English, chosen from the header among others
        loaded = await run_in_threadpool(served.edition, locale)
    if loaded.content is None:
        settings = await run_in_threadpool(quick_exit.current_settings, loaded)
        problems = "".join(f"<li>{escape_html(str(p))}</li>" for p in loaded.problems)
        return _respond(
            f"<!doctype html><html lang=en><head><meta charset=utf-8>{quick_exit.head_html(settings)}"
            f"<title>Content problems</title></head><body>{quick_exit.body_html(settings)}"
            f"<h1>The app's content has problems</h1><ul>{problems}</ul></body></html>",
            503,
        )
    if page_id is not None and page_id not in TEXT_PAGES:
        return _redirect(served.text_path(None, locale))
    region = None
    if page_id in BY_REGION:
        found_region = region_for_languages(loaded.content.help, request.headers.get("accept-language"))
        region = None if found_region == "all" else found_region
    body = await run_in_threadpool(_rendered, loaded.content, page_id, _base() + "/", region)
    return _respond(body, vary="Accept-Language" if by_language or page_id in BY_REGION else None)


async def _to_index(request: Request) -> Response:
    return _redirect(f"{PREFIX}/", 308)


async def _page_or_edition(request: Request) -> Response:
    """`/text/<page-id>`, or `/text/<locale>` (an edition's index, without its slash)."""
    name = request.path_params["page"]
    if name not in TEXT_PAGES and name in await run_in_threadpool(lambda: served.editions().offered):
        return _redirect(f"{PREFIX}/{name}/", 308)
    return await _page(request)


def routes() -> list[Route]:
    base = _base()
    return [
        Route(f"{base}/{PREFIX}", _to_index),
        Route(f"{base}/{PREFIX}/", _page),
        Route(f"{base}/{PREFIX}/{{page}}", _page_or_edition),
        Route(f"{base}/{PREFIX}/{{locale}}/", _page),
        Route(f"{base}/{PREFIX}/{{locale}}/{{page}}", _page),
    ]
