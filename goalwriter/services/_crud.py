"""The shared mechanics behind the per-change service functions: add, update, move, delete, restore.

Each call runs in one short session and emits one change event. Updates and deletes carry the
version the caller last saw; a stale version raises ConflictError and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.errors import ConflictError, NotFoundError, ValidationError
from goalwriter.store.events import Change


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    parent_column: str | None
    editable: tuple[str, ...]


KINDS: dict[str, Kind] = {
    "school": Kind("school", m.School, None, ("name",)),
    "classroom": Kind("classroom", m.Classroom, "school_id", ("name", "teacher", "grade", "school_id")),
    "student": Kind(
        "student",
        m.Student,
        "classroom_id",
        ("name", "initials", "grade", "iep_meeting_date", "annual_review_date", "classroom_id"),
    ),
    "goal": Kind(
        "goal",
        m.Goal,
        "student_id",
        ("area", "baseline", "condition", "behavior", "criterion", "measurement", "reporting", "target_date",
         "text", "text_edited"),
    ),
    "objective": Kind("objective", m.Objective, "goal_id", ("text",)),
    "routine": Kind("routine", m.Routine, "classroom_id", ("name", "description", "days", "start", "end")),
    "service": Kind("service", m.Service, "student_id", ("minutes_per_week", "model")),
}

# Children deleted with a parent, in the order they must be re-inserted on restore.
_CHILDREN: dict[str, tuple[str, ...]] = {
    "school": ("classroom",),
    "classroom": ("routine", "student"),
    "student": ("goal", "service"),
    "goal": ("objective",),
    "routine": (),
    "objective": (),
    "service": (),
}


@dataclass(frozen=True)
class Snapshot:
    """Everything a delete removed (rows as column dicts, parents first), so undo can put it back."""

    kind: str
    record_id: int
    parent_id: int | None
    rows: tuple[tuple[str, dict[str, Any]], ...]


def _get(session: Session, kind: Kind, record_id: int):
    row = session.get(kind.model, record_id)
    if row is None:
        raise NotFoundError(kind.name, record_id)
    return row


def _check_version(kind: Kind, row, expected: int | None) -> None:
    if expected is not None and row.version != expected:
        raise ConflictError(kind.name, row.id, expected, row.version)


def _siblings(session: Session, kind: Kind, parent_id: int | None):
    stmt = select(kind.model)
    if kind.parent_column:
        stmt = stmt.where(getattr(kind.model, kind.parent_column) == parent_id)
    return list(session.scalars(stmt.order_by(kind.model.position, kind.model.id)))


def _columns(row) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in inspect(row).mapper.column_attrs}


def _validate(kind: Kind, values: dict[str, Any]) -> None:
    unknown = set(values) - set(kind.editable)
    if unknown:
        raise ValidationError(f"{kind.name} has no field(s) {', '.join(sorted(unknown))}")
    for name in ("name",):
        if name in values and not str(values[name]).strip():
            raise ValidationError(f"a {kind.name} needs a {name}")


def add(
    store: Store,
    kind_name: str,
    parent_id: int | None,
    values: dict[str, Any],
    position: int | None = None,
    children: tuple[tuple[str, dict[str, Any]], ...] = (),
):
    """Add one record (and, in the same transaction, child records such as a goal's objectives)."""
    kind = KINDS[kind_name]
    _validate(kind, values)
    with store.session() as session:
        if kind.parent_column:
            parent_kind = kind.parent_column.removesuffix("_id")
            _get(session, KINDS[parent_kind], parent_id)  # type: ignore[arg-type]
        if kind.model is m.Service:
            row = kind.model(**values)
        else:
            stmt = select(func.count()).select_from(kind.model)
            if kind.parent_column:
                stmt = stmt.where(getattr(kind.model, kind.parent_column) == parent_id)
            count = session.scalar(stmt)
            row = kind.model(**values, position=count if position is None else position)
        if kind.parent_column:
            setattr(row, kind.parent_column, parent_id)
        session.add(row)
        session.flush()
        if position is not None and kind.model is not m.Service:
            _renumber(session, kind, parent_id, moving=row, index=position)
        for index, (child_kind_name, child_values) in enumerate(children):
            child = KINDS[child_kind_name]
            _validate(child, child_values)
            session.add(child.model(**child_values, **{child.parent_column: row.id}, position=index))
        session.flush()
        data = _columns(row)
    store.events.emit(Change(kind.name, "added", (data["id"],), parent_id))
    return data


def update(store: Store, kind_name: str, record_id: int, expected_version: int | None, values: dict[str, Any]):
    kind = KINDS[kind_name]
    _validate(kind, values)
    try:
        with store.session() as session:
            row = _get(session, kind, record_id)
            _check_version(kind, row, expected_version)
            for key, value in values.items():
                setattr(row, key, value)
            session.flush()
            data = _columns(row)
    except StaleDataError as exc:
        raise ConflictError(kind.name, record_id, expected_version) from exc
    parent = data.get(kind.parent_column) if kind.parent_column else None
    store.events.emit(Change(kind.name, "updated", (record_id,), parent))
    return data


def _renumber(session: Session, kind: Kind, parent_id: int | None, moving=None, index: int | None = None) -> None:
    rows = [r for r in _siblings(session, kind, parent_id) if r is not moving]
    if moving is not None:
        index = max(0, min(len(rows), index if index is not None else len(rows)))
        rows.insert(index, moving)
    for pos, row in enumerate(rows):
        if row.position != pos:
            row.position = pos


def move(store: Store, kind_name: str, record_id: int, index: int) -> int:
    """Move a record to ``index`` among its siblings; returns the index it came from."""
    kind = KINDS[kind_name]
    with store.session() as session:
        row = _get(session, kind, record_id)
        parent_id = getattr(row, kind.parent_column) if kind.parent_column else None
        siblings = _siblings(session, kind, parent_id)
        old_index = siblings.index(row)
        _renumber(session, kind, parent_id, moving=row, index=index)
    store.events.emit(Change(kind.name, "moved", (record_id,), parent_id))
    return old_index


def _collect(session: Session, kind_name: str, row, out: list[tuple[str, dict[str, Any]]]) -> None:
    out.append((kind_name, _columns(row)))
    for child_kind_name in _CHILDREN[kind_name]:
        child = KINDS[child_kind_name]
        children = session.scalars(select(child.model).where(getattr(child.model, child.parent_column) == row.id))
        for child_row in children:
            _collect(session, child_kind_name, child_row, out)
    if kind_name in ("goal", "routine"):
        column = m.Alignment.goal_id if kind_name == "goal" else m.Alignment.routine_id
        for align in session.scalars(select(m.Alignment).where(column == row.id)):
            out.append(("alignment", _columns(align)))


_MODELS = {**{k: v.model for k, v in KINDS.items()}, "alignment": m.Alignment}


def delete(store: Store, kind_name: str, record_id: int, expected_version: int | None = None) -> Snapshot:
    kind = KINDS[kind_name]
    with store.session() as session:
        row = _get(session, kind, record_id)
        _check_version(kind, row, expected_version)
        parent_id = getattr(row, kind.parent_column) if kind.parent_column else None
        rows: list[tuple[str, dict[str, Any]]] = []
        _collect(session, kind_name, row, rows)
        session.delete(row)
        session.flush()
        if kind.model is not m.Service:
            _renumber(session, kind, parent_id)
    store.events.emit(Change(kind.name, "deleted", (record_id,), parent_id))
    return Snapshot(kind_name, record_id, parent_id, tuple(rows))


def restore(store: Store, snapshot: Snapshot) -> None:
    """Put back what a delete removed, with the same ids, at its old position."""
    kind = KINDS[snapshot.kind]
    with store.session() as session:
        pending_alignments = []
        for kind_name, data in snapshot.rows:
            if kind_name == "alignment":
                pending_alignments.append(data)
                continue
            session.add(_MODELS[kind_name](**data))
        session.flush()
        for data in pending_alignments:
            if session.get(m.Routine, data["routine_id"]) and session.get(m.Goal, data["goal_id"]):
                exists = session.scalar(
                    select(m.Alignment).where(
                        m.Alignment.goal_id == data["goal_id"], m.Alignment.routine_id == data["routine_id"]
                    )
                )
                if exists is None:
                    session.add(m.Alignment(**data))
        session.flush()
        if kind.model is not m.Service:
            row = session.get(kind.model, snapshot.record_id)
            index = snapshot.rows[0][1].get("position", 0)
            _renumber(session, kind, snapshot.parent_id, moving=row, index=index)
    store.events.emit(Change(kind.name, "restored", (snapshot.record_id,), snapshot.parent_id))
