"""What the matcher tests share: the blocks a goal matched, and a day made of plain tuples."""

from __future__ import annotations

from goalwriter.core.matching import GoalMatch, Matcher, PreparedDay, RoutineText


def matched(result: GoalMatch) -> set[object]:
    """The ids of the blocks a goal matched."""
    return {p.routine_id for p in result.matches}


def day_of(matcher: Matcher, *blocks: tuple) -> PreparedDay:
    """A prepared day from (id, name, description, days, start, end) tuples; trailing fields may be left out."""
    return matcher.prepare([RoutineText(*b) for b in blocks])
