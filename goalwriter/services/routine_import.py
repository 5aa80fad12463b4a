"""Importing a classroom's day: every drafted block stored in one transaction, or none of them.

``import_routines`` appends the drafts to the classroom's routines, or replaces them (the old routines
and the team's decisions about them are removed in the same transaction). Its result lists the stored
routines and keeps what undo needs: the rows a replace removed. ``undo_import`` takes an import back
and ``redo_import`` puts it back again with the same ids, so decisions made in between survive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from sqlalchemy import delete, func, insert, select
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
    days = _stored_days(str(draft.days or "").strip())
    if len(days) > _LIMITS["days"]:
        raise ValidationError(f"{where}the days {days[:30]!r}… are longer than {_LIMITS['days']} characters")
    values["days"] = days
    for key in ("start", "end"):
        try:
            values[key] = _stored_time(str(getattr(draft, key) or ""))
        except ValueError as exc:
            raise ValidationError(f"{where}{key} time: {exc}") from None
    return values


@functools.lru_cache(maxsize=2048)
def _stored_days(days: str) -> str:
    """Days in their canonical form; unreadable days are kept as written (the routine editor flags them)."""
    with contextlib.suppress(ValueError):
        return format_days(parse_days(days)) if days else ""
    return days


@functools.lru_cache(maxsize=4096)
def _stored_time(text: str) -> str:
    return normalize_time(text)


def _classroom(session: Session, classroom_id: int) -> m.Classroom:
    classroom = session.get(m.Classroom, classroom_id)
    if classroom is None:
        raise NotFoundError("classroom", classroom_id)
    return classroom


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _remove(session: Session, routine_ids: Sequence[int]) -> Rows:
    """Delete routines and their alignments in bulk; returns their rows (routines first) for a later restore."""
    routines: list[tuple[str, dict[str, Any]]] = []
    alignments: list[tuple[str, dict[str, Any]]] = []
    for chunk in _chunks(list(routine_ids)):
        for row in session.scalars(select(m.Routine).where(m.Routine.id.in_(chunk))):
            routines.append(("routine", _crud._columns(row)))
        for row in session.scalars(select(m.Alignment).where(m.Alignment.routine_id.in_(chunk))):
            alignments.append(("alignment", _crud._columns(row)))
    for chunk in _chunks(list(routine_ids)):
        session.execute(delete(m.Alignment).where(m.Alignment.routine_id.in_(chunk)),
                        execution_options={"synchronize_session": False})
        session.execute(delete(m.Routine).where(m.Routine.id.in_(chunk)),
                        execution_options={"synchronize_session": False})
    session.expire_all()
    return tuple(routines + alignments)


def _put_back(session: Session, rows: Rows) -> list[int]:
    """Insert rows removed earlier with their ids; alignments only where goal and routine still exist."""
    routines = [data for kind, data in rows if kind == "routine"]
    if routines:
        session.execute(insert(m.Routine), routines)
    alignments = [data for kind, data in rows if kind == "alignment"]
    if alignments:
        goal_ids = sorted({a["goal_id"] for a in alignments})
        routine_ids = sorted({a["routine_id"] for a in alignments})
        goals: set[int] = set()
        for chunk in _chunks(goal_ids):
            goals.update(session.scalars(select(m.Goal.id).where(m.Goal.id.in_(chunk))))
        present: set[int] = set()
        taken: set[tuple[int, int]] = set()
        for chunk in _chunks(routine_ids):
            present.update(session.scalars(select(m.Routine.id).where(m.Routine.id.in_(chunk))))
            taken.update(session.execute(select(m.Alignment.goal_id, m.Alignment.routine_id).where(
                m.Alignment.routine_id.in_(chunk))).all())
        keep = [a for a in alignments if a["goal_id"] in goals and a["routine_id"] in present
                and (a["goal_id"], a["routine_id"]) not in taken]
        if keep:
            session.execute(insert(m.Alignment), keep)
    return [data["id"] for data in routines]


def _renumber(session: Session, classroom_id: int) -> None:
    stmt = (select(m.Routine.id, m.Routine.position).where(m.Routine.classroom_id == classroom_id)
            .order_by(m.Routine.position, m.Routine.id))
    for position, (routine_id, old) in enumerate(session.execute(stmt).all()):
        if old != position:
            session.get(m.Routine, routine_id).position = position


def _routine_ids(session: Session, classroom_id: int) -> list[int]:
    return list(session.scalars(select(m.Routine.id).where(m.Routine.classroom_id == classroom_id)))


def _new_rows(classroom_id: int, base: int, values: Sequence[dict[str, str]]) -> list[dict[str, Any]]:
    return [{**v, "classroom_id": classroom_id, "position": base + i, "version": 1} for i, v in enumerate(values)]


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
            removed = _remove(session, _routine_ids(session, classroom_id))
            base = 0
        else:
            count = session.scalar(select(func.count()).where(m.Routine.classroom_id == classroom_id))
            base = int(count or 0)
        new_rows = _new_rows(classroom_id, base, values)
        ids = session.scalars(insert(m.Routine).returning(m.Routine.id, sort_by_parameter_order=True), new_rows)
        records = tuple(RoutineRec(id=i, **row) for i, row in zip(ids, new_rows, strict=True))
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
        added_rows = _remove(session, result.ids)
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
        removed = _remove(session, replaced_ids)
        restored = _put_back(session, result.added_rows)
        _renumber(session, result.classroom_id)
        session.flush()
        by_id = {}
        for chunk in _chunks(restored):
            by_id.update({row.id: row for row in session.scalars(select(m.Routine).where(m.Routine.id.in_(chunk)))})
        records = tuple(to_record(RoutineRec, by_id[r.id]) for r in result.routines if r.id in by_id)
    done = ImportResult(result.classroom_id, records, removed)
    announce_import(store, done)
    return done
