"""Turn a grid of cells (a teacher's schedule) into routine drafts ready to store.

Two layouts are read:

* **list** - one row per block, with columns such as Time, Activity, What we do, Days (or Start/End).
* **weekly grid** - Time | Monday | Tuesday | ... | Friday. A block that runs all week (a merged cell,
  or the same text in each day) becomes one routine with those days; day-specific blocks in the same
  row (Art on Monday, PE on Tuesday) become routines of their own with their day.

The header row is found among the first rows (title rows above it are skipped) and its cells are
matched to fields fuzzily, in any order and spelling; without a header the columns are guessed from
their content. Repeated header rows, empty rows and the notes teachers leave below a table are
skipped. A lone start time ("9:00") ends when the next block that shares a day begins.

Two sessions of one block in a time cell ("12:00/2:00") become **two drafts** with the same name, one
per session: a routine has one start and one end, and matching and planning need both real times.

A row that cannot be read fully still becomes a draft that carries its problems; the caller decides
whether drafts with problems are imported or skipped.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from goalwriter.core.days import format_days, parse_days
from goalwriter.core.text import strip_accents
from goalwriter.core.times import TimeSpan, find_span, format_clock, minutes_of, parse_sessions, parse_span, parse_time
from goalwriter.io.tables import Grid, ImportCancelled, Row, read_file

__all__ = [
    "FIELDS",
    "LAYOUTS",
    "ColumnMapping",
    "ParsedSchedule",
    "RoutineDraft",
    "SkippedRow",
    "column_letter",
    "guess_mapping",
    "parse_routines",
    "read_routines",
]

FIELDS = ("name", "time", "start", "end", "days", "description")
LAYOUTS = ("list", "grid")
NAME_LIMIT = 200
_REPORT_EVERY = 500
_LONGEST_IMPLIED_GAP = 150  # minutes; a longer gap is a hole in the schedule, not one block

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]

# What teachers call each column. Matched fuzzily, so typos and small variations still count.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    # a dual-language school may write its headers in Spanish (accents are dropped before matching)
    "time": ("time", "times", "when", "time slot", "timeslot", "hours", "clock", "period time", "hora", "horario"),
    "name": (
        "activity", "activities", "block", "routine", "subject", "name", "event", "class", "lesson",
        "routine name", "block name", "activity name", "special", "session", "what", "schedule item",
        "actividad", "actividades", "materia", "clase", "bloque", "rutina",
    ),
    "description": (
        "description", "notes", "note", "what we do", "details", "comments", "what students do",
        "what happens", "tasks", "info", "materials", "what it looks like", "expectations",
        "descripcion", "notas", "detalles", "que hacemos",
    ),
    "days": (
        "days", "day", "weekdays", "which days", "day of week", "days of week", "frequency", "day s", "dias", "dia",
    ),
    "start": ("start", "start time", "starts", "begin", "begins", "from", "starting", "inicio", "empieza", "desde"),
    "end": ("end", "end time", "ends", "finish", "until", "to", "stop", "ending", "fin", "termina", "hasta"),
}
_HEADER_THRESHOLD = 78
_NOTE_START = re.compile(r"^\s*(?:\*|†|‡|#|note\b|notes\b|n\.?b\.?\b|reminder|please\b|remember\b|\(?\*)", re.I)
_WEEKDAY_WORD = re.compile(r"^\s*([^\W\d_]{1,9})\.?(?:\s|$|[\d(/,-])")  # letters, accented too ("Miércoles")


@dataclass(frozen=True)
class RoutineDraft:
    """One block as it will be stored; ``problems`` says what could not be read (empty when all is well)."""

    name: str
    description: str
    days: str
    start: str
    end: str
    source_line: int
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SkippedRow:
    """A row that is not a block (a title, a repeated header, a note), and why it was passed over."""

    line: int
    reason: str


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (from 0) feeds which field; None = no column. ``day_columns`` pairs a column with a
    weekday (0 = Monday) for the weekly grid. ``header_row`` is the index in ``grid.rows`` of the header
    row, or None when the table has no header."""

    name: int | None = None
    time: int | None = None
    start: int | None = None
    end: int | None = None
    days: int | None = None
    description: int | None = None
    day_columns: tuple[tuple[int, int], ...] = ()
    header_row: int | None = None

    def column(self, field_name: str) -> int | None:
        return getattr(self, field_name)

    def with_column(self, field_name: str, column: int | None) -> ColumnMapping:
        """This mapping with ``field_name`` read from ``column``; a column feeds one field, so any other
        field that used it is cleared."""
        if field_name not in FIELDS:
            raise ValueError(f"no field {field_name!r}")
        changes: dict[str, int | None] = {field_name: column}
        if column is not None:
            changes.update({f: None for f in FIELDS if f != field_name and getattr(self, f) == column})
        return replace(self, **changes)

    def used_columns(self) -> set[int]:
        return {c for c in (getattr(self, f) for f in FIELDS) if c is not None}


