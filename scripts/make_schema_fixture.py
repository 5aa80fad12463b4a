"""Write tests/data/db/schema-REV.sqlite3: a small database at an old schema revision, for upgrade tests.

Usage: python scripts/make_schema_fixture.py REV   (run once when a migration is added)
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from sqlalchemy import text

from goalwriter.store.db import alembic_config, make_engine


def main(revision: str) -> None:
    out = Path(__file__).resolve().parents[1] / "tests" / "data" / "db" / f"schema-{revision}.sqlite3"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{out}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
        conn.execute(text("insert into school (id, name, position, version) values (1, 'Oak Hill', 0, 1)"))
        conn.execute(text(
            "insert into classroom (id, school_id, name, teacher, grade, position, version) "
            "values (1, 1, 'Room 2', 'Ms. Vance', 'K', 0, 1)"))
        conn.execute(text(
            "insert into student (id, classroom_id, name, initials, grade, position, version) "
            "values (1, 1, 'Avery Stone', 'A.S.', 'K', 0, 1)"))
        conn.execute(text(
            "insert into goal (id, student_id, area, baseline, condition, behavior, criterion, measurement, "
            "reporting, text, text_edited, position, version) values (1, 1, 'Fine motor', '', '', 'snip paper', "
            "'', '', '', 'Avery will snip paper.', 0, 0, 1)"))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    engine.dispose()
    print(out)


if __name__ == "__main__":
    main(sys.argv[1])
