"""No dead ends: the cycle page and each part of Healthy vs toxic a reader sees alone end
with the "Does this sound familiar?" step (components/next_step.py): the reader's region's emergency
number and lines as links a phone calls, or Get help where the region is unknown or has none; the
cycle links on; teen dating examples with their sources; the text edition says the same."""

from __future__ import annotations

import re

import pytest

from components import comparison as hvt
from components import next_step_lines as lines
from components.help import channel_value, dial_address, first_line, region_for_locale
from components.text_edition import render_page
from conftest import open_page

# (page, query) for every place the step ends: the cycle, and the three parts of Healthy vs toxic
ENDINGS = [
    ("cycle", {}),
    ("healthy-vs-toxic", {"part": "compare"}),
    ("healthy-vs-toxic", {"part": "signs"}),
    ("healthy-vs-toxic", {"part": "sorter"}),
    ("healthy-vs-toxic", {"part": "sorter", "sorter": "room"}),
]
ENDING_IDS = ["cycle", "compare", "signs", "sorter", "sorter-room"]


def open_in(page_id: str, locale: str | None, **query: str):
    """A page through AppTest, inside the shell, for a browser whose language is `locale`, past the
    content note."""
    return open_page(page_id, go_on=True, locale=locale, **query)


def leaves(node) -> list:
    """Every element of a block, in the order the page shows them."""
    children = getattr(node, "children", None)
    if children is None:
        return [node]
    return [leaf for key in sorted(children) for leaf in leaves(children[key])]


def the_ending(at, content) -> list:
    """The elements from the step's heading to the end of the page (the step must be last)."""
    shown = leaves(at.main)
    heading = content.help.next_step.heading
    starts = [i for i, e in enumerate(shown) if e.type == "subheader" and e.value == heading]
    assert len(starts) == 1, "the step shows once, with its heading"
    return shown[starts[0] :]


def tel_links(text: str) -> set[str]:
    return set(re.findall(r"\]\((tel:[^)]+)\)", text))


# --------------------------------------------------------------------------- the pages end with the step


@pytest.mark.parametrize(("page_id", "query"), ENDINGS, ids=ENDING_IDS)
def test_the_page_ends_with_the_step_and_the_uk_lines(content, page_id, query):
    at = open_in(page_id, "en-GB", **query)
    ending = the_ending(at, content)
    words, help_ = content.help.next_step, content.help
    assert [e.type for e in ending] == [
        "subheader",
        "markdown",
        "markdown",
        "caption",
        "markdown",
        "caption",
        "page_link",
        "page_link",
    ]
    assert ending[1].value == words.intro
    rows = ending[2].value
    uk_lines = [first_line(help_, "uk", kind) for kind in ("domestic-abuse", "crisis", "youth")]
    assert all(uk_lines)  # the UK has a line of each kind today
    expected = {"tel:999"} | {dial_address(c.value) for line in uk_lines for c in line.channels if c.kind == "phone"}
    assert tel_links(rows) == expected  # the emergency number and each line, one tap away
    for line in uk_lines:
        assert line.name in rows
    assert "Get help" not in rows  # nothing sent elsewhere: the region has its own lines
    assert "United Kingdom" in ending[3].value  # which region the lines are for, and why
    for step in words.steps:
        assert f"**{step.title}.** {step.body}" in ending[4].value
    assert "Safety planning" in ending[5].value  # the steps' sources
    get_help, friends = (e.proto for e in ending[-2:])
    assert "get-help" in get_help.page and get_help.label == words.get_help
    assert "worried-about-someone" in friends.page and friends.label == words.friends


@pytest.mark.parametrize(("page_id", "query"), ENDINGS[:2], ids=ENDING_IDS[:2])
def test_an_unknown_region_is_sent_to_get_help_with_every_emergency_number(content, page_id, query):
    at = open_in(page_id, "fr-FR", **query)  # France: no region of ours
    ending = the_ending(at, content)
    rows = ending[2].value
    assert {dial_address(n.number.split(" or ")[0]) for n in content.help.immediate_danger.numbers} <= tel_links(rows)
    labels = content.ui.labels
    for section in ("help_kind_domestic-abuse", "help_kind_crisis", "help_kind_youth"):
        assert f"**{labels[section]}:** {content.help.next_step.on_get_help}" in rows  # never a blank
    assert "caption" not in [e.type for e in ending[2:4]]  # no region named: none was chosen
    assert "get-help" in ending[-2].proto.page


