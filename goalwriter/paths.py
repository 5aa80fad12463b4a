"""Where goalwriter keeps its files: the platform's user data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from goalwriter import APP_NAME

DB_ENV = "GOALWRITER_DB"
DATA_ENV = "GOALWRITER_DATA_DIR"


def data_dir() -> Path:
    """The folder for the local database and its backups (created on first use by the store)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    return user_data_path(APP_NAME, appauthor=False)


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'goalwriter.sqlite3'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """--db beats GOALWRITER_DB beats the local SQLite file."""
    return explicit or os.environ.get(DB_ENV) or default_database_url()
