"""A tiny change bus: services announce what they changed; views listen (through a Qt bridge in ui/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    kind: str  # school, classroom, student, goal, objective, routine, alignment, lexicon, caseload
    action: str  # added, updated, deleted, restored, moved, imported, rematched
    ids: tuple[int, ...] = ()
    parent_id: int | None = None


Listener = Callable[[Change], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
