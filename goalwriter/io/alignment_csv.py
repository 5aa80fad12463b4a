"""Reading ``goals.csv`` and ``routines.csv`` as the alignment file contract defines them.

See ../shared/contracts/alignment-files.md. Both files are UTF-8 (a byte-order mark is allowed) with a
header row; column names are matched without regard to case or surrounding spaces, and extra columns
are ignored. Every problem raises :class:`AlignmentFileError` with the file, the line and the reason,
so the command line can print one clear line and change nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from goalwriter.core.days import parse_days
from goalwriter.store.errors import GoalwriterError

GOAL_COLUMNS = ("id", "student", "classroom", "text")
GOAL_OPTIONAL = ("domain",)
ROUTINE_COLUMNS = ("id", "classroom", "name")
ROUTINE_OPTIONAL = ("description", "days", "start", "end")

_TIME = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?:\s*(?P<mer>[ap])\.?\s*m\.?)?$", re.IGNORECASE)


class AlignmentFileError(GoalwriterError):
    """A goals or routines file that does not follow the contract; names the file, line and problem."""

    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class GoalRow:
    id: str
    student: str
    classroom: str
    text: str
    domain: str
    line: int


@dataclass(frozen=True)
class RoutineRow:
    id: str
    classroom: str
    name: str
    description: str
    days: str
    start: str
    end: str
    line: int


def _rows(path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each non-blank data row, with the required columns present and filled."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise AlignmentFileError(path, None, f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8 CSV"
        raise AlignmentFileError(path, line, problem) from exc
    if "\x00" in text:
        raise AlignmentFileError(path, text[: text.index("\x00")].count("\n") + 1, "not a text file (NUL byte)")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise AlignmentFileError(path, 1, "the file is empty; expected a header row")
        names = [h.strip().casefold() for h in header]
        missing = [c for c in required if c not in names]
        if missing:
            raise AlignmentFileError(
                path, 1, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} in the header"
            )
        seen = set()
        for name in names:
            if name and name in seen and name in required + optional:
                raise AlignmentFileError(path, 1, f"the column {name} appears twice in the header")
            seen.add(name)
        position = {name: names.index(name) for name in required + optional if name in names}
        rows = []
        start = reader.line_num + 1
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
                raise AlignmentFileError(path, line, f"{len(cells)} fields but the header has {len(names)}")
            row = {name: (cells[i].strip() if i < len(cells) else "") for name, i in position.items()}
            for column in required:
                if not row[column]:
                    raise AlignmentFileError(path, line, f"the required field {column} is empty")
            rows.append((line, row))
    except csv.Error as exc:
        raise AlignmentFileError(path, reader.line_num or None, f"not valid CSV ({exc})") from exc
    return rows


def _check_unique(path: Path, rows, what: str) -> None:
    seen: dict[str, int] = {}
    for line, row in rows:
        if row["id"] in seen:
            raise AlignmentFileError(path, line, f"{what} id {row['id']!r} is already used on line {seen[row['id']]}")
        seen[row["id"]] = line


def _check_time(path: Path, line: int, column: str, value: str) -> None:
    m = _TIME.match(value)
    ok = False
    if m:
        hour, minute, meridiem = int(m["h"]), int(m["m"]), m["mer"]
        ok = minute < 60 and (1 <= hour <= 12 if meridiem else hour < 24)
    if not ok:
        raise AlignmentFileError(path, line, f"{column} {value!r} is not a time; write it as 13:30 or 1:30 pm")


def read_routines(path: Path | str) -> list[RoutineRow]:
    """Every routine of routines.csv, in file order."""
    path = Path(path)
    rows = _rows(path, ROUTINE_COLUMNS, ROUTINE_OPTIONAL)
    _check_unique(path, rows, "routine")
    out = []
    for line, row in rows:
        days = row.get("days", "")
        try:
            parse_days(days)
        except ValueError as exc:
            raise AlignmentFileError(path, line, f"days {days!r}: {exc}") from exc
        for column in ("start", "end"):
            if row.get(column):
                _check_time(path, line, column, row[column])
        out.append(
            RoutineRow(
                id=row["id"], classroom=row["classroom"], name=row["name"], description=row.get("description", ""),
                days=days, start=row.get("start", ""), end=row.get("end", ""), line=line,
            )
        )
    return out


def read_goals(path: Path | str, classrooms: set[str] | None = None) -> list[GoalRow]:
    """Every goal of goals.csv, in file order; with ``classrooms``, each goal's classroom must be one of them."""
    path = Path(path)
    rows = _rows(path, GOAL_COLUMNS, GOAL_OPTIONAL)
    _check_unique(path, rows, "goal")
    out = []
    for line, row in rows:
        if classrooms is not None and row["classroom"] not in classrooms:
            raise AlignmentFileError(
                path, line, f"unknown classroom {row['classroom']!r}: no routine in the routines file has it"
            )
        out.append(
            GoalRow(
                id=row["id"], student=row["student"], classroom=row["classroom"], text=row["text"],
                domain=row.get("domain", ""), line=line,
            )
        )
    return out


def read_alignment_files(goals_path: Path | str, routines_path: Path | str) -> tuple[list[GoalRow], list[RoutineRow]]:
    """Both files, checked against each other (routines first, so goals can name their classrooms)."""
    routines = read_routines(routines_path)
    goals = read_goals(goals_path, {r.classroom for r in routines})
    return goals, routines
