"""The registry of content files: which YAML file is validated by which model, and `Content`, the
validated whole the app reads. A new subject adds its model in components/models/<subject>.py, one
line in FILES and one attribute on Content (loading fails at once if the two disagree)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from components.models.base import Strict
from components.models.comparison import ComparisonFile, ScenariosFile
from components.models.cycle import CycleFile
from components.models.glossary import GlossaryFile
from components.models.help import HelpFile
from components.models.helping import HelpingFile
from components.models.perspectives import PerspectivesFile
from components.models.practice import PracticeFile
from components.models.room import RoomFile
from components.models.sources import Source, SourcesFile
from components.models.therapies import TherapiesFile
from components.models.trauma_healing import HealingFile, RelationalTraumaFile
from components.models.ui import UiFile
from components.models.welcome import WelcomeFile
from components.models.workshops import WorkshopFile


@dataclass(frozen=True)
class FileSpec:
    """One content file: its path under the content folder and its model. With `many=True` the
    name is a glob (`workshops/*.yaml`): every matching file is one model, and the Content field
    is a dict keyed by each file's `id` (at least one file must match)."""

    name: str
    model: type[Strict]
    many: bool = False


FILES: dict[str, FileSpec] = {
    "ui": FileSpec("ui.yaml", UiFile),
    "sources": FileSpec("sources.yaml", SourcesFile),
    "glossary": FileSpec("glossary.yaml", GlossaryFile),
    "help": FileSpec("help.yaml", HelpFile),
    "helping": FileSpec("helping.yaml", HelpingFile),
    "welcome": FileSpec("welcome.yaml", WelcomeFile),
    "cycle": FileSpec("cycle.yaml", CycleFile),
    "comparison": FileSpec("comparison.yaml", ComparisonFile),
    "scenarios": FileSpec("scenarios.yaml", ScenariosFile),
    "therapies": FileSpec("therapies.yaml", TherapiesFile),
    "relational_trauma": FileSpec("relational_trauma.yaml", RelationalTraumaFile),
    "healing": FileSpec("healing.yaml", HealingFile),
    "perspectives": FileSpec("perspectives.yaml", PerspectivesFile),
    "workshops": FileSpec("workshops/*.yaml", WorkshopFile, many=True),
    "room": FileSpec("room.yaml", RoomFile),
    "practice": FileSpec("practice.yaml", PracticeFile),
}


def schema_stem(spec: FileSpec) -> str:
    """`ui.yaml` -> `ui`; a folder of files (`workshops/*.yaml`) -> the folder's name."""
    return Path(spec.name).parent.name if spec.many else Path(spec.name).stem


# eq=False: hashed by identity, so figure caches can key on (content, inputs); a reload is a new object.
@dataclass(frozen=True, eq=False)
class Content:
    """Everything the app shows, validated. Attribute names match the keys of FILES."""

    ui: UiFile
    sources: SourcesFile
    glossary: GlossaryFile
    help: HelpFile
    helping: HelpingFile
    welcome: WelcomeFile
    cycle: CycleFile
    comparison: ComparisonFile
    scenarios: ScenariosFile
    therapies: TherapiesFile
    relational_trauma: RelationalTraumaFile
    healing: HealingFile
    perspectives: PerspectivesFile
    workshops: dict[str, WorkshopFile]  # plan id (the file's `id`) -> plan, in file-name order
    room: RoomFile
    practice: PracticeFile

    def source(self, source_id: str) -> Source:
        return self.sources_by_id[source_id]

    @functools.cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources.sources}

    def cited_sources(self, key: str) -> set[str]:
        """Every source id cited anywhere in one content file (for the Sources page)."""
        found: set[str] = set()
        _collect_sources(getattr(self, key).model_dump(), found)
        return found


def _collect_sources(data: Any, found: set[str]) -> None:
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "sources" and isinstance(v, list):
                found.update(x for x in v if isinstance(x, str))
            else:
                _collect_sources(v, found)
    elif isinstance(data, list):
        for v in data:
            _collect_sources(v, found)
