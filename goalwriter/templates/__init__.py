"""Data that ships with goalwriter: the matching lexicon, the goal bank, the sample caseload, the
base Word document. Read with :func:`template_path`."""

from __future__ import annotations

from pathlib import Path

TEMPLATES_DIR = Path(__file__).parent


def template_path(name: str) -> Path:
    return TEMPLATES_DIR / name
