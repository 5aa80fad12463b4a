"""Process-wide settings of the Python runtime that suit goalwriter's work (no Qt, no database)."""

from __future__ import annotations

import gc

# Python's cycle collector looks at new objects every 700 allocations by default. Matching a class or
# a caseload makes hundreds of thousands of short-lived tuples that reference counting frees at once
# and that form no cycles; walking them again and again took about a fifth of a whole-caseload run
# (bench/bench_align.py). Every 10,000 keeps each pass short (a few milliseconds at most, well inside
# a frame while typing) and makes far fewer of them.
NEW_OBJECTS_PER_PASS = 10_000


def tune_collector() -> None:
    """Let the cycle collector run after 10,000 new objects rather than 700 (never lowers it)."""
    first, second, third = gc.get_threshold()
    if first and first < NEW_OBJECTS_PER_PASS:  # 0: the collector is switched off; leave it so
        gc.set_threshold(NEW_OBJECTS_PER_PASS, second, third)
