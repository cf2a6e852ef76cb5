"""Charts follow the reader's theme: every builder draws on the palette's paper, and every
text it draws, on the paper or on a coloured mark, keeps AA contrast (4.5:1) in both palettes; lines
that carry meaning keep 3:1. Pure: the figures are built here, no browser."""

from __future__ import annotations

import re

import pytest

from components import perspectives as persp
from components import therapies as th
from components.charts import common
from components.charts.common import DARK, LIGHT, Palette, contrast, over, palette_for
from components.charts.comparison import spectrum_figure, wheel_figure
from components.charts.cycle_steps import cycle_figure, stages_figure
from components.charts.cycle_weeks import over_time_figure, sandbox_figure
from components.charts.perspectives import conditions_bar, stance_spectrum
from components.charts.room import room_counts_figure
from components.charts.room_shift import room_shift_figure
from components.charts.therapies import therapy_map
from components.charts.trauma_healing import closeness_figure, patterns_figure, self_concept_radar
from components.trauma_healing import closeness_chart, pattern_paths

PHASES = ("Tension building", "Acute incident", "Loving contrition", "Calm")


def builders(content):
    """(name, build(palette)) for every chart builder, with the inputs its page gives it."""
    labels = content.ui.labels
    rt, persp_data, th_data = content.relational_trauma, content.perspectives, content.therapies
    headings = (labels["trauma_pattern_early"], labels["trauma_pattern_belief"], labels["trauma_pattern_adult"])
    spokes = (("Threats", "Fairness"), ("Fear", "Safety"), ("Put-downs", "Respect"), ("Money", "Partnership"))
    levels = (("healthy", "Healthy"), ("unhealthy", "Unhealthy"), ("abusive", "Abusive"))
    condition, person = "space-to-heal", "audrey-hope"  # a chosen condition (dims voices) and a highlighted voice
    shift_rows = (("Before", (3, 2, 1), ""), ("After", None, "Too few answers to show"))
    out = [
        ("cycle", lambda p: cycle_figure(PHASES, 1, palette=p)),
        (
            "over_time",
            lambda p: over_time_figure(
                PHASES, (0.4, 0.2, 0.3, 0.1), (0.1, 0.3, 0.1, 0.5), 5, 12, "Share", "Week", palette=p
            ),
        ),
        (
            "sandbox",
            lambda p: sandbox_figure(
                6, 7, 5, ("Attachment", "Well-being", "Highs and lows"), "Level", "Week", palette=p
            ),
        ),
        ("stages", lambda p: stages_figure(PHASES + ("Five", "Six", "Seven"), 2, palette=p)),
        ("wheel", lambda p: wheel_figure(spokes, (True, False, True, False), 1, "Power and control", palette=p)),
        (
            "spectrum",
            lambda p: spectrum_figure(levels, (("abusive", "You", "x"), ("unhealthy", "Us", "star")), palette=p),
        ),
        ("closeness_abandonment", lambda p: closeness_figure(closeness_chart(rt, labels, "abandonment"), palette=p)),
        ("closeness_enmeshment", lambda p: closeness_figure(closeness_chart(rt, labels, "enmeshment"), palette=p)),
        ("closeness_cohesion", lambda p: closeness_figure(closeness_chart(rt, labels, "cohesion"), palette=p)),
        ("patterns", lambda p: patterns_figure(pattern_paths(rt.patterns), headings, 1, palette=p)),
        (
            "radar",
            lambda p: self_concept_radar(
                ("Body", "Mind", "Work", "Friends", "Family", "Self"), (3, 5, 7, 2, 6, 4), 1, 7, "Me", palette=p
            ),
        ),
        ("therapy_map", lambda p: therapy_map(th.map_chart(th_data, labels), {"cbt", "emdr"}, "emdr", palette=p)),
        (
            "stance_spectrum",
            lambda p: stance_spectrum(persp.spectrum_chart(persp_data, labels, condition, person), palette=p),
        ),
        ("conditions_bar", lambda p: conditions_bar(persp.conditions_chart(persp_data, labels, condition), palette=p)),
        (
            "room_counts",
            lambda p: room_counts_figure(
                (("healthy", "Healthy"), ("unhealthy", "Unhealthy"), ("abusive", "Abusive")),
                (4, 2, 1),
                "Answers",
                palette=p,
            ),
        ),
        ("room_counts_plain", lambda p: room_counts_figure((("1", "1"), ("2", "2"), ("3", "3")), (1, 3, 0), palette=p)),
        (
            "room_shift",
            lambda p: room_shift_figure((("A", "Agree"), ("U", "Unsure"), ("D", "Disagree")), shift_rows, palette=p),
        ),
    ]
    return out


NAMES = [
    "cycle",
    "over_time",
    "sandbox",
    "stages",
    "wheel",
    "spectrum",
    "closeness_abandonment",
    "closeness_enmeshment",
    "closeness_cohesion",
    "patterns",
    "radar",
    "therapy_map",
    "stance_spectrum",
    "conditions_bar",
    "room_counts",
    "room_counts_plain",
    "room_shift",
]


