"""School days as teachers write them: ``Mon-Fri``, ``M/W/F``, ``Tue,Thu``, ``daily``, ``MWF``, ``T/Th``,
and in a dual-language school ``lunes a viernes``, ``martes y jueves``, ``diario``.

Days are numbered 0 = Monday ... 6 = Sunday. An empty value means every school day (Mon-Fri).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from goalwriter.core.text import strip_accents

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SCHOOL_WEEK = frozenset(range(5))

_NAMES = {
    "mon": 0, "monday": 0, "mo": 0, "m": 0,
    "tue": 1, "tues": 1, "tuesday": 1, "tu": 1, "t": 1,
    "wed": 2, "weds": 2, "wednesday": 2, "we": 2, "w": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "th": 3, "r": 3, "h": 3,
    "fri": 4, "friday": 4, "fr": 4, "f": 4,
    "sat": 5, "saturday": 5, "sa": 5,
    "sun": 6, "sunday": 6, "su": 6,
    # Spanish, written with or without accents (they are dropped before lookup); one-letter Spanish
    # abbreviations are left out: "M" is Monday in English and martes in Spanish
    "lunes": 0, "lun": 0, "martes": 1, "mar": 1, "miercoles": 2, "mie": 2, "mier": 2,
    "jueves": 3, "jue": 3, "viernes": 4, "vie": 4, "sabado": 5, "sab": 5, "domingo": 6, "dom": 6,
}
_EVERY_DAY = {
    "", "daily", "every day", "everyday", "all week", "all", "each day", "weekdays", "school days",
    "diario", "diariamente", "todos los dias", "cada dia", "toda la semana",
}
_RANGE = re.compile(r"^([a-z]+)\.?(?:\s*(?:-|–|—|to|through|thru)\s*|\s+(?:a|al|hasta)\s+)([a-z]+)\.?$")


def _day(token: str) -> int:
    token = token.strip().lower().rstrip(".")
    if token in _NAMES:
        return _NAMES[token]
    raise ValueError(f"cannot read {token!r} as a day of the week")


def _packed(token: str) -> list[int] | None:
    """'MWF', 'TTh', 'MTWRF' written without separators."""
    found = re.findall(r"Th|Tu|Sa|Su|[MTWRF]", token)
    if found and "".join(found) == token:
        return [_day(t) for t in found]
    return None


def parse_days(text: str | None) -> frozenset[int]:
    """The set of weekdays a block meets on; raises ValueError with the part it cannot read."""
    raw = strip_accents((text or "").strip())  # "miércoles" is read as "miercoles"
    low = raw.lower()
    if low in _EVERY_DAY:
        return SCHOOL_WEEK
    days: set[int] = set()
    for piece in (p.strip() for p in re.split(r"\s*[,;/&+]\s*|\s+(?:and|y)\s+", raw)):
        if not piece:
            continue
        match = _RANGE.match(piece.lower())
        if match:
            start, end = _day(match.group(1)), _day(match.group(2))
            if end < start:
                raise ValueError(f"the day range {piece!r} runs backwards")
            days.update(range(start, end + 1))
            continue
        packed = _packed(piece) if piece.isalpha() and piece[0].isupper() and len(piece) <= 7 else None
        if packed and piece.lower() not in _NAMES:
            days.update(packed)
            continue
        for word in piece.split():
            days.add(_day(word))
    if not days:
        raise ValueError(f"cannot read {raw!r} as days of the week")
    return frozenset(days)


def format_days(days: Iterable[int]) -> str:
    """Canonical text: 'Mon-Fri', 'Mon, Wed, Fri', 'Tue, Thu', 'Mon-Wed'."""
    ordered = sorted(set(days))
    if not ordered:
        return ""
    runs: list[list[int]] = []
    for day in ordered:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{WEEKDAY_NAMES[run[0]]}-{WEEKDAY_NAMES[run[-1]]}")
        else:
            parts.extend(WEEKDAY_NAMES[d] for d in run)
    return ", ".join(parts)


def days_per_week(text: str | None) -> int:
    """How many days a week a block meets; an unreadable value counts as every school day."""
    try:
        return len(parse_days(text))
    except ValueError:
        return 5