@dataclass(frozen=True)
class ParsedSchedule:
    """The drafts read from a grid, with the mapping and layout used, so a preview can show and change them."""

    grid: Grid
    drafts: tuple[RoutineDraft, ...]
    mapping: ColumnMapping
    layout: str
    detected_layout: str
    columns: tuple[str, ...]
    skipped: tuple[SkippedRow, ...] = ()
    message: str = ""  # why nothing could be read, when that is so

    @property
    def good(self) -> tuple[RoutineDraft, ...]:
        return tuple(d for d in self.drafts if d.ok)

    @property
    def with_problems(self) -> tuple[RoutineDraft, ...]:
        return tuple(d for d in self.drafts if not d.ok)

    def importable(self, skip_problems: bool) -> tuple[RoutineDraft, ...]:
        """The drafts an import would store: all of them, or only those without problems. A draft without
        a name can never be stored, so it is left out either way."""
        return tuple(d for d in self.drafts if d.name and (d.ok or not skip_problems))


# -------------------------------------------------------------------------------------------------
# Reading cells
# -------------------------------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """A, B, ..., Z, AA, AB, ... as spreadsheets name columns."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", strip_accents(text).lower()).strip()


@functools.lru_cache(maxsize=4096)
def _header_field(text: str) -> tuple[str, float]:
    """The field a header cell names and how sure that is (0-100)."""
    norm = _norm(text)
    if not norm or len(norm) > 40 or re.search(r"\d{1,2}\s?[:.]\s?\d{2}", text):
        return "", 0.0
    best, best_score = "", 0.0
    for name, words in HEADER_WORDS.items():
        for word in words:
            if norm == word:
                return name, 100.0
            score = fuzz.ratio(norm, word)
            if len(word) >= 4 and re.search(rf"\b{re.escape(word)}\b", norm):
                score = max(score, 92 - min(len(norm) - len(word), 30))
            if score > best_score:
                best, best_score = name, score
    return (best, best_score) if best_score >= _HEADER_THRESHOLD else ("", best_score)


@functools.lru_cache(maxsize=4096)
def _weekday(text: str) -> int | None:
    """The one weekday a header cell names ("Monday", "Tue.", "Wed 9/4", "Th"), else None."""
    match = _WEEKDAY_WORD.match(text or "")
    if not match:
        return None
    word = match.group(1)
    try:
        days = parse_days(word)
    except ValueError:
        return None
    if len(days) != 1:
        return None
    if len(word) <= 2 and not word[0].isupper():
        return None
    return next(iter(days))


@functools.lru_cache(maxsize=4096)
def _days_value(text: str) -> tuple[str, str]:
    """(stored days, problem) for a Days cell."""
    try:
        return format_days(parse_days(text)), ""
    except ValueError as exc:
        return text, f"days: {exc}"


