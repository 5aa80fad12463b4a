"""The store: SQLAlchemy models, the engine and sessions, migrations and backups."""

from goalwriter.store.db import Store, open_store
from goalwriter.store.errors import ConflictError, DatabaseError, GoalwriterError, NotFoundError

__all__ = ["ConflictError", "DatabaseError", "GoalwriterError", "NotFoundError", "Store", "open_store"]
