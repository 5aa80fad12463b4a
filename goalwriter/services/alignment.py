"""Goals × routines: the matcher's live scores merged with the team's decisions.

Scores are computed when asked (matching one goal against a day takes well under a millisecond), so
they always reflect the current goal text, routines and lexicon. What is stored is what the team
decided about a pair: confirmed or rejected, a note on how the goal is embedded in that block, a
support code (P peer, A second adult, N none) and the "definitely addressed" mark. A decision wins
over the score and survives re-matching, because the score is never stored in its place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from goalwriter.core.days import parse_days
from goalwriter.core.matching import GoalMatch, Matcher, PairScore, PreparedDay, RoutineText
from goalwriter.services import queries
from goalwriter.services.lexicon import app_lexicon
from goalwriter.services.records import (
    AlignmentRec,
    ClassroomRec,
    GoalRec,
    RoutineRec,
    SchoolRec,
    StudentRec,
    to_record,
)
from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.errors import ValidationError
from goalwriter.store.events import Change

STATE_CYCLE = {"suggested": "confirmed", "confirmed": "rejected", "rejected": "suggested"}
MAX_DEFINITELY_PER_DAY = 2


# -- matching ---------------------------------------------------------------------------------------
class _MatchCache:
    """Per store: the matcher for the current lexicon, and each classroom's prepared day."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.lexicon = None
        self.matcher: Matcher | None = None
        self.days: dict[int, tuple[tuple, PreparedDay]] = {}


_CACHES: dict[int, _MatchCache] = {}


def _cache(store: Store) -> _MatchCache:
    cache = _CACHES.get(id(store))
    if cache is None:
        cache = _CACHES[id(store)] = _MatchCache()
    return cache


def matcher_for(store: Store) -> Matcher:
    """The matcher with the shipped lexicon plus this database's user words (rebuilt when they change)."""
    cache = _cache(store)
    lexicon = app_lexicon(store)
    with cache.lock:
        if cache.matcher is None or cache.lexicon is not lexicon:
            cache.lexicon = lexicon
            cache.matcher = Matcher(lexicon)
            cache.days.clear()
        return cache.matcher


def routine_text(r: RoutineRec) -> RoutineText:
    return RoutineText(id=r.id, name=r.name, description=r.description, days=r.days, start=r.start, end=r.end)


def prepared_day(store: Store, classroom_id: int, routines: Sequence[RoutineRec] | None = None) -> PreparedDay:
    """The classroom's routines analysed once; reused until a routine changes."""
    matcher = matcher_for(store)
    if routines is None:
        routines = queries.list_routines(store, classroom_id)
    key = tuple((r.id, r.version, r.position) for r in routines)
    cache = _cache(store)
    with cache.lock:
        hit = cache.days.get(classroom_id)
        if hit is not None and hit[0] == key:
            return hit[1]
    day = matcher.prepare([routine_text(r) for r in routines])
    with cache.lock:
        cache.days[classroom_id] = (key, day)
    return day


def match_text(store: Store, classroom_id: int, text: str, domain: str = "") -> GoalMatch:
    """Match a goal as typed (not yet stored) against its classroom: the editor's per-keystroke call."""
    return matcher_for(store).match(text, prepared_day(store, classroom_id), domain)


# -- the matrix ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MatrixCell:
    goal_id: int
    routine_id: int
    score: float
    why: tuple[str, ...]
    suggested: bool  # the matcher's own verdict (score at or above the threshold)
    state: str  # suggested (no decision) | confirmed | rejected
    note: str = ""
    support: str = ""
    definitely: bool = False
    per_week: int = 5

    @property
    def addressed(self) -> bool:
        """The goal is worked on in this block: confirmed, or suggested and not rejected."""
        return self.state == "confirmed" or (self.state == "suggested" and self.suggested)

    @property
    def reason(self) -> str:
        return "; ".join(self.why)


@dataclass(frozen=True)
class GoalRow:
    goal: GoalRec
    cells: tuple[MatrixCell, ...]  # in the routines' day order
    match: GoalMatch

    @property
    def addressed(self) -> tuple[MatrixCell, ...]:
        return tuple(c for c in self.cells if c.addressed)

    @property
    def per_week(self) -> int:
        return sum(c.per_week for c in self.addressed)

    @property
    def flag(self) -> str:
        """Empty when the goal comes up in class; otherwise why it does not (for a red mark)."""
        if self.addressed:
            return ""
        if not self.cells:
            return "the classroom has no routines yet"
        if any(c.suggested for c in self.cells):
            return "never comes up in class: the team rejected every routine that matched"
        return "never comes up in class: no routine of the day calls for this skill"

    @property
    def thin(self) -> bool:
        return bool(self.addressed) and self.per_week <= 1

    def cell(self, routine_id: int) -> MatrixCell | None:
        return next((c for c in self.cells if c.routine_id == routine_id), None)


@dataclass(frozen=True)
class StudentMatrix:
    student: StudentRec
    classroom: ClassroomRec
    school: SchoolRec
    routines: tuple[RoutineRec, ...]
    rows: tuple[GoalRow, ...]

    def row(self, goal_id: int) -> GoalRow | None:
        return next((r for r in self.rows if r.goal.id == goal_id), None)


def _decisions(store: Store, goal_ids: Sequence[int]) -> dict[tuple[int, int], AlignmentRec]:
    return {(a.goal_id, a.routine_id): a for a in queries.list_alignments(store, list(goal_ids))}


