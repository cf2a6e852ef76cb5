"""The page kit (components/page_kit.py) on its own, and the pages built with it: every item of every
card grid is shown, in presenter mode too, under the keys browser tests and CSS select on."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.content import load_content
from test_pages import TIMEOUT, all_text, open_page


def card_keys(at: AppTest) -> list[str]:
    """The key of every keyed container, in page order (a block's id is `$$ID-<hash>-<key>`)."""
    found: list[str] = []

    def walk(node) -> None:
        block_id = getattr(getattr(node, "proto", None), "id", "")
        if isinstance(block_id, str) and block_id.startswith("$$ID-"):
            found.append(block_id.split("-", 2)[2])
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def rows_of_columns(at: AppTest) -> int:
    """How many sets of columns the main area holds (each row of a grid is one)."""
    return sum(
        1
        for node in at.main.children.values()
        if getattr(node, "type", None) == "flex_container"
        and any(getattr(c, "type", None) == "column" for c in node.children.values())
    )


def _grid_script(per_row: int, per_row_presenting: int | None = None, presenting: bool = False) -> None:
    from types import SimpleNamespace

    import streamlit as st

    from components.page_kit import card_grid
    from components.text import md

    st.session_state["present"] = presenting
    items = [SimpleNamespace(id=f"item-{n}", title=f"Title {n}", body=f"Body {n}", sources=[]) for n in range(5)]
    card_grid(
        items, per_row, per_row_presenting=per_row_presenting, key="kit", extra=lambda item: md(f"Extra {item.id}")
    )


def run_grid(**kwargs) -> AppTest:
    at = AppTest.from_function(_grid_script, kwargs=kwargs, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_grid_of_five_with_two_per_row_shows_five_cards_under_their_keys():
    at = run_grid(per_row=2)
    assert card_keys(at) == [f"kit_item-{n}" for n in range(5)]
    assert rows_of_columns(at) == 3  # 2 + 2 + 1
    text = all_text(at)
    for n in range(5):
        assert f"**Title {n}**" in text and f"Body {n}" in text and f"Extra item-{n}" in text


def test_grid_takes_fewer_per_row_while_presenting_and_still_shows_every_item():
    at = run_grid(per_row=4, per_row_presenting=2, presenting=True)
    assert card_keys(at) == [f"kit_item-{n}" for n in range(5)]
    assert rows_of_columns(at) == 3
    at = run_grid(per_row=4, per_row_presenting=2, presenting=False)
    assert card_keys(at) == [f"kit_item-{n}" for n in range(5)]
    assert rows_of_columns(at) == 2


def test_one_to_a_row_is_a_plain_list_of_cards():
    at = run_grid(per_row=1)
    assert card_keys(at) == [f"kit_item-{n}" for n in range(5)]
    assert rows_of_columns(at) == 0


def _fields_script() -> None:
    from types import SimpleNamespace

    from components.page_kit import card_grid

    items = [
        SimpleNamespace(id=f"f-{n}", title=f"Title {n}", description=f"Described {n}", sources=[]) for n in range(3)
    ]
    card_grid(items, 3, key="named", heading=True, body="description")
    card_grid(items[:1], 1, key="called", title=lambda item: f"Called {item.id}", body=lambda item: None)


def test_grid_cards_show_the_attribute_or_function_they_are_given():
    at = AppTest.from_function(_fields_script, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert card_keys(at) == ["named_f-0", "named_f-1", "named_f-2", "called_f-0"]
    assert [s.value for s in at.subheader] == ["Title 0", "Title 1", "Title 2"]  # headed titles
    texts = [m.value for m in at.markdown]
    assert texts == ["Described 0", "Described 1", "Described 2", "**Called f-0**"]  # a None body shows nothing


def test_field_of_reads_an_attribute_or_calls_a_function():
    from types import SimpleNamespace

    from components.page_kit import field_of

    item = SimpleNamespace(title="T", description="D")
    assert field_of(item, "description") == "D"
    assert field_of(item, "body") is None
    assert field_of(item, lambda i: i.title.lower()) == "t"


@pytest.mark.parametrize("present", ["1", "0"])
def test_forms_of_abuse_read_in_rows_in_content_order(content, present):
    """Healthy vs toxic's forms of abuse: one set of columns a row, so the cards come in content order
    (the old `cols[i % len(cols)]` put them column by column, out of order for a screen reader)."""
    at = open_page("healthy-vs-toxic", part="signs", present=present)
    at.button(key="content_note_go_on").click().run()
    assert not at.exception, [e.value for e in at.exception]
    forms = content.comparison.forms_of_abuse
    assert [k for k in card_keys(at) if k.startswith("hvt_form_")] == [f"hvt_form_{f.id}" for f in forms]
    per_row = 2 if present == "1" else 3
    assert rows_of_columns(at) == -(-len(forms) // per_row)


def _card_script() -> None:
    from types import SimpleNamespace

    import streamlit as st

    from components.page_kit import card, sources_of
    from components.routing import get_content
    from components.text import md

    content = get_content()
    src = content.sources.sources
    with card("plain", "A title", "A <b>body</b>", sources=[src[0].id], content=content):
        md("Inside")
    with card("headed", "A heading", heading=True, anchor="headed-anchor"):
        pass
    items = [SimpleNamespace(sources=[src[1].id, src[0].id]), SimpleNamespace(sources=[src[0].id])]
    sources_of(content, items)
    st.markdown("end")


def test_card_shows_title_body_what_the_page_adds_then_its_sources(content):
    at = AppTest.from_function(_card_script, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert card_keys(at) == ["plain", "headed"]
    src = content.sources.sources
    texts = [m.value for m in at.markdown]
    assert texts[:3] == ["**A title**", "A &lt;b>body&lt;/b>", "Inside"]  # raw HTML shown as text
    captions = [c.value for c in at.caption]
    assert src[0].title in captions[0]
    assert at.subheader[0].value == "A heading" and at.subheader[0].proto.anchor == "headed-anchor"
    # several items' sources: one line, each source once, in sorted id order
    union = captions[1]
    assert union.count(src[0].title) == 1 and src[1].title in union
    first, second = sorted([src[0], src[1]], key=lambda s: s.id)
    assert union.index(first.title) < union.index(second.title)


@pytest.fixture
def more_items(content_copy, monkeypatch):
    """The content with a fifth "moving forward" point: in presenter mode (two to a row) its grid
    has a third row, which the old `zip(st.columns(per_row) * 2, ...)` dropped. (The nine
    communication tips already end in a short row.)"""
    f = content_copy / "healing.yaml"
    text = f.read_text(encoding="utf-8")
    extra_point = (
        'moving_forward:\n  - id: forward-extra-test\n    title: "An extra point"\n'
        '    body: "A fifth point, added by the test."\n    sources: [article-relationship-trauma-betrayal]\n'
    )
    assert text.count("moving_forward:\n") == 1
    text = text.replace("moving_forward:\n", extra_point, 1)
    f.write_text(text, encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(content_copy))
    loaded = load_content(content_copy)
    assert len(loaded.healing.moving_forward) == 5
    return loaded


@pytest.mark.parametrize("present", ["1", "0"])
def test_healing_shows_every_point_of_every_grid(more_items, present):
    at = open_page("healing", present=present)
    assert not at.exception, [e.value for e in at.exception]
    keys = set(card_keys(at))
    heal = more_items.healing
    for prefix, items in (("forward", heal.moving_forward), ("tip", heal.communication), ("trust", heal.trust)):
        for item in items:
            assert f"{prefix}_{item.id}" in keys, (present, prefix, item.id)
    text = all_text(at)
    assert all(f"**{p.title}**" in text for p in heal.moving_forward)


def test_welcome_and_get_help_show_every_card(content):
    at = open_page("welcome", present="1")
    assert {f"way_{w.id}" for w in content.welcome.ways_in} <= set(card_keys(at))
    at = open_page("get-help", present="1")
    assert {f"line_{h.id}" for h in content.help.helplines} <= set(card_keys(at))
