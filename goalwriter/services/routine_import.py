"""Importing a classroom's day: every drafted block stored in one transaction, or none of them.

``import_routines`` appends the drafts to the classroom's routines, or replaces them (the old routines
and the team's decisions about them are removed in the same transaction). Its result lists the stored
routines and keeps what undo needs: the rows a replace removed. ``undo_import`` takes an import back
and ``redo_import`` puts it back again with the same ids, so decisions made in between survive.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from goalwriter.core.days import format_days, parse_days
from goalwriter.core.times import normalize_time
from goalwriter.services import _crud
from goalwriter.services.records import RoutineRec, to_record
from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.errors import ConflictError, NotFoundError, ValidationError
from goalwriter.store.events import Change

__all__ = ["ImportResult", "announce_import", "import_routines", "redo_import", "undo_import"]

Rows = tuple[tuple[str, dict[str, Any]], ...]
_LIMITS = {"name": 200, "days": 60}


@dataclass(frozen=True)
class ImportResult(Sequence[RoutineRec]):
    """The routines an import stored (it reads as a sequence of them), and what undo and redo need.

    ``removed`` holds the rows (routines and their alignments) that a replace removed; ``added_rows``
    is filled by an undo with the rows it removed, so a redo restores the very same records.
    """

    classroom_id: int
    routines: tuple[RoutineRec, ...]
    removed: Rows = ()
    added_rows: Rows = ()
    undone: bool = False

    @overload
    def __getitem__(self, index: int) -> RoutineRec: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RoutineRec]: ...
    def __getitem__(self, index):
        return self.routines[index]

    def __len__(self) -> int:
        return len(self.routines)

    def __iter__(self) -> Iterator[RoutineRec]:
        return iter(self.routines)

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(r.id for r in self.routines)

    @property
    def replaced_count(self) -> int:
        """How many routines the import replaced."""
        return sum(1 for kind, _ in self.removed if kind == "routine")


def _values(draft: Any) -> dict[str, str]:
    """The stored values of one draft, or ValidationError naming its source line and the problem."""
    line = getattr(draft, "source_line", None)
    where = f"line {line}: " if line else ""
    name = " ".join(str(draft.name or "").split())
    if not name:
        raise ValidationError(f"{where}a block needs a name")
    if len(name) > _LIMITS["name"]:
        raise ValidationError(f"{where}the block name is longer than {_LIMITS['name']} characters")
    values = {"name": name, "description": str(draft.description or "").strip()}
    days = str(draft.days or "").strip()
    with contextlib.suppress(ValueError):  # unreadable days are kept as written; the editor flags them
        days = format_days(parse_days(days)) if days else ""
    if len(days) > _LIMITS["days"]:
        raise ValidationError(f"{where}the days {days[:30]!r}… are longer than {_LIMITS['days']} characters")
    values["days"] = days
    for key in ("start", "end"):
        try:
            values[key] = normalize_time(str(getattr(draft, key) or ""))
        except ValueError as exc:
            raise ValidationError(f"{where}{key} time: {exc}") from None
    return values


def _classroom(session: Session, classroom_id: int) -> m.Classroom:
    classroom = session.get(m.Classroom, classroom_id)
    if classroom is None:
        raise NotFoundError("classroom", classroom_id)
    return classroom


def _routines_of(session: Session, classroom_id: int) -> list[m.Routine]:
    stmt = select(m.Routine).where(m.Routine.classroom_id == classroom_id).order_by(m.Routine.position, m.Routine.id)
    return list(session.scalars(stmt))


def _remove(session: Session, routines: Sequence[m.Routine]) -> Rows:
    """Delete routines (their alignments go with them); returns their rows for a later restore."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for routine in routines:
        _crud._collect(session, "routine", routine, rows)
    for routine in routines:
        session.delete(routine)
    session.flush()
    return tuple(rows)