def build_row(goal: GoalRec, routines: Sequence[RoutineRec], match: GoalMatch, decisions) -> GoalRow:
    scores: dict[object, PairScore] = {p.routine_id: p for p in match.scores}
    matched = {p.routine_id for p in match.matches}
    cells = []
    for r in routines:
        pair = scores.get(r.id)
        decided = decisions.get((goal.id, r.id))
        cells.append(
            MatrixCell(
                goal_id=goal.id,
                routine_id=r.id,
                score=pair.score if pair else 0.0,
                why=pair.why if pair else (),
                suggested=r.id in matched,
                state=decided.state if decided else "suggested",
                note=decided.note if decided else "",
                support=decided.support if decided else "",
                definitely=decided.definitely if decided else False,
                per_week=pair.per_week if pair else len(_days(r)),
            )
        )
    return GoalRow(goal, tuple(cells), match)


def _days(r: RoutineRec) -> frozenset[int]:
    try:
        return parse_days(r.days)
    except ValueError:
        return frozenset(range(5))


def student_matrix(store: Store, student_id: int) -> StudentMatrix:
    """The student's goals against the class's day, with scores, reasons and the team's decisions."""
    student = queries.get_student(store, student_id)
    classroom = queries.get_classroom(store, student.classroom_id)
    school = queries.get_school(store, classroom.school_id)
    routines = tuple(queries.list_routines(store, classroom.id))
    goals = queries.list_goals(store, student_id)
    day = prepared_day(store, classroom.id, routines)
    matcher = matcher_for(store)
    decisions = _decisions(store, [g.id for g in goals])
    rows = tuple(build_row(g, routines, matcher.match(g.text, day, g.area), decisions) for g in goals)
    return StudentMatrix(student, classroom, school, routines, rows)


def classroom_matrices(
    store: Store,
    classroom_id: int,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[StudentMatrix]:
    """Every student of a classroom (the whole-class matrix); reports progress, stops when cancelled."""
    students = queries.list_students(store, classroom_id)
    out = []
    for index, student in enumerate(students):
        if cancelled is not None and cancelled():
            break
        out.append(student_matrix(store, student.id))
        if progress is not None:
            progress(index + 1, len(students), student.name)
    return out


def flagged_students(store: Store, student_ids: Sequence[int] | None = None) -> set[int]:
    """Of the given students (default: everyone), those with a goal that never comes up in class."""
    ids = [s.id for s in queries.list_students(store)] if student_ids is None else list(student_ids)
    return {sid for sid in ids if any(row.flag for row in student_matrix(store, sid).rows)}


# -- the team's decisions (one function per user-level change) ---------------------------------------
_DECISION_FIELDS = ("state", "note", "support", "definitely")


def set_alignment(store: Store, goal_id: int, routine_id: int, **values) -> AlignmentRec:
    """Store the team's decision fields for one goal-routine pair (creating the record when needed)."""
    unknown = set(values) - set(_DECISION_FIELDS)
    if unknown:
        raise ValidationError(f"an alignment has no field(s) {', '.join(sorted(unknown))}")
    if "state" in values and values["state"] not in m.ALIGNMENT_STATES:
        raise ValidationError(f"state must be one of {', '.join(m.ALIGNMENT_STATES)}")
    if "support" in values and values["support"] not in m.SUPPORT_CODES:
        raise ValidationError("support must be P (peer), A (second adult), N (none) or empty")
    goal = queries.get_goal(store, goal_id)
    routine = queries.get_routine(store, routine_id)
    student = queries.get_student(store, goal.student_id)
    if routine.classroom_id != student.classroom_id:
        raise ValidationError(f"routine {routine_id} is not in the classroom of goal {goal_id}")
    if values.get("definitely"):
        _check_definitely(store, goal_id, routine)
    match = match_text(store, routine.classroom_id, goal.text, goal.area)
    pair = next((p for p in match.scores if p.routine_id == routine_id), None)
    with store.session() as session:
        row = session.scalar(
            select(m.Alignment).where(m.Alignment.goal_id == goal_id, m.Alignment.routine_id == routine_id)
        )
        if row is None:
            row = m.Alignment(goal_id=goal_id, routine_id=routine_id, state="suggested", note="", support="")
            session.add(row)
        for key, value in values.items():
            setattr(row, key, value)
        row.score = pair.score if pair else 0.0
        row.why = "; ".join(pair.why) if pair else ""
        session.flush()
        rec = to_record(AlignmentRec, row)
    store.events.emit(Change("alignment", "updated", (goal_id, routine_id), goal.student_id))
    return rec


def _check_definitely(store: Store, goal_id: int, routine: RoutineRec) -> None:
    others = [
        queries.get_routine(store, a.routine_id)
        for a in queries.list_alignments(store, [goal_id])
        if a.definitely and a.routine_id != routine.id
    ]
    for day in _days(routine):
        same_day = [o for o in others if day in _days(o)]
        if len(same_day) >= MAX_DEFINITELY_PER_DAY:
            names = ", ".join(o.name for o in same_day)
            raise ValidationError(
                f"at most {MAX_DEFINITELY_PER_DAY} routines a day can be marked “definitely addressed”; "
                f"this goal already has {names}"
            )


def alignment_values(store: Store, goal_id: int, routine_id: int) -> dict:
    """The decision fields as stored now (defaults when nothing is stored): what undo puts back."""
    for a in queries.list_alignments(store, [goal_id]):
        if a.routine_id == routine_id:
            return {"state": a.state, "note": a.note, "support": a.support, "definitely": a.definitely}
    return {"state": "suggested", "note": "", "support": "", "definitely": False}


def next_state(state: str) -> str:
    """A click on a matrix cell: suggested → confirmed → rejected → suggested."""
    return STATE_CYCLE[state]
