"""The "What practitioners say" page: its content (every practitioner of article 001, the two other
articles, references that resolve, our own words), its pure logic, its chart builders, and the page
itself through AppTest (filters and highlight kept in the URL)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from components import perspectives as logic
from components.charts.perspectives import KIND_STYLE, conditions_bar, stance_spectrum
from conftest import CONTENT, ROOT, problems_for, qp

SEEDS = ROOT.parent / "shared" / "seeds"
ARTICLE_001 = SEEDS / "001_9d9eb9838680bd3f.txt"

# The twelve people article 001 names, as its bylines print them (checked against the article below).
NAMED_IN_001 = [
    "Carrie Mead",
    "Meenakshi Joshi",
    "Nikki Nolet",
    "Vicki Coleman",
    "Thomas Jameson",
    "Bryan Bruno",
    "Audrey Hope",
    "Elijah Akin",
    "Sameera Sullivan",
    "Alexander Burgemeester",
    "Amelia Prinn",
    "Michelle Devani",
]

needs_seeds = pytest.mark.skipif(not ARTICLE_001.is_file(), reason="source articles not beside the repo")


def bylines(text: str) -> list[str]:
    """Names from the article's bylines: a heading line (name, maybe title and credentials), then
    the bare name on its own line ('Dr. Vicki D. Coleman' followed by 'Vicki Coleman')."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    found = []
    for heading, line in zip(lines, lines[1:]):
        words = line.split()
        if (
            2 <= len(words) <= 3
            and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words)
            and words[0] in heading
            and words[-1] in heading
        ):
            found.append(line)
    return found


def first_last(name: str) -> tuple[str, str]:
    words = [w for w in name.split() if not w.endswith(".") or len(w) > 3]  # drop "Dr." and initials
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
    return words[0], words[-1]


@pytest.fixture(scope="module")
def data(content):
    return content.perspectives


# --------------------------------------------------------------------------- content


@needs_seeds
def test_article_001_names_exactly_twelve_people():
    assert bylines(ARTICLE_001.read_text(encoding="utf-8")) == NAMED_IN_001


@needs_seeds
def test_every_named_practitioner_of_001_has_a_card(data):
    article = ARTICLE_001.read_text(encoding="utf-8")
    ours = {first_last(p.name) for p in logic.practitioners(data) if p.name}
    for name in bylines(article):
        assert first_last(name) in ours, f"{name} (article 001) has no perspective"
    for p in logic.practitioners(data):
        if p.name:
            assert p.name in article, f"{p.name!r} is not spelled as in article 001"


def test_twelve_practitioners_all_named(data):
    # "It's possible, with one condition" is a second heading of Burgemeester's answer (no byline
    # comes before it), so article 001 has twelve contributors, not thirteen
    people = logic.practitioners(data)
    assert len(people) == 12
    assert all(p.name for p in people)
    assert all(
        p.sources == ["article-toxic-relationships-heal"] or "article-toxic-relationships-heal" in p.sources
        for p in people
    )


def test_the_two_other_articles_and_how_they_are_labelled(content, data):
    others = {p.kind: p for p in logic.other_voices(data)}
    assert set(others) == {"lived-experience", "personal-account"}
    assert others["lived-experience"].sources == ["article-can-trauma-bond-heal"]
    assert others["personal-account"].sources == ["article-abuser-leaves-first"]
    assert content.source("article-abuser-leaves-first").kind == "personal-account"
    labels = content.ui.labels
    assert "non-professional" in labels["perspectives_kind_personal-account"]
    assert "lived experience" in labels["perspectives_kind_lived-experience"]


def test_every_card_has_who_role_stance_and_advice(data):
    for p in data.perspectives:
        assert p.display_name and p.role and p.stance_summary and p.key_advice, p.id
        assert p.sources


def test_non_clinical_framing_is_flagged_never_therapy(data):
    rule = data.framing_rule.lower()
    assert "not a therapy" in rule and "non-clinical" in rule
    for p in data.perspectives:
        words = " ".join([p.stance_summary, *p.key_advice]).lower()
        if re.search(
            r"soul retrieval|psychic|energy (field|drain)|drain\w* [^.]*energy", words + (p.framing_note or "").lower()
        ):
            assert p.framing_note, f"{p.id} uses a non-clinical framing without a framing note"
    hope = logic.perspective_by_id(data, "audrey-hope")
    assert hope.framing_note and "soul retrieval" in hope.framing_note.lower()