def _put_back(session: Session, rows: Rows) -> list[int]:
    """Insert rows removed earlier with their ids; alignments only where goal and routine still exist."""
    restored = []
    for kind, data in rows:
        if kind == "routine":
            session.add(m.Routine(**data))
            restored.append(data["id"])
    session.flush()
    for kind, data in rows:
        if kind != "alignment" or session.get(m.Goal, data["goal_id"]) is None:
            continue
        if session.get(m.Routine, data["routine_id"]) is None:
            continue
        exists = session.scalar(select(m.Alignment.id).where(
            m.Alignment.goal_id == data["goal_id"], m.Alignment.routine_id == data["routine_id"]))
        if exists is None:
            session.add(m.Alignment(**data))
    session.flush()
    return restored


def _renumber(session: Session, classroom_id: int) -> None:
    for position, routine in enumerate(_routines_of(session, classroom_id)):
        if routine.position != position:
            routine.position = position


def _new_row(classroom_id: int, position: int, values: dict[str, str]) -> m.Routine:
    return m.Routine(classroom_id=classroom_id, position=position, **values)


def import_routines(
    store: Store, classroom_id: int, drafts: Sequence[Any], replace: bool = False, *, announce: bool = True
) -> ImportResult:
    """Store the drafts as routines of the classroom, after its routines or instead of them (``replace``).

    All or nothing: every draft is checked before anything is written, and the whole import (with the
    removal a replace makes) is one transaction. Emits one ``Change("routine", "imported", ids,
    classroom_id)``; ``announce=False`` leaves that to :func:`announce_import` (a worker thread stores, the
    UI thread announces).
    """
    if not drafts:
        raise ValidationError("there are no blocks to import")
    values = [_values(d) for d in drafts]
    with store.session() as session:
        _classroom(session, classroom_id)
        removed: Rows = ()
        if replace:
            removed = _remove(session, _routines_of(session, classroom_id))
            base = 0
        else:
            count = session.scalar(select(func.count()).where(m.Routine.classroom_id == classroom_id))
            base = int(count or 0)
        rows = [_new_row(classroom_id, base + i, v) for i, v in enumerate(values)]
        session.add_all(rows)
        session.flush()
        records = tuple(to_record(RoutineRec, row) for row in rows)
    result = ImportResult(classroom_id, records, removed)
    if announce:
        announce_import(store, result)
    return result


def announce_import(store: Store, result: ImportResult) -> None:
    """Tell the views that an import (or its redo) stored these routines."""
    store.events.emit(Change("routine", "imported", result.ids, result.classroom_id))


def undo_import(store: Store, result: ImportResult) -> ImportResult:
    """Take an import back in one transaction: remove the routines it added, put back those it replaced."""
    with store.session() as session:
        if session.get(m.Classroom, result.classroom_id) is None:
            raise ConflictError("classroom", result.classroom_id)
        added = [row for row in (session.get(m.Routine, i) for i in result.ids) if row is not None]
        added_rows = _remove(session, added)
        restored = _put_back(session, result.removed)
        _renumber(session, result.classroom_id)
    store.events.emit(Change("routine", "deleted", result.ids, result.classroom_id))
    if restored:
        store.events.emit(Change("routine", "restored", tuple(restored), result.classroom_id))
    return dataclasses.replace(result, added_rows=added_rows, undone=True)


def redo_import(store: Store, result: ImportResult) -> ImportResult:
    """Do an undone import again: the same routines (same ids) back, the replaced ones removed again."""
    if not result.undone:
        raise ValueError("redo_import needs the result of undo_import")
    with store.session() as session:
        if session.get(m.Classroom, result.classroom_id) is None:
            raise ConflictError("classroom", result.classroom_id)
        replaced_ids = [data["id"] for kind, data in result.removed if kind == "routine"]
        old = [row for row in (session.get(m.Routine, i) for i in replaced_ids) if row is not None]
        removed = _remove(session, old)
        _put_back(session, result.added_rows)
        _renumber(session, result.classroom_id)
        session.flush()
        rows = [session.get(m.Routine, r.id) for r in result.routines]
        records = tuple(to_record(RoutineRec, row) for row in rows if row is not None)
    done = ImportResult(result.classroom_id, records, removed)
    announce_import(store, done)
    return done
