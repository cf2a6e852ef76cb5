"""The content set as a whole (issue: content faithful to the five articles, every claim sourced,
in our own words, non-blaming)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from components.content import FILES
from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_IDS = {
    "000": "article-can-trauma-bond-heal",
    "001": "article-toxic-relationships-heal",
    "002": "article-relational-trauma",
    "003": "article-relationship-trauma-betrayal",
    "004": "article-abuser-leaves-first",
}
# Keys whose values are names, ids or citations rather than our prose.
NOT_PROSE = {
    "id",
    "sources",
    "cited_in",
    "see_also",
    "seen_in",
    "organisation",
    "name",
    "url",
    "title",
    "author",
    "publisher",
    "value",
    "icon",
    "page",
    "pages",
    "query",
    "region",
    "conditions",
    "stance",
}


def prose(data, key: str | None = None):
    """Every string of our own prose in a dumped model."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in NOT_PROSE:
                yield from prose(v, k)
    elif isinstance(data, (list, tuple)):
        for v in data:
            yield from prose(v, key)
    elif isinstance(data, str):
        yield data


def all_prose(content) -> list[str]:
    out = []
    for key in FILES:
        if key == "sources":
            continue
        model = getattr(content, key)
        dumped = {k: m.model_dump() for k, m in model.items()} if isinstance(model, dict) else model.model_dump()
        out.extend(prose(dumped))
    return out


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def test_every_seed_article_is_cited_by_the_content(content):
    cited = set()
    for key in FILES:
        if key != "sources":
            model = getattr(content, key)
            if isinstance(model, dict):
                continue
            cited |= content.cited_sources(key)
    assert set(SEED_IDS.values()) <= cited, set(SEED_IDS.values()) - cited


def test_every_source_is_used_or_cited_by_an_article(content):
    cited = set()
    for key in FILES:
        if key != "sources" and not isinstance(getattr(content, key), dict):
            cited |= content.cited_sources(key)
    unused = [s.id for s in content.sources.sources if s.id not in cited and not s.cited_in]
    assert not unused, f"sources nobody cites: {unused}"


def test_personal_account_is_labelled(content):
    src = content.sources_by_id[SEED_IDS["004"]]
    assert src.kind == "personal-account"
    assert src.caution and re.search(r"non-professional|not a psychologist", src.caution.lower())
    assert "personal account" in src.caution.lower()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles live in ../shared/seeds beside the repo")
def test_no_sentence_is_copied_from_the_articles(content):
    """Our own words: no run of 10 words of our prose appears in any article (names and short
    quoted phrases are shorter than that)."""
    n = 10
    seed_runs = set()
    for f in SEEDS.glob("*.txt"):
        w = words(f.read_text(encoding="utf-8"))
        seed_runs |= {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}
    copied = []
    for text in all_prose(content):
        w = words(text)
        for i in range(len(w) - n + 1):
            run = " ".join(w[i : i + n])
            if run in seed_runs:
                copied.append(run)
    assert not copied, copied[:10]


def test_language_is_non_blaming(content):
    """'person who uses abuse' / 'person who experiences abuse', not abuser / victim, in our prose."""
    hits = [t for t in all_prose(content) if re.search(r"\b(abusers?|victims?)\b", t, re.IGNORECASE)]
    assert not hits, hits[:5]


def test_no_raw_html_in_content():
    """Text is Markdown; a tag in content would be shown as text, so none should be written."""
    offenders = []
    for path in Path(ROOT / "content").rglob("*.yaml"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"<\s*/?\s*(script|div|span|b|i|br|p|a|img|iframe|style)\b", line, re.IGNORECASE):
                offenders.append(f"{path.name}:{n}")
    assert not offenders, offenders