def _build(content, name: str, palette: Palette):
    return dict(builders(content))[name](palette)


def _as_list(value, n: int) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value] * n


# Axis and legend text whose colour a builder leaves unset is painted by Streamlit's chart theme, in
# its own grey (#808495: 3.7:1 on white), whatever the palette: it fails in either.
UNSET = "unset"
LARGE = 24  # px: WCAG's large text (18 pt), which needs 3:1
_SPAN_COLOUR = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")


def text_pairs(fig) -> list[tuple[str, str, str, float | None]]:
    """(what, text colour, background colour, size in px or None) for every text the figure draws, the
    background being what the text sits on: the paper, a label's own box, a box drawn behind it, or a mark."""
    lay = fig.layout
    paper = lay.paper_bgcolor
    ink = lay.font.color
    pairs = [("layout font", ink, paper, None)]
    if lay.title.text:
        pairs.append(("title", lay.title.font.color or ink, paper, None))
    polar = any(t.type.endswith("polar") for t in fig.data)
    for axis in [] if polar else [*fig.select_xaxes(), *fig.select_yaxes()]:
        if axis.visible is not False:
            pairs.append((f"{axis.plotly_name} ticks", axis.tickfont.color or UNSET, lay.plot_bgcolor or paper, None))
            if axis.title.text:
                pairs.append((f"{axis.plotly_name} title", axis.title.font.color or UNSET, paper, None))
    for subplot in fig.select_polars() if polar else []:
        for part in (subplot.radialaxis, subplot.angularaxis):
            if part.visible is not False:
                pairs.append(("polar ticks", part.tickfont.color or UNSET, subplot.bgcolor or paper, None))
    pairs.append(("legend", lay.legend.font.color or UNSET, over(lay.legend.bgcolor or paper, paper), None))
    boxes = [s for s in lay.shapes if s.type == "rect" and s.fillcolor]
    for a in lay.annotations:
        if not a.text:
            continue
        colour = a.font.color or ink
        behind = paper
        if a.bgcolor:
            behind = over(a.bgcolor, paper)
        else:
            for s in boxes:  # a label inside a box drawn behind it
                if a.xref == s.xref and a.yref == s.yref and s.x0 <= a.x <= s.x1 and s.y0 <= a.y <= s.y1:
                    behind = over(s.fillcolor, paper)
        pairs += [
            (f"annotation {a.text[:20]!r}", c, behind, a.font.size) for c in [colour, *_SPAN_COLOUR.findall(a.text)]
        ]
    # bands that other marks' labels are drawn over: the wheel's spokes, the spectrum's levels
    marks_behind = [
        c
        for t in fig.data
        if t.type == "barpolar" or (t.type == "bar" and t.base is not None)
        for c in _as_list(t.marker.color, len(t.r if t.type == "barpolar" else t.x))
    ]
    for t in fig.data:
        if t.type in ("bar", "barpolar"):
            if not t.text:
                continue
            n = len(t.text)
            colours = _as_list(t.textfont.color or ink, n)
            inside = t.textposition in ("inside", "auto", None)
            backs = [over(c, paper) for c in _as_list(t.marker.color, n)] if inside else [paper] * n
            pairs += [(f"{t.type} text", c, b, _smallest(t.textfont.size)) for c, b in zip(colours, backs)]
            continue
        if "text" not in (t.mode or "") or not t.text:
            continue
        n = len(t.text)
        colours = _as_list(t.textfont.color or ink, n)
        if t.textposition == "middle center" and "markers" in t.mode:  # the text sits on its own mark
            # Plotly draws markers of many sizes ("bubbles") at 0.7 opacity unless told otherwise
            default = 0.7 if isinstance(t.marker.size, (list, tuple)) else 1
            opacity = _as_list(t.marker.opacity if t.marker.opacity is not None else default, n)
            backs = [[over(_alpha(c, o), paper)] for c, o in zip(_as_list(t.marker.color, n), opacity)]
        else:  # beside its mark: on the paper, on a fill under it, or on the bands it is drawn over
            under = [over(t.fillcolor, paper)] if t.fill and t.fillcolor else []
            backs = [[paper, *under, *(over(c, paper) for c in marks_behind)]] * n
        for text, c, bs in zip(t.text, colours, backs):
            for colour in [c, *_SPAN_COLOUR.findall(str(text))]:
                pairs += [(f"{t.type} text {str(text)[:20]!r}", colour, b, _smallest(t.textfont.size)) for b in bs]
    return pairs


def _smallest(size) -> float | None:
    return min(size) if isinstance(size, (list, tuple)) else size


def _alpha(colour: str, opacity: float) -> str:
    (r, g, b), a = common._rgb(colour)
    return f"rgba({r},{g},{b},{a * opacity})"


