"""Opening the database: engine, sessions, and Alembic migrations.

A new database is created from the models and stamped at the newest migration. An older one is
first copied aside (SQLite's online backup API) and then upgraded. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from goalwriter.store.errors import DatabaseError
from goalwriter.store.events import ChangeBus
from goalwriter.store.models import Base

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration. Checked against Alembic's own view by a test, and compared with the database's
# stamp on every start, so an up-to-date database opens without loading Alembic at all.
SCHEMA_HEAD = "0002"


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite files get WAL mode and foreign keys."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    path = _sqlite_path(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the data folder {path.parent}: {exc.strerror}") from exc
    kwargs: dict = {}
    if parsed.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 5}
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseError(f"unsupported database URL {parsed.render_as_string(hide_password=True)}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest migration as Alembic sees it (loads Alembic; SCHEMA_HEAD is the fast copy)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def stamped_revision(engine: Engine) -> str | None:
    """The schema revision the database is stamped with, or None for a database without one."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite database aside with the online backup API; returns the copy's path."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{label}{path.suffix or '.sqlite3'}"
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def migrate(engine: Engine) -> str | None:
    """Bring the database to the newest schema. Returns the backup path when one was made."""
    current = stamped_revision(engine)
    if current == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if current is None:
        if tables & set(Base.metadata.tables):
            raise DatabaseError(
                "the database has goalwriter tables but no schema version; it was not made by goalwriter"
            )
        Base.metadata.create_all(engine)
        with engine.begin() as conn:
            command.stamp(alembic_config(conn), "head")
        return None
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current not in known:
        raise DatabaseError(
            f"the database was made by a newer goalwriter (schema {current}); update goalwriter to open it"
        )
    backup = None
    path = _sqlite_path(str(engine.url))
    if path is not None:
        backup = str(backup_sqlite(path, f"schema-{current}"))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return backup


class Store:
    """The open database: an engine and a factory of short sessions (one per operation)."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: str | None = None
        self.events = ChangeBus()

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._connection_errors(), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._connection_errors(), self._sessions() as session:
            yield session

    @contextmanager
    def _connection_errors(self) -> Iterator[None]:
        """A lost or refused connection (a server restarted, a network gone, a locked file) becomes one
        clear DatabaseError; the transaction was rolled back, so nothing was half-saved."""
        try:
            yield
        except (OperationalError, InterfaceError) as exc:
            raise DatabaseError(f"the database {self.display_url} could not be reached: {_reason(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own first line ("connection refused", "database is locked"), without SQLAlchemy's wrapping."""
    orig = getattr(exc, "orig", None)
    return str(orig).strip().splitlines()[0] if orig else str(exc)


def open_store(url: str, *, upgrade: bool = True) -> Store:
    """Open (creating or upgrading as needed) the database at ``url``."""
    engine = make_engine(url)
    try:
        backup = migrate(engine) if upgrade else None
    except DatabaseError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open the database {make_url(url).render_as_string(True)}: {_reason(exc)}") from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot open the database {make_url(url).render_as_string(True)}: {exc}") from exc
    store = Store(url, engine)
    store.backup_path = backup
    return store
