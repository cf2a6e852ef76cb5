"""The content model: the real content validates, and each kind of breakage gets a clear message
naming the file, the line and the problem."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from components.content import FILES, load_cached, load_content, schema_stem
from conftest import CONTENT, ROOT, problems_for


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def test_real_content_validates(content):
    assert content.ui.app_title
    assert len(content.sources.sources) >= 5


def test_every_registered_file_exists():
    for spec in FILES.values():
        if spec.many:  # a folder of files (workshops/*.yaml): at least one
            assert any(p.is_file() for p in CONTENT.glob(spec.name)), spec.name
        else:
            assert (CONTENT / spec.name).is_file(), spec.name


def test_yaml_syntax_error(content_copy):
    f = content_copy / "glossary.yaml"
    lines = f.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "  - id: [unclosed")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_for(content_copy)
    assert any(re.match(r"glossary\.yaml:\d+: \(yaml\): YAML syntax error", p) for p in problems), problems


def test_missing_required_field(content_copy):
    f = content_copy / "ui.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(re.sub(r"(?m)^quick_exit_label:.*\n", "", text), encoding="utf-8")
    # a missing key is reported at its parent: here the mapping that starts the file
    top = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#"))
    problems = problems_for(content_copy)
    assert f"ui.yaml:{top}: quick_exit_label: required field 'quick_exit_label' is missing" in problems, problems


def test_wrong_type_names_line(content_copy):
    f = content_copy / "ui.yaml"
    text = f.read_text(encoding="utf-8")
    n = line_of(f, "sections:")
    f.write_text(text.replace("sections:\n", "sections: 42\nunused_sections:\n", 1), encoding="utf-8")
    problems = problems_for(content_copy)
    assert any(p.startswith(f"ui.yaml:{n}: sections: Input should be a valid dictionary") for p in problems), problems


def test_unknown_field_is_rejected(content_copy):
    f = content_copy / "welcome.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "colour_scheme: pink\n", encoding="utf-8")
    n = line_of(f, "colour_scheme:")
    assert (
        f"welcome.yaml:{n}: colour_scheme: unknown field 'colour_scheme' (check the spelling; unknown fields are not allowed)"
        in problems_for(content_copy)
    )


def test_empty_file(content_copy):
    (content_copy / "glossary.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert "glossary.yaml:1: (file): file is empty; it needs the fields described in the README" in problems_for(
        content_copy
    )


def test_duplicate_id(content_copy):
    f = content_copy / "glossary.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    first = data["terms"][0]["id"]
    second = data["terms"][1]["id"]
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace(f"id: {second}\n", f"id: {first}\n", 1), encoding="utf-8")
    first_line = line_of(f, f"id: {first}")
    problems = problems_for(content_copy)
    assert any(
        f"duplicate id '{first}' (first used at line {first_line})" in p and p.startswith("glossary.yaml:")
        for p in problems
    ), problems


def test_not_utf8(content_copy):
    f = content_copy / "welcome.yaml"
    raw = f.read_bytes().split(b"\n")
    raw[4] = raw[4] + " caf\xe9".encode("latin-1")
    f.write_bytes(b"\n".join(raw))
    assert "welcome.yaml:5: (file): not valid UTF-8 (byte 0xe9); save the file as UTF-8" in problems_for(content_copy)


def test_unknown_source_id(content_copy):
    f = content_copy / "glossary.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    real = data["terms"][0]["sources"][0]
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace(real, "no-such-source", 1), encoding="utf-8")
    n = line_of(f, "no-such-source")
    problems = problems_for(content_copy)
    assert any(
        re.match(rf"glossary\.yaml:{n}: terms\.\d+\.sources\.\d+: unknown source id 'no-such-source'", p)
        for p in problems
    ), problems


def test_uncited_factual_item_fails(content_copy):
    f = content_copy / "glossary.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["terms"][0]["sources"] = []
    f.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = problems_for(content_copy)
    assert any(
        re.match(r"glossary\.yaml:\d+: terms\.0\.sources: List should have at least 1 item", p) for p in problems
    ), problems


def test_duplicate_key(content_copy):
    f = content_copy / "welcome.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "privacy: again\n", encoding="utf-8")
    n = line_of(f, "privacy: again")
    assert any(
        p.startswith(f"welcome.yaml:{n}: privacy: key 'privacy' appears twice") for p in problems_for(content_copy)
    )


def test_missing_file(content_copy):
    (content_copy / "glossary.yaml").unlink()
    assert any(p.startswith("glossary.yaml:1: (file): file is missing") for p in problems_for(content_copy))


def test_all_problems_are_collected_at_once(content_copy):
    (content_copy / "glossary.yaml").write_text("", encoding="utf-8")
    (content_copy / "welcome.yaml").write_text("intro: [\n", encoding="utf-8")
    files = {p.split(":")[0] for p in problems_for(content_copy)}
    assert {"glossary.yaml", "welcome.yaml"} <= files


def test_html_in_content_is_kept_as_text(content_copy):
    f = content_copy / "welcome.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["intro"] = "Hello <script>alert(1)</script> <b>bold</b>"
    f.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    loaded = load_content(content_copy)
    assert "<script>" in loaded.welcome.intro  # validated unchanged; escaping happens at render time


def test_cache_reloads_only_when_a_file_changes(content_copy):
    first = load_cached(content_copy)
    assert load_cached(content_copy) is first
    f = content_copy / "welcome.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("Healthy Bonds", "Healthy  Bonds", 1), encoding="utf-8")
    second = load_cached(content_copy)
    assert second is not first and second.content is not None


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "components.content", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_cli_check_ok():
    out = run_cli("check", "--content", str(CONTENT))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("OK: ")


def test_cli_check_reports_and_exits_1(content_copy):
    (content_copy / "glossary.yaml").write_text("terms: nope\n", encoding="utf-8")
    out = run_cli("check", "--content", str(content_copy))
    assert out.returncode == 1
    assert f"{content_copy / 'glossary.yaml'}:1: terms: Input should be a valid list" in out.stdout
    assert "Traceback" not in out.stdout + out.stderr


def test_cli_schema(tmp_path):
    out = run_cli("schema", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    for spec in FILES.values():
        schema = (tmp_path / (schema_stem(spec) + ".schema.json")).read_text()
        assert '"additionalProperties": false' in schema
