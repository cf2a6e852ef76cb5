"""Without JavaScript, without a browser: every app page's <noscript> block
(components/noscript.py, put in the first HTML by components/web.py) and the text edition's Get help,
which says what Back does for each case from one source of words (help.yaml `quick_exit.back_note`)."""

from __future__ import annotations

import html
import re

from components import noscript, quick_exit, web
from components.content import load_content
from components.help import first_line
from components.text_edition import render_page
from components.text_edition.doc import markdown

STREAMLIT_PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='UTF-8'></head><body><noscript><p>You need to enable "
    b"JavaScript to run this app.</p><p>AI agents: _stcore/agent/openapi.json</p></noscript>"
    b'<div id="root"></div></body></html>'
)


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))).strip()


def words(md: str) -> str:
    return text_of(markdown(md))


def test_each_page_names_itself_and_links_its_text_page(content):
    labels = content.ui.labels
    block = noscript.block_html(content, "cycle", base="hb")
    assert block.startswith("<noscript>") and block.endswith("</noscript>")
    assert f"<h1>{html.escape(content.ui.pages['cycle'].title)}</h1>" in block
    assert '<a class="hb-noscript-text" href="/hb/text/cycle">' + html.escape(labels["noscript_text_link"]) in block
    assert labels["noscript_intro"] in text_of(block)
    assert words(content.help.quick_exit.back_note.no_script) in text_of(block)
    # The page that opens at the root is the first page; the facilitator's tools have no text page: the index.
    assert 'href="/text/welcome"' in noscript.block_html(content, "welcome")
    tool = noscript.block_html(content, "run-session")
    assert 'href="/text/"' in tool and html.escape(labels["noscript_index_link"]) in tool
    assert labels["noscript_text_link"] not in text_of(tool)
    assert "help_immediate_heading" not in block and labels["help_immediate_heading"] not in text_of(block)


def test_get_help_gives_the_readers_emergency_number_and_main_line(content):
    h, labels = content.help, content.ui.labels
    uk = next(r for r in h.regions if "GB" in r.countries)
    block = text_of(noscript.block_html(content, "get-help", accept_language="en-GB,en;q=0.9"))
    ours = [n for n in h.immediate_danger.numbers if uk.id in n.regions]
    assert ours and all(f"{n.region}: {n.number}" in block for n in ours)
    assert block.index(labels["noscript_main_line"]) > block.index(ours[0].number)
    others = [n for n in h.immediate_danger.numbers if uk.id not in n.regions]
    assert not any(f"{n.region}: {n.number}" in block for n in others)
    line = first_line(h, uk.id, "domestic-abuse")
    phone = next(c for c in line.channels if c.kind == "phone")
    assert labels["noscript_main_line"] in block and line.name in block and phone.value in block
    assert 'href="tel:' + re.sub(r"\D", "", phone.value) in noscript.block_html(
        content, "get-help", accept_language="en-GB"
    )


def test_get_help_with_no_known_region_gives_every_emergency_number(content):
    block = text_of(noscript.block_html(content, "get-help", accept_language="fr"))
    assert all(f"{n.region}: {n.number}" in block for n in content.help.immediate_danger.numbers)
    assert content.ui.labels["noscript_main_line"] not in block  # no region: no single main line to name


def test_words_from_content_are_escaped_never_markup(content_copy):
    ui = content_copy / "ui.yaml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace(
            'noscript_intro: "This page', 'noscript_intro: "<img src=x onerror=alert(1)> This page', 1
        ),
        encoding="utf-8",
    )
    block = noscript.block_html(load_content(content_copy), "cycle")
    assert "<img" not in block and "&lt;img src=x onerror=alert(1)&gt;" in block


def test_paths_name_their_pages():
    ids = {"welcome", "cycle", "get-help"}
    assert noscript.page_id_for_path("/", "", ids) == "welcome"
    assert noscript.page_id_for_path("/get-help", "", ids) == "get-help"
    assert noscript.page_id_for_path("/hb/cycle/", "hb", ids) == "cycle"
    assert noscript.page_id_for_path("/nowhere", "", ids) is None
    assert noscript.page_id_for_path("/cycle/more", "", ids) is None


def test_the_block_replaces_streamlits_notice_right_after_the_exit(content):
    block = noscript.block_html(content, "get-help")
    page = web.rewrite_document(STREAMLIT_PAGE, quick_exit.ExitSettings(), "", block).decode()
    assert "openapi.json" not in page and "You need to enable" not in page
    assert page[page.index("<body>") :].count("<noscript>") == 1
    exit_end = page.index("</div>", page.index('<div id="hb-exit"'))
    assert page.index('<noscript><div id="hb-noscript"') > exit_end
    assert page.index("<noscript>") < page.index('<div id="root">')
    # no content reaches the script policy: the block holds no script
    assert web.inline_scripts(page.encode()) == web.inline_scripts(
        web.rewrite_document(STREAMLIT_PAGE, quick_exit.ExitSettings(), "")
    )
    # without a block (content that cannot be read) Streamlit's notice stays
    assert b"You need to enable" in web.rewrite_document(STREAMLIT_PAGE, quick_exit.ExitSettings(), "")


def test_noscript_block_for_a_request_reads_the_path_and_language():
    scope = {"path": "/get-help", "headers": [(b"accept-language", b"en-GB")]}
    block = web.noscript_block(scope, "", web.request_edition(scope)[1])
    assert 'href="/text/get-help"' in block and "tel:999" in block
    cycle = {"path": "/cycle", "headers": []}
    assert 'href="/text/cycle"' in web.noscript_block(cycle, "", web.request_edition(cycle)[1])


def test_text_get_help_says_what_back_does_with_and_without_javascript(content):
    notes = content.help.quick_exit.back_note
    page = render_page(content, "get-help")
    # the deployment's note only where the exit's script runs ...
    js_only = re.search(r'<div class="hb-js-only">(.*?)</div>', page, re.S)
    assert js_only and text_of(js_only.group(1)) == words(getattr(notes, content.help.quick_exit.history))
    # ... and the no-script truth in a <noscript>, which also hides the note above
    no_js = re.search(r'<noscript><div class="hb-no-js">(.*?)</div></noscript>', page, re.S)
    assert no_js and text_of(no_js.group(1)) == words(notes.no_script)
    head = page[: page.index("</head>")]
    assert quick_exit.NO_SCRIPT_STYLE in head and ".hb-js-only{display:none!important}" in quick_exit.NO_SCRIPT_STYLE
    # the promise is nowhere outside the part hidden without JavaScript
    assert text_of(page).count(words(notes.single)) == 1
