"""User-level changes to the caseload: schools, classrooms, students and their services."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from goalwriter.services import _crud
from goalwriter.services._crud import Snapshot
from goalwriter.services.records import ClassroomRec, SchoolRec, ServiceRec, StudentRec, to_record
from goalwriter.services.records import from_data as _rec
from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.errors import NotFoundError, ValidationError
from goalwriter.store.events import Change
from goalwriter.store.models import SERVICE_MODELS


def add_school(store: Store, name: str, position: int | None = None) -> SchoolRec:
    return _rec(SchoolRec, _crud.add(store, "school", None, {"name": name.strip()}, position))


def rename_school(store: Store, school_id: int, version: int | None, name: str) -> SchoolRec:
    return _rec(SchoolRec, _crud.update(store, "school", school_id, version, {"name": name.strip()}))


def move_school(store: Store, school_id: int, index: int) -> int:
    return _crud.move(store, "school", school_id, index)


def delete_school(store: Store, school_id: int, version: int | None = None) -> Snapshot:
    return _crud.delete(store, "school", school_id, version)


def add_classroom(
    store: Store, school_id: int, name: str, teacher: str = "", grade: str = "", position: int | None = None
) -> ClassroomRec:
    values = {"name": name.strip(), "teacher": teacher.strip(), "grade": grade.strip()}
    return _rec(ClassroomRec, _crud.add(store, "classroom", school_id, values, position))


def update_classroom(store: Store, classroom_id: int, version: int | None, **changes) -> ClassroomRec:
    return _rec(ClassroomRec, _crud.update(store, "classroom", classroom_id, version, changes))


def move_classroom(store: Store, classroom_id: int, index: int) -> int:
    return _crud.move(store, "classroom", classroom_id, index)


def delete_classroom(store: Store, classroom_id: int, version: int | None = None) -> Snapshot:
    return _crud.delete(store, "classroom", classroom_id, version)


def initials_of(name: str) -> str:
    """'Maya Rivera' -> 'M.R.'; 'José Núñez-Ortiz' -> 'J.N.' (first name, and the last name as written)"""
    parts = [p for p in name.split() if p[:1].isalpha()]
    if not parts:
        return ""
    picked = [parts[0], parts[-1]] if len(parts) > 1 else parts[:1]
    return "".join(f"{p[0].upper()}." for p in picked)


def add_student(
    store: Store,
    classroom_id: int,
    name: str,
    *,
    initials: str = "",
    grade: str = "",
    iep_meeting_date: dt.date | None = None,
    annual_review_date: dt.date | None = None,
    position: int | None = None,
) -> StudentRec:
    values = {
        "name": name.strip(),
        "initials": initials.strip() or initials_of(name),
        "grade": grade.strip(),
        "iep_meeting_date": iep_meeting_date,
        "annual_review_date": annual_review_date,
    }
    return _rec(StudentRec, _crud.add(store, "student", classroom_id, values, position))


def update_student(store: Store, student_id: int, version: int | None, **changes) -> StudentRec:
    return _rec(StudentRec, _crud.update(store, "student", student_id, version, changes))


def move_student(store: Store, student_id: int, index: int) -> int:
    return _crud.move(store, "student", student_id, index)


def delete_student(store: Store, student_id: int, version: int | None = None) -> Snapshot:
    return _crud.delete(store, "student", student_id, version)


def set_service(store: Store, student_id: int, minutes_per_week: int, model: str = "push-in") -> ServiceRec | None:
    """Record the student's OT service: minutes a week and how it is delivered (push-in, pull-out,
    consult). A student has at most one service record; 0 minutes removes it. One transaction."""
    if model not in SERVICE_MODELS:
        raise ValidationError(f"service model must be one of {', '.join(SERVICE_MODELS)}")
    if minutes_per_week < 0:
        raise ValidationError("minutes per week cannot be negative")
    with store.session() as session:
        if session.get(m.Student, student_id) is None:
            raise NotFoundError("student", student_id)
        rows = list(session.scalars(select(m.Service).where(m.Service.student_id == student_id)))
        keep = rows[0] if rows and minutes_per_week else None
        for row in rows:
            if row is not keep:
                session.delete(row)
        if minutes_per_week and keep is None:
            keep = m.Service(student_id=student_id, minutes_per_week=minutes_per_week, model=model)
            session.add(keep)
        elif keep is not None:
            keep.minutes_per_week = minutes_per_week
            keep.model = model
        session.flush()
        rec = to_record(ServiceRec, keep) if keep is not None else None
    store.events.emit(Change("student", "updated", (student_id,)))
    return rec


def restore(store: Store, snapshot: Snapshot) -> None:
    """Undo a delete of any kind of record (with everything that went with it)."""
    _crud.restore(store, snapshot)
