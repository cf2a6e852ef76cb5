"""The content model: every YAML file under `content/`, parsed once and validated.

`load_content(dir)` reads each registered file with `yaml.safe_load` semantics, keeps the line
of every node, validates the data with strict pydantic models, then checks what a single model
cannot see (unique ids per file, `sources:` that resolve to `sources.yaml`). Every problem is
collected, so an author fixes all of them in one pass; each reads `file:line: where: what`.

Run `python -m components.content check [--content DIR] [--today YYYY-MM-DD]` to check a folder
(it also warns, without failing, about help lines nobody has confirmed live in the last 6 months),
`check --locale es` to check a translation, `pseudo` to write the pseudo-locale, and
`python -m components.content schema [--out DIR]` to write JSON Schema for editors.

The package, one job a module: env (which folder), problems (`file:line` and paths), parse (YAML
with lines), registry (files -> models, and Content), loader (validate a folder), cache (once per
process), live_check (help-line warnings), locale (a translation's words over the English files),
editions (coverage, offered locales), edition (a locale's review trail), pseudo (the pseudo-locale),
__main__ (the CLI). docs/translating.md explains the editions. The models are in components/models/.
Importers use the names below; none of it imports streamlit: the app, the CLI and the tests share it.
"""

from components.content.cache import Loaded, fingerprint, load_cached
from components.content.edition import drafts, read_edition, review_warnings
from components.content.editions import (
    Survey,
    check_locale,
    locales,
    offered_cached,
    offered_locales,
    pseudo_locales,
    survey,
)
from components.content.env import DEFAULT_CONTENT_DIR, ROOT, content_dir
from components.content.live_check import LIVE_CHECK_MONTHS, live_check_warnings, months_before
from components.content.loader import load_content, load_one
from components.content.locale import REFERENCE, overlay
from components.content.problems import ContentError, Problem
from components.content.registry import FILES, Content, FileSpec, schema_stem
from components.models.base import Item, Markdown, Sourced, SourcedText, Strict
from components.models.comparison import ComparisonFile, ScenariosFile
from components.models.cycle import CycleFile
from components.models.glossary import GlossaryFile
from components.models.help import HelpFile
from components.models.perspectives import PerspectivesFile
from components.models.sources import Source, SourcesFile
from components.models.therapies import TherapiesFile
from components.models.trauma_healing import HealingFile, RelationalTraumaFile
from components.models.ui import UiFile
from components.models.welcome import WelcomeFile
from components.models.workshops import WorkshopFile

__all__ = [
    "DEFAULT_CONTENT_DIR",
    "FILES",
    "LIVE_CHECK_MONTHS",
    "REFERENCE",
    "ROOT",
    "ComparisonFile",
    "Content",
    "ContentError",
    "CycleFile",
    "FileSpec",
    "GlossaryFile",
    "HealingFile",
    "HelpFile",
    "Item",
    "Loaded",
    "Markdown",
    "PerspectivesFile",
    "Problem",
    "RelationalTraumaFile",
    "ScenariosFile",
    "Source",
    "Sourced",
    "SourcedText",
    "SourcesFile",
    "Strict",
    "Survey",
    "TherapiesFile",
    "UiFile",
    "WelcomeFile",
    "WorkshopFile",
    "check_locale",
    "content_dir",
    "drafts",
    "fingerprint",
    "live_check_warnings",
    "locales",
    "load_cached",
    "load_content",
    "load_one",
    "months_before",
    "offered_cached",
    "offered_locales",
    "overlay",
    "pseudo_locales",
    "read_edition",
    "review_warnings",
    "schema_stem",
    "survey",
]
