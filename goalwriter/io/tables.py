"""Read a schedule file into a grid of cell strings, each row carrying where it came from.

Readers for CSV (any common delimiter and encoding), Excel workbooks (.xlsx, merged cells spread over
their span), Word tables (.docx, merged cells likewise) and cells pasted from Excel, Google Sheets or
Word. Nothing here knows what a schedule means; :mod:`goalwriter.io.routine_import` does. Every failure
is an :class:`ImportFileError` naming the file, the line where there is one, and the reason.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from goalwriter.store.errors import GoalwriterError

__all__ = [
    "Grid",
    "ImportCancelled",
    "ImportFileError",
    "Row",
    "read_csv",
    "read_docx",
    "read_file",
    "read_pasted",
    "read_xlsx",
]

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]

PASTED = "pasted cells"
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
DOCX_SUFFIXES = {".docx", ".docm"}
_REPORT_EVERY = 500


class ImportFileError(GoalwriterError):
    """A file (or pasted text) that cannot be read as a table: ``source: where: reason``."""

    def __init__(self, source: str, reason: str, line: int | None = None, where: str = ""):
        self.source = source
        self.reason = reason
        self.line = line
        self.where = where or (f"line {line}" if line is not None else "")
        super().__init__(f"{source}: {self.where}: {reason}" if self.where else f"{source}: {reason}")

    def __reduce__(self):  # travels intact from a helper process
        return type(self), (self.source, self.reason, self.line, self.where)


class ImportCancelled(Exception):
    """Raised by a reader when its ``cancelled()`` callback says the user gave up."""


@dataclass(frozen=True)
class Row:
    """One row of cells; ``line`` is its line (text) or row number (sheet, table) in the source, from 1."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    """The non-empty rows of one table, and what was read to get them."""

    rows: tuple[Row, ...]
    source: str  # the file name, or "pasted cells"
    kind: str  # csv, xlsx, docx or paste
    part: str = ""  # which sheet or table was read, as a person would name it
    parts: tuple[str, ...] = ()  # every sheet name or table of the file, for a chooser
    part_index: int = 0
    encoding: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    def where(self, line: int | None) -> str:
        """How a row is named in a message: ``line 12``, ``sheet 'Day', row 12``, ``table 2, row 5``."""
        if line is None:
            return self.part
        if self.kind == "xlsx":
            return f"sheet {self.part!r}, row {line}"
        if self.kind == "docx":
            return f"{self.part}, row {line}" if len(self.parts) > 1 else f"table row {line}"
        return f"line {line}"

    def error(self, reason: str, line: int | None = None) -> ImportFileError:
        return ImportFileError(self.source, reason, line, self.where(line))


_SPACES = re.compile(r"[ \t\xa0\u2007\u202f\u200b\ufeff]+")


def clean_cell(text: str) -> str:
    """A cell as a person reads it: odd spaces made plain, runs of spaces collapsed, lines trimmed."""
    if not text:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _trimmed(cells: list[str]) -> tuple[str, ...]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return tuple(cells[:end])


def _check(cancelled: CancelledFn | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled


def _report(progress: ProgressFn | None, done: int, total: int, text: str) -> None:
    if progress is not None:
        progress(done, total, text)


# ---------------------------------------------------------------------------------------------------
# Any file
# ---------------------------------------------------------------------------------------------------


def read_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    table: int | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Grid:
    """Read a CSV/TSV/text, XLSX or DOCX file; the content decides when the name's ending misleads.

    ``sheet`` picks a workbook sheet by name (default: the first that is not empty); ``table`` picks a
    Word table by its index from 0 (default: the one that looks most like a schedule).
    """
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportFileError(name, "there is no such file") from None
    except IsADirectoryError:
        raise ImportFileError(name, "this is a folder, not a file") from None
    except OSError as exc:
        raise ImportFileError(name, f"cannot open the file: {exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        if kind == "xlsx":
            return read_xlsx(path, sheet=sheet, progress=progress, cancelled=cancelled)
        if kind == "docx":
            return read_docx(path, table=table, progress=progress, cancelled=cancelled)
        if suffix in XLSX_SUFFIXES:
            return read_xlsx(path, sheet=sheet, progress=progress, cancelled=cancelled)
        if suffix in DOCX_SUFFIXES:
            return read_docx(path, table=table, progress=progress, cancelled=cancelled)
        raise ImportFileError(name, "this is a zip archive, not a schedule; give an .xlsx, .docx or .csv file")
    if suffix in XLSX_SUFFIXES | DOCX_SUFFIXES:
        what = "an Excel workbook" if suffix in XLSX_SUFFIXES else "a Word document"
        if not head:
            raise ImportFileError(name, f"the file is empty; it is not {what}")
        raise ImportFileError(name, f"this is not {what} (or it is damaged); open it in its program and save it again")
    if suffix in {".xls", ".doc"} or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            name, "this is an old-format Office file (.xls or .doc); save it as .xlsx or .docx and import that"
        )
    return read_csv(path, progress=progress, cancelled=cancelled)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return ""
    if "xl/workbook.xml" in names or any(n.endswith("workbook.xml") for n in names):
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    return ""


# ---------------------------------------------------------------------------------------------------
# Text: CSV, TSV, pasted cells
# ---------------------------------------------------------------------------------------------------

_BINARY_MAGIC = (
    (b"%PDF", "a PDF document; copy the table out of it and paste it, or save the schedule as .xlsx or .csv"),
    (b"\x89PNG", "a picture (PNG), not a table"),
    (b"\xff\xd8\xff", "a picture (JPEG), not a table"),
    (b"GIF8", "a picture (GIF), not a table"),
    (b"{\\rtf", "a rich-text (.rtf) document; save it as .docx or copy the table and paste it"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _decode(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Text, encoding and notes; UTF-8 first, then Windows-1252, then Latin-1 (which always decodes)."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ImportFileError(name, f"this is {what}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ("read as UTF-16 text",)
        except UnicodeDecodeError as exc:
            raise ImportFileError(name, f"the UTF-16 text is damaged near byte {exc.start}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ImportFileError(
            name, "this is not a text file (it holds binary data); give a .csv, .xlsx or .docx file", line
        )
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252", ("read as Windows-1252 (Western European) text, since it is not UTF-8",)
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return text, "latin-1", ("read as Latin-1 (ISO-8859-1) text, since it is not UTF-8",)


def _looks_binary(text: str) -> int | None:
    """The line of the first run of control characters, when the text looks like binary data."""
    sample = text[:20000]
    bad = _CONTROL.findall(sample)
    if len(bad) > max(3, len(sample) // 200):
        first = _CONTROL.search(sample)
        assert first is not None
        return sample.count("\n", 0, first.start()) + 1
    return None


def _unquoted(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)


def _sniff_delimiter(lines: list[str]) -> str:
    """The delimiter most lines agree on: tab, comma, semicolon or bar; comma for a single column."""
    sample = [_unquoted(line) for line in lines if line.strip()][:60]
    if not sample:
        return ","
    best, best_score = ",", 0.0
    for delimiter in ("\t", ",", ";", "|"):
        counts = [line.count(delimiter) for line in sample]
        nonzero = [c for c in counts if c]
        if not nonzero:
            continue
        mode = max(set(nonzero), key=nonzero.count)
        agreeing = sum(1 for c in counts if c == mode)
        score = agreeing / len(sample) + (0.01 if delimiter == "\t" else 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _rows_from_text(
    text: str, delimiter: str, grid_error: Callable[[str, int | None], ImportFileError],
    progress: ProgressFn | None, cancelled: CancelledFn | None,
) -> list[Row]:
    total = text.count("\n") + 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', skipinitialspace=False)
    rows: list[Row] = []
    line = 1
    try:
        for index, record in enumerate(reader):
            cells = _trimmed([clean_cell(c) for c in record])
            if cells:
                rows.append(Row(line, cells))
            line = reader.line_num + 1
            if index % _REPORT_EVERY == 0:
                _check(cancelled)
                _report(progress, reader.line_num, total, "")
    except csv.Error as exc:
        raise grid_error(f"cannot read this line as table cells ({exc})", reader.line_num or line) from None
    return rows


def read_csv(
    path: str | Path, *, progress: ProgressFn | None = None, cancelled: CancelledFn | None = None
) -> Grid:
    """A CSV, TSV or plain-text table: delimiter and encoding sniffed, each row with its first line."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(name, f"cannot read the file: {exc.strerror or exc}") from None
    if not data.strip():
        raise ImportFileError(name, "the file is empty")
    text, encoding, notes = _decode(data, name)
    binary_line = _looks_binary(text)
    if binary_line is not None:
        raise ImportFileError(
            name, "this is not a text file (it holds binary data); give a .csv, .xlsx or .docx file", binary_line
        )
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    lines = text.splitlines()
    start = 0
    delimiter = ""
    if lines and re.fullmatch(r'"?sep=(.)"?,*', lines[0].strip()):  # Excel's "sep=;" hint line
        delimiter = lines[0].strip().strip('"')[4]
        start = 1
    if not delimiter:
        delimiter = "\t" if path.suffix.lower() in {".tsv", ".tab"} else _sniff_delimiter(lines[:200])
    grid = Grid((), name, "csv", encoding=encoding, notes=notes)
    body = text if start == 0 else text.split("\n", 1)[1] if "\n" in text else ""
    rows = _rows_from_text(body, delimiter, grid.error, progress, cancelled)
    if start:
        rows = [Row(r.line + 1, r.cells) for r in rows]
    if not rows:
        raise ImportFileError(name, "the file holds no cells, only blank lines")
    return Grid(tuple(rows), name, "csv", encoding=encoding, notes=notes)


