"""Readable by a 14-year-old: the Flesch-Kincaid grade of each content file's
prose, with syllables counted by textstat (pinned in requirements-dev.txt). Every file a learner
reads is at grade 9 or below, sources.yaml at 11 or below, and no sentence outside sources.yaml is
longer than 35 words.

What counts as prose: every string value of four words or more, except identifiers, addresses,
citation lines and phone numbers (see SKIP_KEYS). Markdown marks and link targets are removed; a
sentence ends at . ? or ! followed by a space, at a line that starts a list item, and at the end of
each string. FK grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import textstat
import yaml

from conftest import CONTENT

LEARNER_MAX_GRADE = 9.0
SOURCES_MAX_GRADE = 11.0
MAX_SENTENCE_WORDS = 35

# Keys whose values are not prose a reader reads as sentences.
SKIP_KEYS = frozenset(
    {
        "id",
        "url",
        "value",
        "seen_in",
        "icon",
        "page",
        "kind",
        "status",
        "region",
        "level",
        "history",
        "query",
        "title_of_source",
        "author",
        "publisher",
        "cited_in",
    }
)
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|al|approx|no)\.", re.I)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def prose(data, key: str | None = None) -> list[str]:
    """Every prose string in parsed YAML."""
    if key in SKIP_KEYS:
        return []
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in prose(v, str(k))]
    if isinstance(data, list):
        if key in ("sources", "see_also", "pages", "approaches", "perspectives", "conditions") and all(
            isinstance(x, str) for x in data
        ):
            return []  # lists of ids
        return [s for v in data for s in prose(v, key)]
    if isinstance(data, str) and len(data.split()) >= 4:
        return [data]
    return []


def sentences(text: str) -> list[list[str]]:
    """The sentences of one string, each as its list of words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # Markdown links: keep the text
    text = re.sub(r":small\[([^\]]*)\]", r"\1", text)
    text = re.sub(r"https?://\S+|\S+@\S+|www\.\S+", "link", text)
    text = re.sub(r"[*_`#>]", "", text)
    text = ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), text)
    out = []
    for part in re.split(r"(?<=[.?!])[\"'”’)]*\s+|\n\s*(?:[-*]|\d+\.)\s+", text):
        words = WORD.findall(part)
        if words:
            out.append(words)
    return out


@dataclass(frozen=True)
class Readability:
    grade: float
    sentences: int
    words: int
    long: list[str]  # sentences over MAX_SENTENCE_WORDS words


def measure(texts: list[str]) -> Readability:
    sents = [s for t in texts for s in sentences(t)]
    words = sum(len(s) for s in sents)
    syllables = sum(max(1, textstat.syllable_count(w)) for s in sents for w in s)
    grade = 0.39 * words / len(sents) + 11.8 * syllables / words - 15.59
    long = [" ".join(s) for s in sents if len(s) > MAX_SENTENCE_WORDS]
    return Readability(round(grade, 1), len(sents), words, long)


def measure_file(path: Path) -> Readability:
    return measure(prose(yaml.safe_load(path.read_text(encoding="utf-8"))))


FILES = sorted([*CONTENT.glob("*.yaml"), *CONTENT.glob("workshops/*.yaml")])


def _name(path: Path) -> str:
    return path.relative_to(CONTENT).as_posix()


# --------------------------------------------------------------------------- the measure itself


def test_the_measure_tells_easy_from_hard_text():
    easy = measure(["The cat sat on the mat. It was warm. We went home."])
    hard = measure(
        [
            "Notwithstanding considerable methodological heterogeneity, contemporary "
            "psychotherapeutic interventions demonstrate substantial effectiveness."
        ]
    )
    assert easy.grade < 3 < LEARNER_MAX_GRADE < hard.grade


def test_the_measure_finds_long_sentences_and_skips_ids():
    long = " ".join(["word"] * (MAX_SENTENCE_WORDS + 1)) + "."
    assert measure([long, "A short one here."]).long == [long.rstrip(".")]
    assert prose({"id": "a-b-c-d-e", "sources": ["x y z w"], "body": "One two three four."}) == ["One two three four."]
    assert [len(s) for s in sentences("See Dr. Walker, e.g. her book. Then stop.\n- a list item here")] == [6, 2, 4]


# --------------------------------------------------------------------------- the content


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_file_reads_at_the_target_grade(path):
    result = measure_file(path)
    limit = SOURCES_MAX_GRADE if path.name == "sources.yaml" else LEARNER_MAX_GRADE
    assert result.grade <= limit, f"{_name(path)}: Flesch-Kincaid grade {result.grade} > {limit}"


@pytest.mark.parametrize("path", [p for p in FILES if p.name != "sources.yaml"], ids=_name)
def test_no_sentence_is_over_35_words(path):
    long = measure_file(path).long
    assert not long, f"{_name(path)}: {len(long)} sentence(s) over {MAX_SENTENCE_WORDS} words:\n" + "\n".join(long)
