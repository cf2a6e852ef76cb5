"""URL state in one place: the shared parsers, the pages' declarations, the workshop plans' links
checked against them, no page writing st.query_params itself (import circles: tests/unit/test_structure.py)."""

from __future__ import annotations

import pytest

from components.facilitate import workshop
from components.models.workshops import WorkshopFile
from components.navigation import PAGES
from components.url_params import Choice, Flag, Int, ListOf, Param, Step
from conftest import ROOT
from test_structure import import_graph, reach

# --------------------------------------------------------------------------- the shared parsers


def test_int_clamps_and_falls_back_to_default():
    p = Param("week", Int(1, lambda c: c, 1))
    assert p.parse("40", 52) == 40 and p.parse("99", 52) == 52 and p.parse("0", 52) == 1
    assert p.parse("x", 52) == 1 and p.parse(None, 52) == 1 and p.parse(["3", "7"], 52) == 7
    assert p.problem("99", 52) and p.problem("x", 52) and p.problem("52", 52) is None


def test_defaults_stay_out_of_the_url_unless_kept():
    assert Param("week", Int(1, 52, 1)).url_value(1, None) is None
    assert Param("week", Int(1, 52, 1)).url_value(12, None) == "12"
    assert Param("phase", Step(4), keep_default=True).url_value(0, None) == "1"
    assert Param("flipped", Flag(), pinned=True).url_value(False, None) == "0"
    assert Param("present", Flag()).url_value(False, None) is None
    assert Param("contrast", Flag(on="high")).url_value(True, None) == "high"


def test_step_is_one_based_in_the_url():
    p = Param("phase", Step(4))
    assert p.parse("3", None) == 2 and p.parse("9", None) == 3 and p.parse("-1", None) == 0
    assert p.kind.to_url(2) == "3" and p.problem("5", None) and p.problem("4", None) is None


def test_choice_and_list():
    c = Param("model", Choice(("walker", "four-phase")))
    assert c.parse(" Four-Phase ", None) == "four-phase" and c.parse("nope", None) == "walker"
    assert c.problem("nope", None) and c.url_value("walker", None) is None
    assert Param("p", Choice(("a",), default=None)).parse("b", None) is None
    lst = Param("compare", ListOf(("a", "b", "c", "d"), most=3))
    assert lst.parse("b,zz,a,b,c,d", None) == ["b", "a", "c"]
    assert lst.url_value(["a", "b"], None) == "a,b" and lst.url_value([], None) is None
    assert lst.problem("a,zz", None) and lst.problem("a,b,c,d", None) and lst.problem("a,b", None) is None


def test_every_page_declares_each_parameter_once():
    for spec in PAGES:
        names = [p.name for p in spec.params]
        assert len(names) == len(set(names)), spec.id


# --------------------------------------------------------------------------- workshop plans' links


def _plans(content) -> dict[str, WorkshopFile]:
    return {f"workshops/{pid}.yaml": plan for pid, plan in content.workshops.items()}


def test_every_shipped_plan_links_to_declared_parameters(content):
    assert workshop.segment_link_problems(_plans(content), content) == []


def _broken(content, page: str, query: dict) -> dict[str, WorkshopFile]:
    plan = content.workshops["classroom-45"]
    data = plan.model_dump()
    seg = data["sessions"][0]["segments"][1]
    seg["page"], seg["query"] = page, query
    return {"workshops/broken.yaml": WorkshopFile.model_validate(data)}


@pytest.mark.parametrize(
    "page,query,expected",
    [
        ("cycle", {"phaze": 2}, "no URL parameter 'phaze'"),
        ("cycle", {"model": "five-phase"}, "model=five-phase"),
        ("cycle", {"phase": 9}, "phase=9"),
        ("healthy-vs-toxic", {"reveal": "all"}, "reveal=all"),
        ("therapies", {"for": "child,martians"}, "for=child,martians"),
        ("glossary", {"term": "x"}, "no URL parameter 'term'"),
        ("no-such-page", {}, "unknown page 'no-such-page'"),
    ],
)
def test_a_broken_plan_fails(content, page, query, expected):
    problems = workshop.segment_link_problems(_broken(content, page, query), content)
    assert len(problems) == 1 and expected in problems[0] and problems[0].startswith("workshops/broken.yaml: segment")


# --------------------------------------------------------------------------- one way to write the URL


def test_no_page_writes_query_params():
    for path in sorted((ROOT / "pages").glob("*.py")):
        assert "query_params" not in path.read_text(encoding="utf-8"), path.name


def test_defaults_leave_the_url_and_a_reload_keeps_state():
    from test_pages import open_page

    at = open_page("cycle", model="four-phase", week="12")
    at.button(key="content_note_go_on").click().run()
    assert at.radio(key="cycle_model_choice").value == "four-phase" and at.slider(key="cycle_week_slider").value == 12
    at.radio(key="cycle_model_choice").set_value("walker").run()
    at.slider(key="cycle_week_slider").set_value(1).run()
    assert "model" not in at.query_params and "week" not in at.query_params
    assert not at.exception


# --------------------------------------------------------------------------- imports


def test_routing_imports_nothing_of_the_app():
    reached = reach(import_graph(), "components.routing")
    app = {
        "components.shell",
        "components.presenter",
        "components.facilitate.running",
        "components.visual",
        "components.stepper",
        "components.url_state",
        "components.quick_exit",
    }
    assert not reached & app


def test_loading_content_names_the_file_and_line_of_a_bad_segment_link(content_copy):
    """The check runs whenever content loads (the app, `check`): a plan that links to a parameter
    its page does not declare fails with the segment's file and line."""
    from conftest import problems_for

    f = content_copy / "workshops" / "classroom-45.yaml"
    lines = f.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("query:"))
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines[at] = f"{indent}query: {{no_such_param: '1'}}"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems_for(content_copy)
    assert len(found) == 1 and found[0].startswith(f"workshops/classroom-45.yaml:{at + 1}: sessions.0.segments."), found
    assert "has no URL parameter 'no_such_param'" in found[0]