@functools.lru_cache(maxsize=8192)
def _timeish(text: str) -> bool:
    if not text or not re.search(r"\d", text):
        return text.strip().lower() in ("noon", "midday")
    try:
        parse_sessions(text)
    except ValueError:
        return False
    return True


def _cell(cells: tuple[str, ...], column: int | None) -> str:
    if column is None or column >= len(cells):
        return ""
    return cells[column]


def _header_score(cells: Sequence[str]) -> tuple[int, int]:
    """(fields named, weekdays named) by a row, each counted once."""
    fields = {f for f, _ in (_header_field(c) for c in cells if c) if f}
    weekdays = {d for d in (_weekday(c) for c in cells if c) if d is not None}
    return len(fields), len(weekdays)


# -------------------------------------------------------------------------------------------------
# Guessing the mapping and the layout
# -------------------------------------------------------------------------------------------------


def _find_header(rows: Sequence[Row]) -> int | None:
    best, best_score = None, 0
    for index, row in enumerate(rows[:25]):
        if any(_timeish(c) for c in row.cells if c):
            continue
        fields, weekdays = _header_score(row.cells)
        score = fields + (weekdays if weekdays >= 3 else 0)
        lone = fields == 1 and len(row.cells) == 1 and _header_field(row.cells[0])[1] >= 90
        if score > best_score and (fields >= 2 or weekdays >= 3 or lone):
            best, best_score = index, score
    return best


def _column_profile(rows: Sequence[Row], width: int) -> list[dict[str, float]]:
    sample = rows[:300]
    profile = []
    for column in range(width):
        values = [r.cells[column] for r in sample if column < len(r.cells) and r.cells[column]]
        count = len(values) or 1
        profile.append({
            "filled": len(values) / max(len(sample), 1),
            "time": sum(1 for v in values if _timeish(v)) / count,
            "days": sum(1 for v in values if not _days_value(v)[1] and not _timeish(v)) / count,
            "length": sum(len(v) for v in values) / count,
        })
    return profile


def guess_mapping(grid: Grid) -> ColumnMapping:
    """The most likely column of each field, from the header row when there is one, else from the cells."""
    rows = grid.rows
    width = grid.width
    header = _find_header(rows)
    chosen: dict[str, int] = {}
    day_columns: list[tuple[int, int]] = []
    if header is not None:
        cells = rows[header].cells
        seen_days: set[int] = set()
        for column, text in enumerate(cells):
            day = _weekday(text) if text else None
            if day is not None and day not in seen_days and not _header_field(text)[0]:
                seen_days.add(day)
                day_columns.append((column, day))
        if len(day_columns) < 3:
            day_columns = []
        candidates = []
        for column, text in enumerate(cells):
            if not text or any(column == c for c, _ in day_columns):
                continue
            name, score = _header_field(text)
            if name:
                candidates.append((score, -column, name, column))
        for _score, _neg, name, column in sorted(candidates, reverse=True):
            if name not in chosen and column not in chosen.values():
                chosen[name] = column
    body = rows[header + 1:] if header is not None else rows
    profile = _column_profile(body, width)
    taken = set(chosen.values()) | {c for c, _ in day_columns}
    if not {"time", "start", "end"} & set(chosen):
        timed = [c for c in range(width) if c not in taken and profile[c]["time"] >= 0.6 and profile[c]["filled"] > 0.2]
        if len(timed) >= 2 and header is None and all(
            not re.search(r"[-–—]|\bto\b", _cell(r.cells, timed[0])) for r in body[:50]
        ):
            chosen["start"], chosen["end"] = timed[0], timed[1]
        elif timed:
            chosen["time"] = timed[0]
        taken = set(chosen.values()) | {c for c, _ in day_columns}
    if not day_columns:
        if "days" not in chosen:
            days = [c for c in range(width) if c not in taken and profile[c]["days"] >= 0.7]
            days = [c for c in days if profile[c]["filled"] > 0.2]
            if days and header is None:
                chosen["days"] = days[0]
                taken.add(days[0])
        text_columns = [c for c in range(width) if c not in taken and profile[c]["filled"] > 0.05]
        if "name" not in chosen and text_columns:
            chosen["name"] = text_columns.pop(0)
        if "description" not in chosen and header is None:
            longer = [c for c in text_columns if profile[c]["length"] > profile[chosen["name"]]["length"]]
            if longer:
                chosen["description"] = longer[0]
    return ColumnMapping(**chosen, day_columns=tuple(day_columns), header_row=header)


