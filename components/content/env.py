"""Where the content lives: `CONTENT_DIR` if set (a facilitator's own copy), else the repository's
content/ folder. Read at each call, not at import, so a test or the CLI can point elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: components/content/env.py -> ../../..
DEFAULT_CONTENT_DIR = ROOT / "content"


def content_dir() -> Path:
    """The folder the app reads: `CONTENT_DIR` if set (a facilitator's own copy), else content/."""
    return Path(os.environ.get("CONTENT_DIR") or DEFAULT_CONTENT_DIR).resolve()


def resolve_dir(directory: str | os.PathLike[str] | None) -> Path:
    """The folder a call names, or content_dir() when it names none."""
    return Path(directory) if directory is not None else content_dir()