def read_pasted(
    text: str, *, progress: ProgressFn | None = None, cancelled: CancelledFn | None = None
) -> Grid:
    """Cells pasted from Excel, Google Sheets or Word (tab-separated), or a single column of lines.

    Text without tabs is split on commas or semicolons only when every line has the same number of them.
    """
    if not (text or "").strip():
        raise ImportFileError(PASTED, "nothing was pasted")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "\t" in text:
        delimiter = "\t"
    else:
        delimiter = "\x1f"  # a character no one types: one cell per line
        lines = [_unquoted(line) for line in text.split("\n") if line.strip()]
        for candidate in (",", ";"):
            counts = {line.count(candidate) for line in lines}
            if len(lines) >= 2 and len(counts) == 1 and counts != {0}:
                delimiter = candidate
                break
    grid = Grid((), PASTED, "paste")
    rows = _rows_from_text(text, delimiter, grid.error, progress, cancelled)
    if not rows:
        raise ImportFileError(PASTED, "nothing was pasted")
    return Grid(tuple(rows), PASTED, "paste")


# ---------------------------------------------------------------------------------------------------
# Excel workbooks
# ---------------------------------------------------------------------------------------------------

_EXCEL_EPOCHS = {dt.date(1899, 12, 30), dt.date(1899, 12, 31), dt.date(1900, 1, 1), dt.date(1904, 1, 1)}


