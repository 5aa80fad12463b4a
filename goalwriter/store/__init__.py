"""The store: SQLAlchemy models, the engine and sessions, migrations and backups.

The names below load lazily, so ``goalwriter.store.errors`` (plain exceptions, used by the io layer and
the command line) can be imported without loading SQLAlchemy.
"""

from goalwriter.store.errors import ConflictError, DatabaseError, GoalwriterError, NotFoundError

__all__ = ["ConflictError", "DatabaseError", "GoalwriterError", "NotFoundError", "Store", "open_store"]


def __getattr__(name: str):
    if name in ("Store", "open_store"):
        from goalwriter.store import db

        return getattr(db, name)
    raise AttributeError(f"module 'goalwriter.store' has no attribute {name!r}")