def test_a_region_without_a_crisis_line_of_its_own_names_get_helps_section(content):
    """Every region has a crisis line today; a help.yaml without Australia's still leaves no blank."""
    from components.next_step_lines import rows

    region, labels = "australia", content.ui.labels
    h = content.help.model_copy(
        update={
            "helplines": [
                line for line in content.help.helplines if not (line.kind == "crisis" and line.region == region)
            ]
        }
    )
    assert first_line(h, region, "crisis") is None
    text = "\n".join(row.text for row in rows(h, region, labels))
    assert f"**{labels['help_kind_crisis']}:** {h.next_step.on_get_help}" in text and "tel:000" in tel_links(text)
    da = first_line(h, region, "domestic-abuse")
    assert da.name in text and dial_address(da.channels[0].value) in tel_links(text)


def test_the_cycle_links_on_to_healing_therapies_and_get_help(content):
    at = open_in("cycle", "en-US")
    pages = [e.proto.page for e in at.main.get("page_link")]
    for page_id in ("healthy-vs-toxic", "healing", "therapies", "get-help", "worried-about-someone"):
        assert any(page_id in p for p in pages), page_id
    assert content.cycle.reasons.link_intro in [m.value for m in at.markdown]


@pytest.mark.parametrize("part", ["wheel", "heal"])
def test_the_group_parts_keep_their_own_ending(content, part):
    at = open_in("healthy-vs-toxic", "en-GB", part=part)
    assert content.help.next_step.heading not in [s.value for s in at.subheader]


def test_presenter_mode_shows_the_step_too(content):
    at = open_in("cycle", "en-GB", present="1")
    ending = the_ending(at, content)
    assert "tel:999" in tel_links(ending[2].value)


# --------------------------------------------------------------------------- the pure helpers


def test_rows_name_the_regions_own_number_and_lines(content):
    help_, labels = content.help, content.ui.labels
    us = lines.rows(help_, "us", labels)
    assert [r.kind for r in us] == ["emergency", "domestic-abuse", "crisis", "youth"]
    assert us[0].text == f"**{help_.next_step.emergency}** [911](tel:911) (United States)"
    hotline = first_line(help_, "us", "domestic-abuse")
    assert us[1].text == f"**{help_.next_step.domestic_abuse}** {lines.line_contact(hotline, labels)}"
    assert us[1].section is None and us[2].section is None
    assert "sms:" in us[1].body  # a text line is a link that opens a message
    # the US has no youth line of its own yet: Get help's section, and its anchor there
    if first_line(help_, "us", "youth") is None:
        assert (us[3].lead, us[3].anchor) == (f"{labels['help_kind_youth']}:", "under-18")


def test_every_region_has_a_row_of_every_kind_and_none_is_blank(content):
    help_, labels = content.help, content.ui.labels
    for region in ["all", *(r.id for r in help_.regions)]:
        found = lines.rows(help_, region, labels)
        assert len(found) == 4, region
        for row in found:
            assert row.lead.strip() and row.body.strip(), (region, row.kind)
            assert (row.section is None) == (row.kind == "emergency" or first_line(help_, region, row.kind) is not None)
            assert "tel:" in row.body or row.section or "https://" in row.body, (region, row.kind)


def test_the_anchors_are_get_helps_sections():
    assert {kind: anchor for kind, _, _, anchor in lines.KINDS} == {
        "domestic-abuse": None,
        "crisis": "crisis",
        "youth": "under-18",
    }


def test_line_contact_calls_and_texts_or_gives_the_website(content):
    labels = content.ui.labels
    web_only = next(h for h in content.help.helplines if not {c.kind for c in h.channels} & {"phone", "text"})
    assert lines.line_contact(web_only, labels) == f"{web_only.name}: {channel_value(web_only.channels[0])}"
    both = next(h for h in content.help.helplines if {"phone", "text"} <= {c.kind for c in h.channels})
    contact = lines.line_contact(both, labels)
    assert contact.startswith(f"{both.name}: {labels['next_step_call']} [")
    assert f", {labels['next_step_text']} [" in contact and "tel:" in contact and "sms:" in contact


