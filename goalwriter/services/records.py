"""Plain, immutable copies of stored rows: what services hand to the UI and the CLI.

Widgets never see a live ORM object or a session; they see these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class SchoolRec:
    id: int
    name: str
    position: int
    version: int


@dataclass(frozen=True)
class ClassroomRec:
    id: int
    school_id: int
    name: str
    teacher: str
    grade: str
    position: int
    version: int


@dataclass(frozen=True)
class StudentRec:
    id: int
    classroom_id: int
    name: str
    initials: str
    grade: str
    iep_meeting_date: dt.date | None
    annual_review_date: dt.date | None
    position: int
    version: int

    @property
    def short_name(self) -> str:
        """How a goal sentence names the student: the first name, or the initials."""
        return self.name.split()[0] if self.name.strip() else (self.initials or "the student")


@dataclass(frozen=True)
class GoalRec:
    id: int
    student_id: int
    area: str
    baseline: str
    condition: str
    behavior: str
    criterion: str
    measurement: str
    reporting: str
    target_date: dt.date | None
    text: str
    text_edited: bool
    position: int
    version: int


@dataclass(frozen=True)
class ObjectiveRec:
    id: int
    goal_id: int
    text: str
    position: int
    version: int


@dataclass(frozen=True)
class RoutineRec:
    id: int
    classroom_id: int
    name: str
    description: str
    days: str
    start: str
    end: str
    position: int
    version: int


@dataclass(frozen=True)
class AlignmentRec:
    id: int
    goal_id: int
    routine_id: int
    score: float
    why: str
    state: str
    note: str
    support: str
    definitely: bool
    version: int


@dataclass(frozen=True)
class ServiceRec:
    id: int
    student_id: int
    minutes_per_week: int
    model: str
    version: int


def to_record(cls, row):
    """Copy the columns that ``cls`` names from an ORM row."""
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def from_data(cls, data: dict):
    """Build a record from a dict of column values (extra keys are ignored)."""
    return cls(**{f.name: data[f.name] for f in fields(cls)})