def cell_text(value: object) -> str:
    """A sheet value as the text a person sees; times as ``HH:MM``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_cell(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.date() in _EXCEL_EPOCHS:
            return f"{value.hour:02d}:{value.minute:02d}"
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return clean_cell(str(value))


def _damaged(name: str, exc: BaseException, where: str = "") -> ImportFileError:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ImportFileError(
        name,
        f"the workbook is damaged or incomplete ({detail[:120]}); open it in Excel and save it again",
        where=where,
    )


_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)"')


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML part inside the workbook."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in workbook.iter():
        if sheet.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        target = targets.get(sheet.get(_REL_NS), "")
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name", "")] = path
    return parts


def _merged_ranges(path: Path, sheet: str) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged block, read straight from the sheet's XML."""
    from openpyxl.utils.cell import range_boundaries

    with zipfile.ZipFile(path) as archive:
        part = _sheet_parts(archive).get(sheet)
        if not part or part not in archive.namelist():
            return []
        data = archive.read(part)
    ranges = []
    for ref in _MERGE.findall(data):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
        ranges.append((min_row, min_col, max_row, max_col))
    return ranges


def read_xlsx(
    path: str | Path,
    *,
    sheet: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Grid:
    """One sheet of a workbook, read-only and values only; a merged block repeats its value over its span."""
    import openpyxl

    path = Path(path)
    name = path.name
    try:
        handle = path.open("rb")  # a file object, so a workbook with another name's ending still opens
    except OSError as exc:
        raise ImportFileError(name, f"cannot open the file: {exc.strerror or exc}") from None
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl and zipfile raise many kinds for a damaged file
        handle.close()
        raise _damaged(name, exc) from None
    try:
        names = [n for n in workbook.sheetnames if hasattr(workbook[n], "iter_rows")]
        if not names:
            raise ImportFileError(name, "the workbook has no sheets with cells")
        if sheet is not None:
            wanted = sheet.strip().casefold()
            chosen = [n for n in names if n.strip().casefold() == wanted]
            if not chosen:
                listed = ", ".join(repr(n) for n in names)
                raise ImportFileError(name, f"there is no sheet named {sheet!r}; the sheets are {listed}")
            candidates = chosen
        else:
            candidates = names
        for sheet_name in candidates:
            values = _sheet_values(workbook[sheet_name], name, sheet_name, progress, cancelled)
            if values:
                break
        else:
            which = f"sheet {candidates[0]!r} is empty" if sheet is not None else "every sheet is empty"
            raise ImportFileError(name, which)
    finally:
        workbook.close()
        handle.close()
    try:
        merges = _merged_ranges(path, sheet_name)
    except Exception as exc:
        raise _damaged(name, exc, f"sheet {sheet_name!r}") from None
    for min_row, min_col, max_row, max_col in merges:
        top = values.get(min_row, [])
        value = top[min_col - 1] if len(top) >= min_col else ""
        if not value:
            continue
        for row_number in range(min_row, max_row + 1):
            cells = values.setdefault(row_number, [])
            if len(cells) < max_col:
                cells.extend([""] * (max_col - len(cells)))
            for col in range(min_col, max_col + 1):
                cells[col - 1] = value
    rows = tuple(Row(n, _trimmed(values[n])) for n in sorted(values) if any(values[n]))
    notes = (f"read the sheet {sheet_name!r}",) if len(names) > 1 else ()
    return Grid(rows, name, "xlsx", part=sheet_name, parts=tuple(names), part_index=names.index(sheet_name),
                notes=notes)


def _sheet_values(worksheet, name: str, sheet_name: str, progress, cancelled) -> dict[int, list[str]]:
    values: dict[int, list[str]] = {}
    total = worksheet.max_row or 0
    row_number = 0
    try:
        worksheet.reset_dimensions()  # some programs write a wrong size; read what is really there
        for row_number, row in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
            if row_number % _REPORT_EVERY == 0:
                _check(cancelled)
                _report(progress, row_number, max(total, row_number), "")
            cells = [cell_text(v) for v in row]
            if any(cells):
                values[row_number] = cells
    except (ImportCancelled, ImportFileError):
        raise
    except Exception as exc:
        raise _damaged(name, exc, f"sheet {sheet_name!r}, row {row_number + 1}") from None
    return values


# ---------------------------------------------------------------------------------------------------
# Word tables
# ---------------------------------------------------------------------------------------------------

_TIMEISH = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b", re.IGNORECASE)
_SCHEDULE_WORDS = re.compile(
    r"^(time|times|activity|activities|block|routine|subject|schedule|monday|tuesday|wednesday|thursday|"
    r"friday|mon|tue|wed|thu|fri|days?|start|end|notes?|description)\b",
    re.IGNORECASE,
)


def schedule_likeness(rows: list[list[str]]) -> int:
    """How much a table looks like a schedule: cells holding times, and schedule words in cells."""
    score = 0
    for cells in rows:
        for cell in cells:
            if _TIMEISH.search(cell):
                score += 2
            elif _SCHEDULE_WORDS.match(cell):
                score += 3
    return score


def _all_tables(container) -> list:
    """The tables of a document in reading order, with tables nested in table cells after their parent."""
    found = []
    for table in container.tables:
        found.append(table)
        for row in table.rows:
            for cell in row.cells:
                if cell.tables:
                    found.extend(_all_tables(cell))
    return found


def _table_rows(table) -> list[list[str]]:
    """Cell texts per row; python-docx repeats a merged cell over every grid column and row it spans."""
    return [[clean_cell(cell.text) for cell in row.cells] for row in table.rows]


def read_docx(
    path: str | Path,
    *,
    table: int | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Grid:
    """One table of a Word document: the one at index ``table`` (from 0) or the most schedule-like."""
    import docx

    path = Path(path)
    name = path.name
    try:
        document = docx.Document(str(path))
        tables = _all_tables(document)
    except Exception as exc:  # python-docx raises many kinds for a damaged or foreign file
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ImportFileError(
            name, f"this is not a Word document or it is damaged ({detail[:120]}); open it in Word and save it again"
        ) from None
    if not tables:
        raise ImportFileError(name, "the document has no table; put the schedule in a Word table, or paste it")
    labels = tuple(f"table {i + 1} of {len(tables)}" for i in range(len(tables)))
    _check(cancelled)
    if table is not None:
        if not 0 <= table < len(tables):
            raise ImportFileError(name, f"the document has {len(tables)} table(s); there is no table {table + 1}")
        index = table
        grid_rows = _table_rows(tables[index])
    else:
        read = [_table_rows(t) for t in tables]
        index = max(range(len(tables)), key=lambda i: (schedule_likeness(read[i]), len(read[i])))
        grid_rows = read[index]
    _report(progress, len(grid_rows), len(grid_rows), "")
    rows = tuple(Row(i + 1, _trimmed(cells)) for i, cells in enumerate(grid_rows) if any(cells))
    if not rows:
        raise ImportFileError(name, f"{labels[index]} is empty")
    notes = (f"read {labels[index]}",) if len(tables) > 1 else ()
    return Grid(rows, name, "docx", part=labels[index], parts=labels, part_index=index, notes=notes)