def test_emergency_brief_and_text(content):
    help_ = content.help
    brief = lines.emergency_brief(help_)
    for n in help_.immediate_danger.numbers:
        assert n.region in brief
    assert brief.count("(tel:") == sum(len(re.findall(r"\d+", n.number)) for n in help_.immediate_danger.numbers)
    assert lines.emergency_text(help_, "all") == brief
    assert lines.emergency_text(help_, "ireland") == "[999](tel:999) or [112](tel:112) (Ireland)"  # its own first


def test_steps_text_and_region_name(content):
    help_ = content.help
    assert lines.steps_text(help_).count("\n- **") == len(help_.next_step.steps) - 1
    assert lines.region_name(help_, "uk") == "United Kingdom"
    assert lines.region_name(help_, "all") is None
    assert region_for_locale(help_, "en-GB") == "uk" and region_for_locale(help_, "fr-FR") == "all"


def test_the_steps_are_sourced_and_never_a_verdict(content):
    words = content.help.next_step
    known = content.sources_by_id
    assert all(s.sources and all(x in known for x in s.sources) for s in words.steps)
    said = " ".join([words.heading, words.intro, *(s.body for s in words.steps)]).lower()
    verdicts = ("you are being abused", "this is abuse", "is abusive", "is toxic", "you should leave", "you must leave")
    for verdict in verdicts:
        assert verdict not in said
    assert "only you" in words.intro.lower()  # the reader's own call, said first


# --------------------------------------------------------------------------- teen dating examples


def test_teen_examples_cover_phones_messages_school_and_friends_with_sources(content):
    comp, known = content.comparison, content.sources_by_id
    assert len(comp.teen_signs) >= 4
    for sign in comp.teen_signs:
        assert sign.sources and all(s in known for s in sign.sources), sign.id
    said = " ".join(f"{s.title} {s.description}" for s in comp.teen_signs).lower()
    for topic in ("phone", "messages", "school", "friends"):
        assert topic in said, topic
    assert not [s.id for s in comp.less_overt_signs if "come home" in s.description]  # not only adult life
    groups = hvt.sign_groups(comp, content.ui.labels)
    assert [g[0] for g in groups] == [content.ui.labels["hvt_signs_heading"], content.ui.labels["hvt_teen_heading"]]
    assert hvt.sign_items(comp.teen_signs)[0] == f"**{comp.teen_signs[0].title}.** {comp.teen_signs[0].description}"


def test_the_signs_part_shows_the_teen_examples(content):
    at = open_in("healthy-vs-toxic", "en-GB", part="signs")
    assert content.ui.labels["hvt_teen_heading"] in [h.value for h in at.header]
    text = "\n".join(m.value for m in at.markdown)
    for sign in content.comparison.teen_signs:
        assert f"**{sign.title}.** {sign.description}" in text


# --------------------------------------------------------------------------- the text edition


@pytest.mark.parametrize("page_id", ["cycle", "healthy-vs-toxic"])
def test_text_pages_end_with_the_step(content, page_id):
    page = render_page(content, page_id)
    main = page[page.index('<main id="main">') : page.index("</main>")]
    step = main[main.index('<section id="next-step">') :]
    assert step.rstrip().endswith("</section>")  # the last thing on the page
    assert content.help.next_step.heading in step
    for href in ("get-help#crisis", "get-help#under-18", "get-help", "worried-about-someone"):
        assert f'href="{href}"' in step, href
    for n in content.help.immediate_danger.numbers:  # the text page cannot know the region: every number
        assert f'href="{dial_address(n.number.split(" or ")[0])}"' in step


def test_the_cycle_text_page_links_on(content):
    page = render_page(content, "cycle")
    for page_id in ("healthy-vs-toxic", "healing", "therapies"):
        assert f'href="{page_id}"' in page
