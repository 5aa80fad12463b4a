"""Times of day as teachers write them, read into the stored form: ``"HH:MM"`` on a 24-hour clock.

Accepted: ``8:30``, ``08:30``, ``8.30``, ``8:30 am``, ``8:30AM``, ``8:30 a.m.``, ``1:15 pm``, ``13:30``,
``0830``, ``9``, ``9am``, ``noon``, ``12 noon``; ranges ``8:30-9:15``, ``8:30 – 9:15``, ``10:10- 10:40``,
``8:30 to 9:15``; and several sessions of one block in one cell, ``12:00/2:00`` or
``8:30-9:00 & 12:00-12:30``.

A time written without am/pm is read on the school day: 7:00-11:59 is morning, 12:00-12:59 is the noon
hour, 1:00-5:59 is afternoon. Six o'clock follows the order of the rows: after a time past noon it is
6 pm, otherwise 6 am. In a range, the end is never read as earlier than its start when the other half
of the day makes it later (``11:30-12:15 pm``, ``11:00-1:00``), and a lone am/pm on one end is shared
with the other end when that keeps the range in order (``1:00-2:30 pm``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "TimeSpan",
    "find_span",
    "format_clock",
    "minutes_of",
    "normalize_time",
    "parse_sessions",
    "parse_span",
    "parse_time",
]

HINT = "write it like 8:30, 1:15 pm or 13:30"

_MERIDIEM = r"(?:[ap]\.?\s?m\b\.?|[ap]\b\.?)"
_CLOCK = (
    r"(?:(?:12\s*)?(?:noon|midday)\b"
    r"|\d{1,2}(?:\s?[:.h]\s?\d{2})?(?:\s*" + _MERIDIEM + r")?(?:\s*noon\b)?"
    r"|\d{3,4}(?:\s*" + _MERIDIEM + r")?)"
)
_SEPARATOR = r"\s*(?:-+|–|—|−|~|\bto\b|\btill?\b|\buntil\b|\bthru\b|\bthrough\b)\s*"
_ONE = re.compile(
    r"^\s*(?:(?P<word>(?:12\s*)?(?:noon|midday))"
    r"|(?P<h>\d{1,2})(?:\s?[:.h]\s?(?P<m>\d{2}))?\s*(?P<mer>" + _MERIDIEM + r")?\s*(?P<noon>noon)?"
    r"|(?P<packed>\d{3,4})\s*(?P<mer2>" + _MERIDIEM + r")?)\s*$",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\s*(?P<a>" + _CLOCK + r")" + _SEPARATOR + r"(?P<b>" + _CLOCK + r")\s*$", re.IGNORECASE)
_SESSION_SPLIT = re.compile(r"\s*(?:/|&|;|,|\+|\band\b|\n)\s*", re.IGNORECASE)
_LEADING = re.compile(
    r"^\s*(?P<t>" + _CLOCK + r"(?:" + _SEPARATOR + _CLOCK + r")?)(?=[\s:|,;)\]]|$)[\s:|,;)\]-]*", re.IGNORECASE
)
_TRAILING = re.compile(
    r"[\s(\[,;|-]+(?P<t>" + _CLOCK + r"(?:" + _SEPARATOR + _CLOCK + r")?)[\s)\]]*$", re.IGNORECASE
)
_DAY = 24 * 60


@dataclass(frozen=True)
class TimeSpan:
    """One session of a block: ``start`` and ``end`` as ``HH:MM``; ``end`` is "" when it was not written."""

    start: str
    end: str = ""


@dataclass(frozen=True)
class _Clock:
    """A time as written, before am/pm is settled: ``meridiem`` is "am", "pm" or None."""

    hour: int
    minute: int
    meridiem: str | None
    text: str


def minutes_of(hhmm: str) -> int:
    """Minutes after midnight of a stored ``HH:MM`` time."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def format_clock(minutes: int) -> str:
    """The stored form of a number of minutes after midnight."""
    minutes %= _DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _read_clock(text: str) -> _Clock:
    raw = text.strip()
    match = _ONE.match(raw)
    if not match:
        raise ValueError(f"cannot read {raw!r} as a time of day ({HINT})")
    if match.group("word") or (match.group("noon") and match.group("h")):
        hour = int(match.group("h") or 12)
        minute = int(match.group("m") or 0)
        if hour != 12:
            raise ValueError(f"{raw!r} says noon but names another hour ({HINT})")
        return _Clock(12, minute, "pm", raw)
    if match.group("packed"):
        digits = match.group("packed")
        hour, minute = int(digits[:-2]), int(digits[-2:])
        meridiem = match.group("mer2")
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        meridiem = match.group("mer")
    if minute > 59:
        raise ValueError(f"cannot read {raw!r} as a time of day: minutes go from 00 to 59")
    if hour > 23:
        raise ValueError(f"cannot read {raw!r} as a time of day: hours go up to 23 ({HINT})")
    mer = None
    if meridiem:
        mer = "am" if meridiem.strip().lower().startswith("a") else "pm"
        if hour == 0 or hour > 12:
            if mer == "am" or hour == 0:
                raise ValueError(f"cannot read {raw!r}: {hour}:{minute:02d} is not an {mer} time ({HINT})")
            mer = None  # "13:30 pm" says the same thing twice
    return _Clock(hour, minute, mer, raw)


