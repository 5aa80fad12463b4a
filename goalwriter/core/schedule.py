"""Checks on a classroom's day that the routine editor shows inline, next to the block they concern.

Works on any objects with ``id``, ``name``, ``days``, ``start`` and ``end`` attributes (stored records,
import drafts, test stand-ins). Times may be stored (``13:15``) or as typed (``1:15``, ``1:15 pm``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from goalwriter.core.days import format_days, parse_days
from goalwriter.core.times import format_clock, parse_time

__all__ = ["routine_problems"]


@dataclass
class _Block:
    key: Hashable
    name: str
    start: int
    end: int
    days: frozenset[int]


def _minutes(text: str, after: int | None = None) -> int:
    hhmm = parse_time(text, after)
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _span_text(block: _Block) -> str:
    return f"{format_clock(block.start)}–{format_clock(block.end)}"


def routine_problems(routines: Iterable[Any]) -> dict[Hashable, list[str]]:
    """The problems of each block, keyed by its id; blocks without problems are left out.

    Reports a start or end time that cannot be read, an end at or before the start, days that cannot be
    read, and blocks that overlap another block on a day they share (naming the other block). Blocks
    without both times are not checked for overlaps.
    """
    found: dict[Hashable, list[str]] = {}
    order: list[Hashable] = []
    blocks: list[_Block] = []
    for routine in routines:
        key = routine.id
        order.append(key)
        problems: list[str] = []
        start_text = (routine.start or "").strip()
        end_text = (routine.end or "").strip()
        start = end = None
        if start_text:
            try:
                start = _minutes(start_text)
            except ValueError as exc:
                problems.append(f"start time: {exc}")
        if end_text:
            try:
                end = _minutes(end_text, start)
            except ValueError as exc:
                problems.append(f"end time: {exc}")
        if start is not None and end is not None:
            if end < start:
                problems.append(f"ends ({format_clock(end)}) before it starts ({format_clock(start)})")
            elif end == start:
                problems.append(f"starts and ends at the same time ({format_clock(start)})")
        try:
            days = parse_days(routine.days)
        except ValueError as exc:
            problems.append(f"days: {exc}")
            days = None
        if problems:
            found[key] = problems
        elif start is not None and end is not None and days:
            blocks.append(_Block(key, routine.name, start, end, days))
    _add_overlaps(blocks, found)
    return {key: found[key] for key in dict.fromkeys(order) if key in found}


def _add_overlaps(blocks: list[_Block], found: dict[Hashable, list[str]]) -> None:
    """Sweep the blocks in start order, comparing each only with those still running when it starts."""
    running: list[_Block] = []
    for block in sorted(blocks, key=lambda b: (b.start, b.end)):
        running = [other for other in running if other.end > block.start]
        for other in running:
            shared = block.days & other.days
            if not shared:
                continue
            on = format_days(shared)
            found.setdefault(other.key, []).append(f"overlaps {block.name} ({_span_text(block)}) on {on}")
            found.setdefault(block.key, []).append(f"overlaps {other.name} ({_span_text(other)}) on {on}")
        running.append(block)