def test_palettes_themselves_keep_aa_contrast():
    for p in (LIGHT, DARK):
        assert contrast(p.ink, p.paper) >= 7 and contrast(p.muted, p.paper) >= 7
        assert contrast(p.faint, p.paper) >= 4.5
        assert contrast(p.rule, p.paper) >= 3  # lines and arrows that carry meaning
        assert contrast(p.ink, over(p.label_bg, p.paper)) >= 7
        assert all(contrast(p.ink, tint) >= 7 for _, tint in p.tints)
    assert contrast(common.TEXT, "#56B4E9") >= 4.5 and contrast(common.ON_DARK_MARK, "#0072B2") >= 4.5


def test_contrast_helper_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert over("rgba(0,0,0,0.5)", "#ffffff") == "#808080"


def test_theme_type_picks_the_palette():
    assert palette_for("dark") is DARK
    assert palette_for("light") is LIGHT
    assert palette_for(None) is LIGHT  # not known yet (a session's first run): as the page's first paint


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("palette", [DARK, LIGHT], ids=["dark", "light"])
def test_every_chart_draws_on_the_palettes_paper_with_aa_text(content, name, palette):
    fig = _build(content, name, palette)
    assert fig.layout.paper_bgcolor == palette.paper and fig.layout.plot_bgcolor == palette.paper
    if any(t.type.endswith("polar") for t in fig.data):
        assert fig.layout.polar.bgcolor == palette.paper
    low = [
        (what, c, b, c if c == UNSET else round(contrast(c, b), 2))
        for what, c, b, size in text_pairs(fig)
        if c == UNSET or contrast(c, b) < (3 if (size or 0) >= LARGE else 4.5)
    ]
    assert not low, f"{name} in {palette.name}: text below AA: {low}"


@pytest.mark.parametrize("name", NAMES)
def test_dark_charts_keep_meaningful_lines_and_marks_at_3_to_1(content, name):
    fig = _build(content, name, DARK)
    paper = fig.layout.paper_bgcolor
    colours = [("arrow", a.arrowcolor) for a in fig.layout.annotations if a.showarrow and a.arrowcolor]
    for t in fig.data:
        line = getattr(t, "line", None)
        if t.type == "scatter" and line is not None and line.color and "lines" in (t.mode or "") and not t.fill:
            colours.append((f"line {t.name}", line.color))
        marker = getattr(t, "marker", None)
        if t.type == "scatter" and "markers" in (t.mode or "") and marker.color is not None:
            colours += [
                (f"marker {t.name}", c) for c in _as_list(marker.color, len(t.x)) if c not in (DARK.hidden, DARK.paper)
            ]  # hidden approaches are faint on purpose
    low = [(what, c, round(contrast(c, paper), 2)) for what, c in colours if contrast(c, paper) < 3]
    assert not low, f"{name}: lines or marks below 3:1 on the dark paper: {low}"


def test_a_builder_that_hard_codes_white_paper_fails_the_check(content):
    fig = _build(content, "over_time", DARK)
    fig.update_layout(paper_bgcolor="#ffffff", plot_bgcolor="#ffffff")
    assert fig.layout.paper_bgcolor != DARK.paper
    assert any(contrast(c, b) < 4.5 for _, c, b, _ in text_pairs(fig) if c != UNSET)  # the dark palette's ink on white
    fig = _build(content, "sandbox", DARK)
    fig.layout.annotations[0].bgcolor = "#ffffff"  # a white label box
    assert any(contrast(c, b) < 4.5 for _, c, b, _ in text_pairs(fig) if c != UNSET)
    fig = _build(content, "stages", DARK)
    fig.data[1].textfont.color = DARK.ink  # light ink on the current stage's sky blue
    assert any(contrast(c, b) < 4.5 for _, c, b, _ in text_pairs(fig) if c != UNSET)


def test_cached_figure_draws_in_the_readers_palette(monkeypatch):
    from components import visual

    monkeypatch.setattr(visual, "chart_palette", lambda: DARK)
    dark = visual.cached_figure(cycle_figure, PHASES, 0)
    monkeypatch.setattr(visual, "chart_palette", lambda: LIGHT)
    light = visual.cached_figure(cycle_figure, PHASES, 0)
    assert dark.layout.paper_bgcolor == DARK.paper and light.layout.paper_bgcolor == LIGHT.paper
    assert visual.cached_figure(cycle_figure, PHASES, 0) is light  # cached per palette


def test_presenter_mode_keeps_the_palette():
    fig = common.projector_text(cycle_figure(PHASES, 0, palette=DARK))
    assert fig.layout.paper_bgcolor == DARK.paper and fig.layout.font.color == DARK.ink


def test_handout_picture_stays_light_for_print(content):
    from components.facilitate.handouts import picture_figure

    made = picture_figure(content)
    assert made is not None
    assert made[0].layout.paper_bgcolor == LIGHT.paper and made[0].layout.font.color == LIGHT.ink
