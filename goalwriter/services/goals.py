"""User-level changes to a student's goals and their objectives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from goalwriter.core.goals import PART_FIELDS, GoalParts, compose_goal_sentence
from goalwriter.services import _crud
from goalwriter.services._crud import Snapshot
from goalwriter.services.records import GoalRec, ObjectiveRec
from goalwriter.services.records import from_data as _rec
from goalwriter.store.db import Store


def _student_name(store: Store, student_id: int) -> str:
    from goalwriter.services.queries import get_student

    return get_student(store, student_id).short_name


def _parts(values: dict[str, Any]) -> GoalParts:
    return GoalParts(**{k: values.get(k) or ("" if k != "target_date" else None) for k in PART_FIELDS})


def composed_text(store: Store, goal: GoalRec) -> str:
    """The sentence the goal's parts make now (what "recompose" would write)."""
    return compose_goal_sentence(_parts(goal.__dict__), _student_name(store, goal.student_id))


def add_goal(
    store: Store, student_id: int, position: int | None = None, objectives: Sequence[str] = (), **parts: Any
) -> GoalRec:
    """Add a goal (with its objectives, in one transaction); its sentence is composed from the parts
    unless ``text`` is given."""
    values = {k: v for k, v in parts.items() if v is not None}
    if "text" not in values:
        values["text"] = compose_goal_sentence(_parts(values), _student_name(store, student_id))
        values["text_edited"] = False
    else:
        composed = compose_goal_sentence(_parts(values), _student_name(store, student_id))
        values.setdefault("text_edited", values["text"] != composed)
    children = tuple(("objective", {"text": text}) for text in objectives)
    return _rec(GoalRec, _crud.add(store, "goal", student_id, values, position, children))


def update_goal(store: Store, goal_id: int, version: int | None, **changes: Any) -> GoalRec:
    """Change parts and/or the sentence of a goal.

    While the sentence has not been edited by hand, part changes recompose it. A sentence edited by
    hand is never overwritten by part edits (see :func:`recompose_goal_text`).
    """
    from goalwriter.services.queries import get_goal

    current = get_goal(store, goal_id)
    merged = {**current.__dict__, **changes}
    values = dict(changes)
    composed = compose_goal_sentence(_parts(merged), _student_name(store, current.student_id))
    if "text" in changes:
        values.setdefault("text_edited", changes["text"].strip() != composed and bool(changes["text"].strip()))
    elif not current.text_edited and any(k in changes for k in PART_FIELDS):
        values["text"] = composed
    return _rec(GoalRec, _crud.update(store, "goal", goal_id, version, values))


def recompose_goal_text(store: Store, goal_id: int, version: int | None) -> GoalRec:
    """Replace a hand-edited sentence with the one the parts make, and follow the parts again."""
    from goalwriter.services.queries import get_goal

    goal = get_goal(store, goal_id)
    values = {"text": composed_text(store, goal), "text_edited": False}
    return _rec(GoalRec, _crud.update(store, "goal", goal_id, version, values))


def restore_goal_fields(store: Store, goal_id: int, version: int | None, values: dict[str, Any]) -> GoalRec:
    """Set stored fields exactly as given (used by undo to put back an earlier state)."""
    return _rec(GoalRec, _crud.update(store, "goal", goal_id, version, values))


def move_goal(store: Store, goal_id: int, index: int) -> int:
    return _crud.move(store, "goal", goal_id, index)


def delete_goal(store: Store, goal_id: int, version: int | None = None) -> Snapshot:
    return _crud.delete(store, "goal", goal_id, version)


def add_objective(store: Store, goal_id: int, text: str = "", position: int | None = None) -> ObjectiveRec:
    return _rec(ObjectiveRec, _crud.add(store, "objective", goal_id, {"text": text}, position))


def edit_objective(store: Store, objective_id: int, version: int | None, text: str) -> ObjectiveRec:
    return _rec(ObjectiveRec, _crud.update(store, "objective", objective_id, version, {"text": text}))


def move_objective(store: Store, objective_id: int, index: int) -> int:
    return _crud.move(store, "objective", objective_id, index)


def delete_objective(store: Store, objective_id: int, version: int | None = None) -> Snapshot:
    return _crud.delete(store, "objective", objective_id, version)