def detect_layout(mapping: ColumnMapping) -> str:
    """"grid" when the header names at least three weekdays, else "list"."""
    return "grid" if len(mapping.day_columns) >= 3 else "list"


def column_labels(grid: Grid, mapping: ColumnMapping) -> tuple[str, ...]:
    """One label per column for a chooser: ``A: Time`` with a header, ``Column A`` without."""
    header = grid.rows[mapping.header_row].cells if mapping.header_row is not None else ()
    labels = []
    for column in range(grid.width):
        title = _cell(header, column).replace("\n", " ")
        labels.append(f"{column_letter(column)}: {title}" if title else f"Column {column_letter(column)}")
    return tuple(labels)


# -------------------------------------------------------------------------------------------------
# Rows to drafts
# -------------------------------------------------------------------------------------------------


@dataclass
class _Entry:
    """A data row on its way to drafts: the texts of its fields, or why it is not a block."""

    row: Row
    name: str = ""
    time: str = ""
    start: str = ""
    end: str = ""
    days: str = ""
    description: str = ""
    has_time: bool = False
    skip: str = ""
    extra: dict = field(default_factory=dict)


def _is_note(entry: _Entry, cells: tuple[str, ...]) -> bool:
    filled = [c for c in cells if c]
    text = " ".join(dict.fromkeys(filled))
    if _NOTE_START.match(text):
        return True
    if len(text.split()) >= 6 and len(set(filled)) == 1:
        return True
    return len(set(filled)) == 1 and not entry.name


def _split_name(name: str, description: str) -> tuple[str, str]:
    """A name written over several lines keeps its first line; the rest joins the description."""
    if "\n" not in name:
        return name, description
    first, rest = name.split("\n", 1)
    rest = rest.replace("\n", " ").strip()
    return first.strip(), (f"{rest}. {description}" if description else rest) if rest else description


def _is_repeated_header(cells: tuple[str, ...], header: tuple[str, ...]) -> bool:
    if header and [_norm(c) for c in cells] == [_norm(c) for c in header]:
        return True
    fields, weekdays = _header_score(cells)
    return fields >= 2 or weekdays >= 3


def _list_entries(grid: Grid, mapping: ColumnMapping, cancelled: CancelledFn | None, progress) -> list[_Entry]:
    rows = grid.rows
    header = mapping.header_row
    header_cells = rows[header].cells if header is not None else ()
    mapped = sorted(mapping.used_columns())
    entries: list[_Entry] = []
    for index, row in enumerate(rows):
        if index % _REPORT_EVERY == 0:
            _check(cancelled)
            if progress is not None:
                progress(index, len(rows), "")
        entry = _Entry(row)
        entries.append(entry)
        if header is not None and index < header:
            entry.skip = "title above the header row"
            continue
        if index == header:
            entry.skip = "header row"
            continue
        cells = row.cells
        values = {f: _cell(cells, mapping.column(f)) for f in FIELDS}
        filled = [c for c in (_cell(cells, c) for c in mapped) if c]
        if not filled:
            entry.skip = "no cells in the chosen columns"
            continue
        if len(filled) >= 2 and len(set(filled)) == 1 and len(mapped) >= 2:
            values = dict.fromkeys(FIELDS, "")  # one merged cell across the row: read it as one text
            values["name"] = filled[0]
        time_text = values["time"] or values["start"] or values["end"]
        if not time_text and values["name"]:
            found, rest = find_span(values["name"])
            if found:
                values["time"], values["name"] = found, rest
                time_text = found
        timed = any(_timeish(values[f]) for f in ("time", "start", "end") if values[f])
        if not timed and _is_repeated_header(cells, header_cells):
            entry.skip = "repeated header row"
            continue
        entry.name, entry.description = _split_name(values["name"], values["description"])
        entry.time, entry.start, entry.end, entry.days = values["time"], values["start"], values["end"], values["days"]
        entry.has_time = timed
    _mark_titles_and_notes(entries, rows)
    return entries


