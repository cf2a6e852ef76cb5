"""The Spanish edition reads as easily as the English one: the Fernández-Huerta score of each learner
file's prose in content/es/ is 65 or more (textstat's `fernandez_huerta` with `set_lang("es")`: 206.84
- 60 x syllables per word - 1.02 x words per sentence; 60-70 is "normal", higher is easier). sources.yaml
is a reference list, not read as lessons, and is measured by the English test only for its grade.

The prose is what the English readability test reads (`prose`: strings of four words or more, ids and
addresses skipped), with Markdown links and marks removed, and each string ended as a sentence.
"""

from __future__ import annotations

import re

import pytest
import textstat
import yaml

from conftest import CONTENT
from test_readability import prose

ES = CONTENT / "es"
MIN_FERNANDEZ_HUERTA = 65.0
LEARNER_FILES = sorted(
    p.relative_to(CONTENT).as_posix()
    for p in [*CONTENT.glob("*.yaml"), *CONTENT.glob("workshops/*.yaml")]
    if p.name != "sources.yaml"
)


def plain(text: str) -> str:
    """One prose string as plain sentences: link texts kept, marks and addresses removed, ended with a stop."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r":small\[([^\]]*)\]", r"\1", text)
    text = re.sub(r":material/[a-z_]+:", "", text)
    text = re.sub(r"https?://\S+|\S+@\S+|www\.\S+", "enlace", text)
    text = re.sub(r"[*_`#>{}«»]", "", text)
    text = re.sub(r"\n\s*(?:[-*]|\d+\.)\s+", ". ", text)  # a list item is a sentence
    text = text.strip()
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def fernandez_huerta(texts: list[str]) -> float:
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(" ".join(plain(t) for t in texts)))
    finally:
        textstat.set_lang("en_US")  # textstat's language is global: the English test runs in this process


def test_the_measure_tells_easy_from_hard_spanish():
    easy = fernandez_huerta(["El gato duerme en la casa. Hace sol. Vamos a comer."])
    hard = fernandez_huerta(
        [
            "No obstante la considerable heterogeneidad metodológica, las intervenciones psicoterapéuticas "
            "contemporáneas demuestran una efectividad sustancialmente significativa en poblaciones heterogéneas."
        ]
    )
    assert hard < MIN_FERNANDEZ_HUERTA < easy


@pytest.mark.parametrize("name", LEARNER_FILES)
def test_spanish_file_reads_easily(name: str):
    path = ES / name
    assert path.is_file(), f"content/es/{name} is missing"
    texts = prose(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert texts, f"content/es/{name} has no prose"
    score = fernandez_huerta(texts)
    assert score >= MIN_FERNANDEZ_HUERTA, f"content/es/{name}: Fernández-Huerta {score:.1f} < {MIN_FERNANDEZ_HUERTA}"
