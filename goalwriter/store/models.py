"""Typed SQLAlchemy 2 models: the data model of ../docs/ARCHITECTURE.md.

Rows that people edit carry a ``version`` column. SQLAlchemy bumps it on every UPDATE and adds
``WHERE version = :old`` to the statement, so a write based on a stale read changes nothing and
raises; the services turn that into :class:`goalwriter.store.errors.ConflictError`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin: an integer version that SQLAlchemy checks and bumps on every update."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class School(Versioned, Base):
    __tablename__ = "school"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    classrooms: Mapped[list[Classroom]] = relationship(
        back_populates="school", cascade="all, delete-orphan", order_by="Classroom.position"
    )


class Classroom(Versioned, Base):
    __tablename__ = "classroom"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    teacher: Mapped[str] = mapped_column(String(200), default="")
    grade: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    school: Mapped[School] = relationship(back_populates="classrooms")
    students: Mapped[list[Student]] = relationship(
        back_populates="classroom", cascade="all, delete-orphan", order_by="Student.position"
    )
    routines: Mapped[list[Routine]] = relationship(
        back_populates="classroom", cascade="all, delete-orphan", order_by="Routine.position"
    )


class Student(Versioned, Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    initials: Mapped[str] = mapped_column(String(20), default="")
    grade: Mapped[str] = mapped_column(String(50), default="")
    iep_meeting_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    annual_review_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    classroom: Mapped[Classroom] = relationship(back_populates="students")
    goals: Mapped[list[Goal]] = relationship(
        back_populates="student", cascade="all, delete-orphan", order_by="Goal.position"
    )
    services: Mapped[list[Service]] = relationship(back_populates="student", cascade="all, delete-orphan")


class Goal(Versioned, Base):
    __tablename__ = "goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(100), default="")
    baseline: Mapped[str] = mapped_column(Text, default="")
    condition: Mapped[str] = mapped_column(Text, default="")
    behavior: Mapped[str] = mapped_column(Text, default="")
    criterion: Mapped[str] = mapped_column(Text, default="")
    measurement: Mapped[str] = mapped_column(Text, default="")
    reporting: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    text_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    student: Mapped[Student] = relationship(back_populates="goals")
    objectives: Mapped[list[Objective]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Objective.position"
    )
    alignments: Mapped[list[Alignment]] = relationship(back_populates="goal", cascade="all, delete-orphan")


class Objective(Versioned, Base):
    __tablename__ = "objective"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    goal: Mapped[Goal] = relationship(back_populates="objectives")


class Routine(Versioned, Base):
    __tablename__ = "routine"
    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    days: Mapped[str] = mapped_column(String(60), default="")
    start: Mapped[str] = mapped_column(String(10), default="")
    end: Mapped[str] = mapped_column(String(10), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    classroom: Mapped[Classroom] = relationship(back_populates="routines")
    alignments: Mapped[list[Alignment]] = relationship(back_populates="routine", cascade="all, delete-orphan")


ALIGNMENT_STATES = ("suggested", "confirmed", "rejected")
SUPPORT_CODES = ("", "P", "A", "N")


class Alignment(Versioned, Base):
    """The team's record of one goal-routine pair. The matcher's score is stored beside the decision;
    a decision (confirmed/rejected) wins over the score."""

    __tablename__ = "alignment"
    __table_args__ = (
        UniqueConstraint("goal_id", "routine_id", name="uq_alignment_goal_routine"),
        CheckConstraint("state IN ('suggested', 'confirmed', 'rejected')", name="state"),
        CheckConstraint("support IN ('', 'P', 'A', 'N')", name="support"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    routine_id: Mapped[int] = mapped_column(ForeignKey("routine.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    why: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default="suggested")
    note: Mapped[str] = mapped_column(Text, default="")
    support: Mapped[str] = mapped_column(String(1), default="")
    definitely: Mapped[bool] = mapped_column(Boolean, default=False)
    goal: Mapped[Goal] = relationship(back_populates="alignments")
    routine: Mapped[Routine] = relationship(back_populates="alignments")


SERVICE_MODELS = ("push-in", "pull-out", "consult")


class Service(Versioned, Base):
    __tablename__ = "service"
    __table_args__ = (CheckConstraint("model IN ('push-in', 'pull-out', 'consult')", name="model"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    minutes_per_week: Mapped[int] = mapped_column(Integer, default=0)
    model: Mapped[str] = mapped_column(String(12), default="push-in")
    student: Mapped[Student] = relationship(back_populates="services")



class LexiconWord(Base):
    """A word or phrase a user added to a skill or an activity type of the matching lexicon
    ("our centers are called Daily 5", "our PE is Motor Lab")."""

    __tablename__ = "lexicon_word"
    __table_args__ = (
        UniqueConstraint("kind", "concept", "phrase", name="uq_lexicon_word_kind_concept_phrase"),
        CheckConstraint("kind IN ('skill', 'activity')", name="kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    concept: Mapped[str] = mapped_column(String(80))
    phrase: Mapped[str] = mapped_column(String(200))
