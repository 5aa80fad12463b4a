"""User-level changes to a classroom's routines (the blocks of its day)."""

from __future__ import annotations

from typing import Any

from goalwriter.services import _crud
from goalwriter.services._crud import Snapshot
from goalwriter.services.records import RoutineRec
from goalwriter.services.records import from_data as _rec
from goalwriter.store.db import Store


def add_routine(
    store: Store,
    classroom_id: int,
    name: str,
    description: str = "",
    days: str = "",
    start: str = "",
    end: str = "",
    position: int | None = None,
) -> RoutineRec:
    values = {"name": name.strip(), "description": description, "days": days, "start": start, "end": end}
    return _rec(RoutineRec, _crud.add(store, "routine", classroom_id, values, position))


def update_routine(store: Store, routine_id: int, version: int | None, **changes: Any) -> RoutineRec:
    return _rec(RoutineRec, _crud.update(store, "routine", routine_id, version, changes))


def duplicate_routine(store: Store, routine_id: int) -> RoutineRec:
    """A copy of the block placed right after it."""
    from goalwriter.services.queries import get_routine

    r = get_routine(store, routine_id)
    return add_routine(store, r.classroom_id, r.name, r.description, r.days, r.start, r.end, r.position + 1)


def move_routine(store: Store, routine_id: int, index: int) -> int:
    return _crud.move(store, "routine", routine_id, index)


def delete_routine(store: Store, routine_id: int, version: int | None = None) -> Snapshot:
    return _crud.delete(store, "routine", routine_id, version)
