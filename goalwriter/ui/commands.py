"""Undo commands. Each one calls service functions (one per user-level change) and captures what it
needs to reverse itself when it is built or first run. Nothing here touches a session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from goalwriter.services import _crud
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError

ErrorSink = Callable[[GoalwriterError], None]


class ServiceCommand(QUndoCommand):
    """Runs service calls; a failure is reported and the command dropped from the stack."""

    error_sink: ErrorSink | None = None

    def __init__(self, store: Store, text: str):
        super().__init__(text)
        self.store = store
        self.failed: GoalwriterError | None = None

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except GoalwriterError as exc:
            self.failed = exc
            self.setObsolete(True)
            if ServiceCommand.error_sink is not None:
                ServiceCommand.error_sink(exc)

    def redo(self) -> None:
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.undo_it)

    def do(self) -> None:  # pragma: no cover - every subclass defines it
        raise AssertionError("subclass must define do()")

    def undo_it(self) -> None:  # pragma: no cover
        raise AssertionError("subclass must define undo_it()")


class AddCommand(ServiceCommand):
    """Add a record through ``create()``; undo deletes it, redo puts the same record back."""

    def __init__(self, store: Store, text: str, kind: str, create: Callable[[], Any]):
        super().__init__(store, text)
        self.kind = kind
        self.create = create
        self.record: Any = None
        self.snapshot: _crud.Snapshot | None = None

    def do(self) -> None:
        if self.snapshot is None:
            self.record = self.create()
        else:
            _crud.restore(self.store, self.snapshot)

    def undo_it(self) -> None:
        self.snapshot = _crud.delete(self.store, self.kind, self.record.id)


class DeleteCommand(ServiceCommand):
    def __init__(self, store: Store, text: str, kind: str, record_id: int, version: int | None = None):
        super().__init__(store, text)
        self.kind = kind
        self.record_id = record_id
        self.version = version
        self.snapshot: _crud.Snapshot | None = None

    def do(self) -> None:
        self.snapshot = _crud.delete(self.store, self.kind, self.record_id, self.version)
        self.version = None

    def undo_it(self) -> None:
        assert self.snapshot is not None
        _crud.restore(self.store, self.snapshot)


class MoveCommand(ServiceCommand):
    def __init__(self, store: Store, text: str, kind: str, record_id: int, index: int):
        super().__init__(store, text)
        self.kind = kind
        self.record_id = record_id
        self.index = index
        self.old_index: int | None = None

    def do(self) -> None:
        self.old_index = _crud.move(self.store, self.kind, self.record_id, self.index)

    def undo_it(self) -> None:
        assert self.old_index is not None
        _crud.move(self.store, self.kind, self.record_id, self.old_index)


class EditCommand(ServiceCommand):
    """Change fields of one record. ``apply(values, version)`` is the service function to call.

    Consecutive edits of the same fields of the same record merge into one undo step (typing).
    """

    MERGE_ID = 1000

    def __init__(
        self,
        store: Store,
        text: str,
        kind: str,
        record_id: int,
        old: dict[str, Any],
        new: dict[str, Any],
        apply: Callable[[dict[str, Any], int | None], Any],
        version: int | None = None,
        merge_key: str | None = None,
    ):
        super().__init__(store, text)
        self.kind = kind
        self.record_id = record_id
        self.old = old
        self.new = new
        self.apply = apply
        self.version = version
        self.merge_key = merge_key
        self.result: Any = None

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.failed or self.failed:
            return False
        if (other.kind, other.record_id, other.merge_key) != (self.kind, self.record_id, self.merge_key):
            return False
        self.new = other.new
        self.result = other.result
        return True

    def do(self) -> None:
        self.result = self.apply(self.new, self.version)
        self.version = None

    def undo_it(self) -> None:
        self.result = self.apply(self.old, None)


class GoalEditCommand(ServiceCommand):
    """An edit of a goal's parts or sentence. The first run goes through ``update_goal`` (which recomposes
    the sentence while it is not hand-edited); undo and redo put back exact before/after snapshots.
    Consecutive edits of the same fields of the same goal merge into one undo step (typing)."""

    MERGE_ID = 1001
    SNAPSHOT_FIELDS = (
        "area", "baseline", "condition", "behavior", "criterion", "measurement", "reporting", "target_date",
        "text", "text_edited",
    )

    def __init__(self, store: Store, text: str, goal, changes: dict[str, Any], merge_key: str = ""):
        super().__init__(store, text)
        self.goal_id = goal.id
        self.version = goal.version
        self.changes = changes
        self.merge_key = merge_key
        self.before = {f: getattr(goal, f) for f in self.SNAPSHOT_FIELDS}
        self.after: dict[str, Any] | None = None
        self.result: Any = None

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, GoalEditCommand) or other.failed or self.failed or self.after is None:
            return False
        if (other.goal_id, other.merge_key) != (self.goal_id, self.merge_key):
            return False
        self.after = other.after
        self.result = other.result
        return True

    def do(self) -> None:
        from goalwriter.services import goals

        if self.after is None:
            self.result = goals.update_goal(self.store, self.goal_id, self.version, **self.changes)
            self.after = {f: getattr(self.result, f) for f in self.SNAPSHOT_FIELDS}
        else:
            self.result = goals.restore_goal_fields(self.store, self.goal_id, None, self.after)

    def undo_it(self) -> None:
        from goalwriter.services import goals

        self.result = goals.restore_goal_fields(self.store, self.goal_id, None, self.before)


def alignment_edit(
    store: Store, goal_id: int, routine_id: int, values: dict[str, Any], text: str, merge_key: str | None = None
) -> EditCommand | None:
    """An undoable change of the team's decision fields for one goal-routine pair (state, note, support,
    definitely), or None when nothing would change."""
    from goalwriter.services.alignment import alignment_values, set_alignment

    stored = alignment_values(store, goal_id, routine_id)
    old = {key: stored[key] for key in values}
    if old == values:
        return None
    return EditCommand(
        store, text, "alignment", (goal_id, routine_id),  # type: ignore[arg-type] - a pair names an alignment
        old, dict(values), lambda v, _version: set_alignment(store, goal_id, routine_id, **v), merge_key=merge_key,
    )