def _mark_titles_and_notes(entries: list[_Entry], rows: Sequence[Row]) -> None:
    """Skip notes below the last timed row, and a title line above the first one, when most rows are timed."""
    live = [e for e in entries if not e.skip]
    timed = [i for i, e in enumerate(live) if e.has_time]
    if not timed:
        return
    for entry in live[timed[-1] + 1:]:
        if _is_note(entry, entry.row.cells):
            entry.skip = "note below the schedule"
    if len(timed) * 2 >= len(live):
        width = max((len(r.cells) for r in rows), default=0)
        for entry in live[: timed[0]]:
            filled = [c for c in entry.row.cells if c]
            titled = re.search(r"schedule|routine|room|class|grade", filled[0], re.I)
            if len(set(filled)) == 1 and (width > 1 or titled):
                entry.skip = "title above the schedule"


def _check(cancelled: CancelledFn | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled


def _read_times(entry: _Entry, after: int | None) -> tuple[tuple[TimeSpan, ...], str]:
    """The sessions of an entry and a problem ("" when none)."""
    try:
        if entry.start or entry.end:
            start_span = parse_span(entry.start, after) if entry.start else TimeSpan("")
            if start_span.end and not entry.end:
                return (start_span,), ""
            start = start_span.start
            end = parse_time(entry.end, minutes_of(start) if start else after) if entry.end else ""
            if start and end and minutes_of(end) < minutes_of(start) and ":" in entry.end:
                flipped = parse_span(f"{entry.start}-{entry.end}", after)
                start, end = flipped.start, flipped.end
            return (TimeSpan(start, end),), ""
        if entry.time:
            return parse_sessions(entry.time, after), ""
    except ValueError as exc:
        return (), f"time: {exc}"
    return (), ""


def _span_problems(span: TimeSpan) -> tuple[str, ...]:
    if span.start and span.end and minutes_of(span.end) <= minutes_of(span.start):
        if span.end == span.start:
            return (f"starts and ends at the same time ({span.start})",)
        return (f"ends ({span.end}) before it starts ({span.start})",)
    return ()


def _list_drafts(entries: list[_Entry]) -> list[RoutineDraft]:
    drafts: list[RoutineDraft] = []
    after: int | None = None
    for entry in entries:
        if entry.skip:
            continue
        problems: list[str] = []
        sessions, problem = _read_times(entry, after)
        if problem:
            problems.append(problem)
        days, days_problem = _days_value(entry.days) if entry.days else ("", "")
        if days_problem:
            problems.append(days_problem)
        name = entry.name.replace("\n", " ").strip()
        if not name:
            problems.append("no block name in this row")
        elif len(name) > NAME_LIMIT:
            problems.append(f"the block name is longer than {NAME_LIMIT} characters")
        for span in sessions or (TimeSpan(""),):
            drafts.append(RoutineDraft(
                name, entry.description, days, span.start, span.end, entry.row.line,
                tuple(problems) + _span_problems(span),
            ))
        if sessions and sessions[0].start:
            after = minutes_of(sessions[0].start)
    return drafts


def _grid_drafts(
    grid: Grid, mapping: ColumnMapping, cancelled: CancelledFn | None, progress
) -> tuple[list[RoutineDraft], list[SkippedRow]]:
    rows = grid.rows
    header = mapping.header_row or 0
    time_column = mapping.time if mapping.time is not None else mapping.start
    header_cells = rows[header].cells if rows else ()
    skipped = [SkippedRow(r.line, "title above the header row") for r in rows[:header]]
    if rows:
        skipped.append(SkippedRow(rows[header].line, "header row"))
    day_of = dict(mapping.day_columns)
    # pass 1: each row's time and its blocks
    timed_rows: list[tuple[Row, tuple[TimeSpan, ...], str, list[tuple[int, str]]]] = []
    after: int | None = None
    for index, row in enumerate(rows[header + 1:], start=header + 1):
        if index % _REPORT_EVERY == 0:
            _check(cancelled)
            if progress is not None:
                progress(index, len(rows), "")
        cells = row.cells
        time_text = _cell(cells, time_column)
        blocks = [(day_of[c], text) for c, text in enumerate(cells) if c in day_of and text]
        filled = {c for c in cells if c}
        if not blocks:
            skipped.append(SkippedRow(row.line, "no blocks under the day columns"))
            continue
        if not _timeish(time_text) and _is_repeated_header(cells, header_cells):
            skipped.append(SkippedRow(row.line, "repeated header row"))
            continue
        if len(filled) == 1 and time_text and time_text in filled and not _timeish(time_text):
            found, rest = find_span(time_text)  # one merged cell across the whole row
            if not found:
                skipped.append(SkippedRow(row.line, "note across the table"))
                continue
            time_text = found
            blocks = [(d, rest) for d, _ in blocks]
        sessions: tuple[TimeSpan, ...] = ()
        problem = ""
        if time_text:
            try:
                sessions = parse_sessions(time_text, after)
            except ValueError as exc:
                problem = f"time: {exc}"
        if sessions and sessions[0].start:
            after = minutes_of(sessions[0].start)
        timed_rows.append((row, sessions, problem, blocks))
    # notes below the last timed row
    last_timed = max((i for i, (_, s, _, _) in enumerate(timed_rows) if s), default=-1)
    kept = []
    for i, item in enumerate(timed_rows):
        row, sessions, problem, blocks = item
        if last_timed >= 0 and i > last_timed and not sessions and not problem:
            texts = {t for _, t in blocks}
            if len(texts) == 1 and (_NOTE_START.match(next(iter(texts))) or len(next(iter(texts)).split()) >= 6):
                skipped.append(SkippedRow(row.line, "note below the schedule"))
                continue
        kept.append(item)
    # a lone start ends when the next timed row starts
    starts = [minutes_of(s[0].start) if s and s[0].start else None for _, s, _, _ in kept]
    # pass 2: one draft per distinct block (name and times), with every day it appears on
    order: dict[tuple, dict] = {}
    for i, (row, sessions, problem, blocks) in enumerate(kept):
        next_start = next((s for s in starts[i + 1:] if s is not None), None)
        row_spans = [_with_implied_end(span, next_start) if len(sessions) == 1 else span
                     for span in sessions or (TimeSpan(""),)]
        for day, cell in blocks:
            spans, cell_problem, text = row_spans, problem, cell
            first_line, _, more = cell.partition("\n")
            found, rest = find_span(first_line)
            if found:  # the cell gives its own time ("Art 10:00-10:45")
                try:
                    spans, cell_problem = list(parse_sessions(found, starts[i])), ""
                except ValueError as exc:
                    spans, cell_problem = [TimeSpan("")], f"time: {exc}"
                text = f"{rest}\n{more}" if more else rest
            name, description = _split_name(text, "")
            name = name.strip()
            for span in spans:
                key = (name.casefold(), description.casefold(), span.start, span.end)
                entry = order.get(key)
                if entry is None:
                    problems = [cell_problem] if cell_problem else []
                    if len(name) > NAME_LIMIT:
                        problems.append(f"the block name is longer than {NAME_LIMIT} characters")
                    problems.extend(_span_problems(span))
                    entry = order[key] = {
                        "name": name, "description": description, "days": set(), "span": span,
                        "line": row.line, "problems": tuple(problems),
                    }
                entry["days"].add(day)
    drafts = [
        RoutineDraft(e["name"], e["description"], format_days(e["days"]), e["span"].start, e["span"].end,
                     e["line"], e["problems"])
        for e in order.values()
    ]
    return drafts, skipped


def _with_implied_end(span: TimeSpan, next_start: int | None) -> TimeSpan:
    """The span ending when the next row starts, when its end is not written and the gap is plausible."""
    if span.start and not span.end and next_start is not None:
        gap = next_start - minutes_of(span.start)
        return TimeSpan(span.start, format_clock(next_start)) if 0 < gap <= _LONGEST_IMPLIED_GAP else span
    return span


def _fill_implied_ends(drafts: list[RoutineDraft]) -> list[RoutineDraft]:
    """A block with a start and no end ends when the next block sharing one of its days starts."""
    timed = []
    for index, draft in enumerate(drafts):
        if draft.start:
            days = parse_days(draft.days) if not _days_value(draft.days)[1] else frozenset(range(5))
            timed.append((minutes_of(draft.start), index, days))
    timed.sort(key=lambda t: (t[0], t[1]))
    starts = [t[0] for t in timed]
    result = list(drafts)
    for start, index, days in timed:
        if result[index].end:
            continue
        line = result[index].source_line
        first_later = bisect.bisect_right(starts, start)
        for later_start, later, later_days in timed[first_later: first_later + 200]:
            if later_days & days and drafts[later].source_line != line:
                if later_start - start <= _LONGEST_IMPLIED_GAP:
                    result[index] = replace(result[index], end=format_clock(later_start))
                break
    return result


def parse_routines(
    grid: Grid,
    mapping: ColumnMapping | None = None,
    layout: str = "auto",
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ParsedSchedule:
    """Read the drafts of a grid. ``mapping`` defaults to :func:`guess_mapping`; ``layout`` is "auto",
    "list" or "grid". Raises ImportCancelled when ``cancelled()`` turns true."""
    if layout not in ("auto", *LAYOUTS):
        raise ValueError(f"unknown layout {layout!r}; use auto, list or grid")
    guessed = guess_mapping(grid)
    if mapping is None:
        mapping = guessed
        if layout == "list" and mapping.name is None and mapping.day_columns:
            mapping = mapping.with_column("name", mapping.day_columns[0][0])  # a grid read as a list: Monday's
    elif not mapping.day_columns and guessed.day_columns and mapping.header_row == guessed.header_row:
        mapping = replace(mapping, day_columns=guessed.day_columns)
    detected = detect_layout(mapping)
    chosen = detected if layout == "auto" else layout
    columns = column_labels(grid, mapping)
    message = ""
    if chosen == "grid":
        if not mapping.day_columns:
            drafts, skipped = [], []
            message = "no day columns (Monday, Tuesday, ...) in a header row, so this is not a weekly grid"
        else:
            drafts, skipped = _grid_drafts(grid, mapping, cancelled, progress)
    else:
        if mapping.name is None:
            entries: list[_Entry] = []
            message = "choose the column that holds the names of the blocks"
        else:
            entries = _list_entries(grid, mapping, cancelled, progress)
        drafts = _fill_implied_ends(_list_drafts(entries))
        skipped = [SkippedRow(e.row.line, e.skip) for e in entries if e.skip]
    if not drafts and not message:
        message = "no blocks found in the chosen columns"
    return ParsedSchedule(grid, tuple(drafts), mapping, chosen, detected, columns, tuple(skipped), message)


def read_routines(
    path: str,
    *,
    sheet: str | None = None,
    table: int | None = None,
    layout: str = "auto",
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ParsedSchedule:
    """Read a schedule file straight to drafts with the guessed mapping."""
    grid = read_file(path, sheet=sheet, table=table, progress=progress, cancelled=cancelled)
    return parse_routines(grid, layout=layout, progress=progress, cancelled=cancelled)