def _with_meridiem(clock: _Clock, meridiem: str) -> int:
    hour = clock.hour % 12 + (12 if meridiem == "pm" else 0)
    return hour * 60 + clock.minute


def _on_school_day(clock: _Clock, after: int | None) -> int:
    """Minutes after midnight, settling a missing am/pm on the school day and the previous row."""
    if clock.meridiem:
        return _with_meridiem(clock, clock.meridiem)
    hour = clock.hour
    if hour == 0 or hour >= 13:
        return hour * 60 + clock.minute
    if hour == 12 or 7 <= hour <= 11:
        return _with_meridiem(clock, "am" if hour != 12 else "pm")
    if 1 <= hour <= 5:
        return _with_meridiem(clock, "pm")
    return _with_meridiem(clock, "pm" if after is not None and after >= 12 * 60 else "am")  # six o'clock


def _after(after: str | int | None) -> int | None:
    if after is None or after == "":
        return None
    return after if isinstance(after, int) else minutes_of(after)


def parse_time(text: str, after: str | int | None = None) -> str:
    """One time of day as ``HH:MM``. ``after`` is the time of the row before, which settles 6 o'clock.

    Raises ValueError naming what cannot be read.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValueError(f"no time given ({HINT})")
    if _RANGE.match(raw):
        raise ValueError(f"{raw!r} is a time range, not one time; give the start and the end separately")
    return format_clock(_on_school_day(_read_clock(raw), _after(after)))


def normalize_time(text: str, after: str | int | None = None) -> str:
    """The stored form of a start or end field: "" stays "", anything else must read as one time."""
    return parse_time(text, after) if (text or "").strip() else ""


def _resolve_range(first: _Clock, second: _Clock, after: int | None) -> TimeSpan:
    if first.meridiem and not second.meridiem:
        start = _with_meridiem(first, first.meridiem)
        end = _with_meridiem(second, first.meridiem) if 1 <= second.hour <= 12 else _on_school_day(second, start)
        if end < start and 1 <= second.hour <= 12:
            end = _with_meridiem(second, "pm" if first.meridiem == "am" else "am")
    elif second.meridiem and not first.meridiem:
        end = _with_meridiem(second, second.meridiem)
        start = _with_meridiem(first, second.meridiem) if 1 <= first.hour <= 12 else _on_school_day(first, after)
        if start > end and 1 <= first.hour <= 12:
            start = _with_meridiem(first, "am" if second.meridiem == "pm" else "pm")
    else:
        start = _on_school_day(first, after)
        end = _on_school_day(second, start)
        if end < start and start >= 12 * 60 and second.hour < 12 and end + 12 * 60 <= 21 * 60:
            end += 12 * 60  # "4:00-7:00": an afternoon start makes the end an evening one
    return TimeSpan(format_clock(start), format_clock(end))


def parse_span(text: str, after: str | int | None = None) -> TimeSpan:
    """A range (``8:30-9:15``) or a lone start (``9:00``, end ""). Raises ValueError when unreadable."""
    raw = (text or "").strip()
    if not raw:
        raise ValueError(f"no time given ({HINT})")
    match = _RANGE.match(raw)
    if match:
        return _resolve_range(_read_clock(match.group("a")), _read_clock(match.group("b")), _after(after))
    try:
        clock = _read_clock(raw)
    except ValueError:
        if re.search(r"\d", raw) and re.search(r"\d\s*(?:-|–|—|to)\s*$|^\s*(?:-|–|—)", raw):
            raise ValueError(f"the time range {raw!r} is missing its start or its end ({HINT})") from None
        raise
    return TimeSpan(format_clock(_on_school_day(clock, _after(after))))


def parse_sessions(text: str, after: str | int | None = None) -> tuple[TimeSpan, ...]:
    """Every session written in one cell: ``12:00/2:00`` is two; an empty cell is none.

    Each session after the first is read after the one before it, so ``11:30/1:00`` is 11:30 and 13:00.
    """
    raw = (text or "").strip()
    if not raw:
        return ()
    try:
        return (parse_span(raw, after),)
    except ValueError as whole:
        pieces = [p for p in _SESSION_SPLIT.split(raw) if p.strip()]
        if len(pieces) < 2:
            raise whole from None
    spans: list[TimeSpan] = []
    previous = _after(after)
    for piece in pieces:
        span = parse_span(piece, previous)
        spans.append(span)
        previous = minutes_of(span.start)
    return tuple(spans)


def find_span(text: str) -> tuple[str, str]:
    """Split a time written before or after a block's name: ``"8:30-9:15 Morning meeting"`` gives
    ``("8:30-9:15", "Morning meeting")``. Returns ``("", text)`` when the text holds no time there."""
    raw = (text or "").strip()
    for pattern in (_LEADING, _TRAILING):
        match = pattern.search(raw)
        if not match:
            continue
        rest = (raw[: match.start()] + raw[match.end():]).strip(" \t-–—:|,;()[]")
        candidate = match.group("t").strip()
        if not rest or not re.search(r"[:.]\d{2}|[ap]\.?m\b|noon", candidate, re.IGNORECASE):
            continue  # a bare number ("Centers 2") is part of the name, not a time
        try:
            parse_span(candidate)
        except ValueError:
            continue
        return candidate, rest
    return "", raw
