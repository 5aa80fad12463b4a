"""The store on SQLite and on the real PostgreSQL server: round trips, migrations, backups."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from goalwriter.store import DatabaseError, open_store
from goalwriter.store import models as m
from goalwriter.store.db import alembic_config, head_revision, make_engine

STORED_DBS = Path(__file__).resolve().parents[1] / "data" / "db"


def test_round_trip_every_model(any_store):
    with any_store.session() as s:
        school = m.School(name="Lincoln Elementary")
        room = m.Classroom(name="Pre-K 3", teacher="Ms. Ames", grade="PK")
        school.classrooms.append(room)
        student = m.Student(name="José Núñez", initials="J.N.", iep_meeting_date=dt.date(2027, 3, 4))
        room.students.append(student)
        routine = m.Routine(name="Arrival / cubbies", days="Mon-Fri", start="8:00", end="8:20")
        room.routines.append(routine)
        goal = m.Goal(behavior="zip coat", text="José will zip his coat.", target_date=dt.date(2028, 3, 1))
        goal.objectives.append(m.Objective(text="start the zipper"))
        student.goals.append(goal)
        student.services.append(m.Service(minutes_per_week=60, model="push-in"))
        s.add(school)
        s.flush()
        s.add(m.Alignment(goal=goal, routine=routine, score=0.9, why="fasteners", state="confirmed", support="P"))
        s.add(m.LexiconWord(kind="activity", concept="centers", phrase="Daily 5"))
    with any_store.reader() as s:
        student = s.scalar(select(m.Student))
        assert student.name == "José Núñez"
        assert student.iep_meeting_date == dt.date(2027, 3, 4)
        goal = student.goals[0]
        assert goal.objectives[0].text == "start the zipper"
        assert goal.alignments[0].state == "confirmed"
        assert goal.alignments[0].routine.name == "Arrival / cubbies"
        assert student.services[0].minutes_per_week == 60
        assert goal.version == 1


def test_foreign_keys_are_enforced(any_store):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), any_store.session() as s:
        s.add(m.Classroom(name="orphan", school_id=9999))


def test_deleting_a_school_cascades(any_store):
    with any_store.session() as s:
        school = m.School(name="A")
        room = m.Classroom(name="R")
        school.classrooms.append(room)
        room.students.append(m.Student(name="S"))
        s.add(school)
    with any_store.session() as s:
        s.delete(s.scalar(select(m.School)))
    with any_store.reader() as s:
        assert s.scalar(select(m.Student)) is None


def test_new_database_is_stamped_at_head(any_store):
    with any_store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_models_and_migrations_agree(backend, request, tmp_path):
    """Building the schema by running every migration gives exactly the models (no autogenerate diff)."""
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, m.Base.metadata)
    engine.dispose()
    assert diff == []


def test_every_stored_old_database_upgrades_with_a_backup(tmp_path):
    stored = sorted(STORED_DBS.glob("schema-*.sqlite3"))
    assert stored, "keep one small database per past schema version in tests/data/db"
    for original in stored:
        path = tmp_path / original.name
        shutil.copy(original, path)
        store = open_store(f"sqlite:///{path}")
        try:
            assert store.backup_path is not None
            backup = Path(store.backup_path)
            assert backup.exists()
            old_revision = original.stem.removeprefix("schema-")
            with sqlite3.connect(backup) as conn:
                assert conn.execute("select version_num from alembic_version").fetchone()[0] == old_revision
            with store.engine.connect() as conn:
                assert MigrationContext.configure(conn).get_current_revision() == head_revision()
                assert "lexicon_word" in inspect(conn).get_table_names()
            with store.reader() as s:
                assert s.scalar(select(m.Student.name)) == "Avery Stone"
                assert s.scalar(select(m.Goal.text)).startswith("Avery will")
        finally:
            store.close()


def test_upgrade_on_postgresql_from_the_first_schema(pg_url):
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(text("insert into school (name, position, version) values ('Old school', 0, 1)"))
    engine.dispose()
    store = open_store(pg_url)
    try:
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        with store.reader() as s:
            assert s.scalar(select(m.School.name)) == "Old school"
    finally:
        store.close()


test_upgrade_on_postgresql_from_the_first_schema = pytest.mark.postgres(
    test_upgrade_on_postgresql_from_the_first_schema
)


def test_database_from_a_newer_version_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    open_store(url).close()
    with sqlite3.connect(tmp_path / "n.sqlite3") as conn:
        conn.execute("update alembic_version set version_num = '9999'")
    with pytest.raises(DatabaseError, match="newer goalwriter"):
        open_store(url)


def test_unreachable_server_gives_a_clear_error():
    with pytest.raises(DatabaseError, match="cannot open the database"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_unwritable_data_folder_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseError, match="cannot create the data folder"):
        open_store(f"sqlite:///{blocker / 'sub' / 'db.sqlite3'}")


def test_fast_schema_head_matches_the_migrations():
    from goalwriter.store.db import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_a_lost_connection_is_one_clear_error_and_nothing_half_saved(store, monkeypatch):
    from sqlalchemy.exc import OperationalError

    with store.session() as s:
        s.add(m.School(name="Kept"))
    with pytest.raises(DatabaseError, match="could not be reached: server closed the connection"):
        with store.session() as s:
            s.add(m.School(name="Half"))
            s.flush()
            raise OperationalError("INSERT ...", {}, Exception("server closed the connection unexpectedly"))
    with store.reader() as s:
        assert [x.name for x in s.scalars(select(m.School))] == ["Kept"]
