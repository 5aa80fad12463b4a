"""Read-only questions the UI and the CLI ask; each answers with plain records."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from goalwriter.services.records import (
    AlignmentRec,
    ClassroomRec,
    GoalRec,
    ObjectiveRec,
    RoutineRec,
    SchoolRec,
    ServiceRec,
    StudentRec,
    to_record,
)
from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.errors import NotFoundError


def _one(store: Store, model, rec, record_id: int, kind: str):
    with store.reader() as session:
        row = session.get(model, record_id)
        if row is None:
            raise NotFoundError(kind, record_id)
        return to_record(rec, row)


def _many(store: Store, rec, stmt):
    with store.reader() as session:
        return [to_record(rec, row) for row in session.scalars(stmt)]


def get_school(store: Store, school_id: int) -> SchoolRec:
    return _one(store, m.School, SchoolRec, school_id, "school")


def get_classroom(store: Store, classroom_id: int) -> ClassroomRec:
    return _one(store, m.Classroom, ClassroomRec, classroom_id, "classroom")


def get_student(store: Store, student_id: int) -> StudentRec:
    return _one(store, m.Student, StudentRec, student_id, "student")


def get_goal(store: Store, goal_id: int) -> GoalRec:
    return _one(store, m.Goal, GoalRec, goal_id, "goal")


def get_routine(store: Store, routine_id: int) -> RoutineRec:
    return _one(store, m.Routine, RoutineRec, routine_id, "routine")


def get_objective(store: Store, objective_id: int) -> ObjectiveRec:
    return _one(store, m.Objective, ObjectiveRec, objective_id, "objective")


def list_schools(store: Store) -> list[SchoolRec]:
    return _many(store, SchoolRec, select(m.School).order_by(m.School.position, m.School.id))


def list_classrooms(store: Store, school_id: int | None = None) -> list[ClassroomRec]:
    stmt = select(m.Classroom).join(m.School).order_by(m.School.position, m.Classroom.position, m.Classroom.id)
    if school_id is not None:
        stmt = stmt.where(m.Classroom.school_id == school_id)
    return _many(store, ClassroomRec, stmt)


def list_students(store: Store, classroom_id: int | None = None) -> list[StudentRec]:
    stmt = (
        select(m.Student)
        .join(m.Classroom)
        .join(m.School)
        .order_by(m.School.position, m.Classroom.position, m.Student.position, m.Student.id)
    )
    if classroom_id is not None:
        stmt = stmt.where(m.Student.classroom_id == classroom_id)
    return _many(store, StudentRec, stmt)


def list_goals(store: Store, student_id: int | None = None) -> list[GoalRec]:
    stmt = select(m.Goal).join(m.Student).order_by(m.Student.id, m.Goal.position, m.Goal.id)
    if student_id is not None:
        stmt = stmt.where(m.Goal.student_id == student_id)
    return _many(store, GoalRec, stmt)


def list_objectives(store: Store, goal_id: int) -> list[ObjectiveRec]:
    stmt = select(m.Objective).where(m.Objective.goal_id == goal_id).order_by(m.Objective.position, m.Objective.id)
    return _many(store, ObjectiveRec, stmt)


def list_routines(store: Store, classroom_id: int | None = None) -> list[RoutineRec]:
    stmt = select(m.Routine).order_by(m.Routine.classroom_id, m.Routine.position, m.Routine.id)
    if classroom_id is not None:
        stmt = stmt.where(m.Routine.classroom_id == classroom_id)
    return _many(store, RoutineRec, stmt)


def list_services(store: Store, student_id: int) -> list[ServiceRec]:
    stmt = select(m.Service).where(m.Service.student_id == student_id).order_by(m.Service.id)
    return _many(store, ServiceRec, stmt)


def list_alignments(store: Store, goal_ids: list[int]) -> list[AlignmentRec]:
    if not goal_ids:
        return []
    stmt = select(m.Alignment).where(m.Alignment.goal_id.in_(goal_ids)).order_by(m.Alignment.id)
    return _many(store, AlignmentRec, stmt)


@dataclass(frozen=True)
class CaseloadNode:
    school: SchoolRec
    classrooms: tuple[tuple[ClassroomRec, tuple[StudentRec, ...]], ...]


def caseload_tree(store: Store) -> list[CaseloadNode]:
    """Schools > classrooms > students, in their order, in three queries."""
    schools = list_schools(store)
    classrooms = list_classrooms(store)
    students = list_students(store)
    by_class: dict[int, list[StudentRec]] = {}
    for s in students:
        by_class.setdefault(s.classroom_id, []).append(s)
    by_school: dict[int, list[tuple[ClassroomRec, tuple[StudentRec, ...]]]] = {}
    for c in classrooms:
        by_school.setdefault(c.school_id, []).append((c, tuple(by_class.get(c.id, ()))))
    return [CaseloadNode(s, tuple(by_school.get(s.id, ()))) for s in schools]


def is_empty(store: Store) -> bool:
    with store.reader() as session:
        return session.scalar(select(m.School.id).limit(1)) is None