def test_every_condition_is_named_by_someone_and_counted(data):
    counts = logic.condition_counts(data)
    assert {c.condition.id for c in counts} == {c.id for c in data.conditions}
    assert all(c.count + len(c.also_others) >= 1 for c in counts)


def test_differences_name_real_voices_and_real_disagreements(data):
    ids = {p.id for p in data.perspectives}
    assert len(data.differences) >= 3
    for d in data.differences:
        assert len(d.sides) >= 2
        seen = [pid for side in d.sides for pid in side.perspectives]
        assert set(seen) <= ids
        assert len(seen) == len(set(seen)), f"{d.id}: a voice sits on two sides"
    # the headline disagreement spans the spectrum: someone at each end
    first = data.differences[0]
    stances = {logic.perspective_by_id(data, pid).stance for side in first.sides for pid in side.perspectives}
    assert {"rarely-or-never", "often-with-work"} <= stances


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@needs_seeds
def test_our_own_words_no_run_of_eight_words_copied():
    ours = yaml.safe_load((CONTENT / "perspectives.yaml").read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(x):
        if isinstance(x, str):
            texts.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(ours)
    source = set()
    for f in SEEDS.glob("*.txt"):
        source |= _ngrams(f.read_text(encoding="utf-8"), 8)
    copied = [" ".join(g) for t in texts for g in _ngrams(t, 8) & source]
    assert not copied, copied


# --------------------------------------------------------------------------- validation of references


def _edit(folder: Path, fn) -> None:
    f = folder / "perspectives.yaml"
    d = yaml.safe_load(f.read_text(encoding="utf-8"))
    fn(d)
    f.write_text(yaml.safe_dump(d, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _problems(folder: Path) -> str:
    return "\n".join(problems_for(folder))


def test_unknown_condition_reference_fails(content_copy):
    _edit(content_copy, lambda d: d["perspectives"][0]["conditions"].append("made-up-condition"))
    assert "perspective 'carrie-mead': unknown condition(s): made-up-condition" in _problems(content_copy)


def test_unknown_stance_fails(content_copy):
    _edit(content_copy, lambda d: d["perspectives"][1].update(stance="maybe"))
    assert "perspective 'meenakshi-joshi': stance 'maybe' is not one of" in _problems(content_copy)


def test_unknown_voice_in_a_difference_fails(content_copy):
    _edit(content_copy, lambda d: d["differences"][0]["sides"][0]["perspectives"].append("nobody"))
    assert "difference 'can-it-heal-at-all': unknown perspective(s): nobody" in _problems(content_copy)


def test_unused_condition_and_nameless_voice_fail(content_copy):
    def breakit(d):
        d["conditions"].append(
            {"id": "orphan", "label": "x", "description": "y", "sources": ["article-toxic-relationships-heal"]}
        )
        next(p for p in d["perspectives"] if p["id"] == "article-004-position")["label"] = None

    _edit(content_copy, breakit)
    out = _problems(content_copy)
    assert "conditions named by no perspective: orphan" in out
    assert "perspective 'article-004-position': give a name or, when there is none, a label" in out


def test_uncited_perspective_fails(content_copy):
    _edit(content_copy, lambda d: d["perspectives"][2].update(sources=[]))
    assert re.search(
        r"perspectives\.yaml:\d+: perspectives\.2\.sources: List should have at least 1 item", _problems(content_copy)
    )


# --------------------------------------------------------------------------- pure logic


def test_filter_and_highlight_order(data):
    people = logic.practitioners(data)
    everyone = logic.filter_and_order(people, None, None)
    assert everyone == people
    shown = logic.filter_and_order(people, "space-to-heal", None)
    assert [p.id for p in shown] == ["carrie-mead", "nikki-nolet", "bryan-bruno"]
    first = logic.filter_and_order(people, None, "michelle-devani")
    assert first[0].id == "michelle-devani" and len(first) == len(people)
    assert [p.id for p in first[1:]] == [p.id for p in people if p.id != "michelle-devani"]


def test_highlight_hidden_by_filter(data):
    assert logic.highlight_hidden(data, "space-to-heal", "audrey-hope").id == "audrey-hope"
    assert logic.highlight_hidden(data, "space-to-heal", "bryan-bruno") is None
    assert logic.highlight_hidden(data, None, "audrey-hope") is None
    assert logic.highlight_hidden(data, "space-to-heal", None) is None


def test_condition_counts_brute_force_and_order(data):
    counts = logic.condition_counts(data)
    people = logic.practitioners(data)
    for row in counts:
        expected = [p.display_name for p in people if row.condition.id in p.conditions]
        assert row.count == len(expected) and list(row.names) == expected
    assert [r.count for r in counts] == sorted((r.count for r in counts), reverse=True)
    top = counts[0]
    assert top.condition.id == "both-want-change" and top.count == 11  # all twelve but Jameson
    assert "article-000-position" in top.also_others
    only_000 = {r.condition.id for r in counts if r.also_others}
    assert only_000 == set(logic.perspective_by_id(data, "article-000-position").conditions)


def test_stance_groups_span_the_spectrum_in_order(data):
    groups = logic.stance_groups(data)
    positions = [s.position for s, _ in groups]
    assert positions == sorted(positions)
    assert groups[0][0].label.lower().startswith("rarely")
    assert "often" in groups[-1][0].label.lower()
    placed = [p.id for _, people in groups for p in people]
    assert sorted(placed) == sorted(p.id for p in data.perspectives if p.stance is not None)
    assert {p.id for p in groups[0][1]} == {"article-000-position"}
    # article 004 does not address repair (its own summary says so): it is left off the spectrum
    assert [p.id for p in logic.off_spectrum(data)] == ["article-004-position"]


# --------------------------------------------------------------------------- chart builders


def _points(fig, kind_names):
    out = []
    for tr in fig.data:
        if tr.name in kind_names and tr.x is not None:
            out += list(zip(tr.x, tr.y, tr.marker.symbol, tr.marker.color, tr.text))
    return out


def test_spectrum_places_every_voice_in_its_stance_column(content, data):
    fig = stance_spectrum(logic.spectrum_chart(data, content.ui.labels, None, None))
    kinds = {content.ui.labels[f"perspectives_kind_{k}"]: k for k in KIND_STYLE}
    pts = _points(fig, kinds)
    assert len(pts) == len(data.perspectives) - len(logic.off_spectrum(data))
    stance_index = {s.id: i for i, (s, _) in enumerate(logic.stance_groups(data))}
    for p in data.perspectives:
        if p.stance is None:
            continue
        matches = [pt for pt in pts if p.chart_name.split()[-1] in pt[4]]
        assert any(pt[0] == stance_index[p.stance] for pt in matches), p.id
    # kind is shown by symbol as well as colour
    symbols = {tr.name: set(tr.marker.symbol) for tr in fig.data if tr.name in kinds}
    assert len({frozenset(s) for s in symbols.values()}) == len(symbols)
    ticks = list(fig.layout.xaxis.ticktext)
    assert "Rarely" in ticks[0] and "Often" in ticks[-1]
    assert not any(tr.marker.symbol == "star" for tr in fig.data)


def test_spectrum_filter_dims_with_hollow_symbols_and_highlight_is_a_star(content, data):
    fig = stance_spectrum(logic.spectrum_chart(data, content.ui.labels, "space-to-heal", "audrey-hope"))
    kinds = {content.ui.labels[f"perspectives_kind_{k}"] for k in KIND_STYLE}
    pts = _points(fig, kinds)
    naming = {p.chart_name for p in data.perspectives if "space-to-heal" in p.conditions}
    hollow = [pt for pt in pts if pt[2].endswith("-open")]
    assert len(hollow) == len(data.perspectives) - len(logic.off_spectrum(data)) - len(naming)
    assert all("span" in pt[4] for pt in hollow)  # the name is greyed too
    stars = [tr for tr in fig.data if tr.marker.symbol == "star"]
    assert len(stars) == 1 and "Audrey Hope" in stars[0].name
    legend = [tr.name for tr in fig.data]
    assert content.ui.labels["perspectives_not_condition"] in legend


def test_conditions_bar_counts_and_selected_bar(content, data):
    fig = conditions_bar(logic.conditions_chart(data, content.ui.labels, "space-to-heal"))
    bar = fig.data[0]
    counts = {r.condition.label: r.count for r in logic.condition_counts(data)}
    for label, x in zip(bar.y, bar.x):
        assert counts[label.removeprefix("▶ ")] == x
    selected = [i for i, y in enumerate(bar.y) if y.startswith("▶ ")]
    assert len(selected) == 1
    i = selected[0]
    assert bar.marker.pattern.shape[i] == "/" and all(s == "" for j, s in enumerate(bar.marker.pattern.shape) if j != i)
    assert bar.marker.color[i] != bar.marker.color[(i + 1) % len(bar.y)]
    assert content.ui.labels["perspectives_selected"] in bar.text[i]
    also = fig.data[1]
    assert also.marker.symbol == "square"
    assert len(also.y) == len(set(logic.perspective_by_id(data, "article-000-position").conditions))
    assert list(bar.y)[-1].endswith(logic.condition_counts(data)[0].condition.label)  # most named on top


def test_conditions_bar_without_selection_has_no_pattern(content, data):
    bar = conditions_bar(logic.conditions_chart(data, content.ui.labels, None), 1.35).data[0]
    assert set(bar.marker.pattern.shape) == {""}
    assert not any(y.startswith("▶") for y in bar.y)


def test_text_alternative_rows(content, data):
    rows = logic.conditions_rows(data, content.ui.labels)
    assert len(rows) == len(data.conditions)
    labels = content.ui.labels
    assert rows[0][labels["perspectives_col_condition"]] == logic.condition_counts(data)[0].condition.label
    srows = logic.spectrum_rows(data, content.ui.labels)
    assert len(srows) == len(data.stances) + (1 if logic.off_spectrum(data) else 0)
    everyone = ", ".join(r[labels["perspectives_col_voices"]] for r in srows)
    for p in data.perspectives:
        assert p.display_name in everyone


# --------------------------------------------------------------------------- the page (AppTest)


def _page(**query):
    from test_pages import open_page

    at = open_page("perspectives", **query)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _cards(at) -> list[str]:
    return [s.value for s in at.subheader]


def test_page_shows_every_card_and_the_charts(content, data):
    at = _page()
    names = _cards(at)
    for p in data.perspectives:
        assert p.display_name in names
    for d in data.differences:
        assert d.question in names
    assert len(at.get("plotly_chart")) == 2
    headers = [h.value for h in at.header]
    assert content.ui.labels["perspectives_differ_heading"] in headers


def test_condition_filter_from_url_and_widget(content, data):
    at = _page(condition="space-to-heal")
    shown = [p.display_name for p in data.perspectives if p.display_name in _cards(at)]
    assert shown == [p.display_name for p in data.perspectives if "space-to-heal" in p.conditions]
    assert at.selectbox(key="perspectives_condition").value == "space-to-heal"
    at.selectbox(key="perspectives_condition").set_value("forgiveness").run()
    assert qp(at, "condition") == "forgiveness"
    assert [p.display_name for p in data.perspectives if p.display_name in _cards(at)] == ["Carrie Mead"]
    at.button(key="perspectives_clear").click().run()
    assert qp(at, "condition") is None
    assert all(p.display_name in _cards(at) for p in data.perspectives)


def test_person_highlight_round_trip(content, data):
    at = _page()
    at.selectbox(key="perspectives_person").set_value("thomas-jameson").run()
    assert qp(at, "person") == "thomas-jameson"
    differ = len(data.differences)
    assert _cards(at)[differ] == "Thomas J. Jameson"  # the highlighted card comes first
    assert any(f"★ {content.ui.labels['perspectives_highlighted']}" in m.value for m in at.markdown)
    # a shared link with both parameters opens the same view
    again = _page(person="thomas-jameson", condition="no-abuse-pattern")
    assert again.selectbox(key="perspectives_person").value == "thomas-jameson"
    assert again.selectbox(key="perspectives_condition").value == "no-abuse-pattern"
    assert _cards(again)[differ] == "Thomas J. Jameson"
    at.selectbox(key="perspectives_person").set_value("").run()
    assert qp(at, "person") is None


def test_highlight_hidden_by_filter_is_explained(content):
    at = _page(condition="space-to-heal", person="audrey-hope")
    assert "Audrey Hope" not in _cards(at)[len(content.perspectives.differences) :]
    assert any("Audrey Hope" in i.value for i in at.info)


def test_unknown_url_values_are_ignored(data):
    at = _page(condition="not-a-condition", person="nobody")
    assert at.selectbox(key="perspectives_condition").value == ""
    assert at.selectbox(key="perspectives_person").value == ""
    assert all(p.display_name in _cards(at) for p in data.perspectives)


def test_framing_note_shown_on_the_card(data):
    at = _page(person="audrey-hope")
    infos = [i.value for i in at.info]
    assert any("soul retrieval" in v.lower() and "not a therapy" in v.lower() for v in infos)
