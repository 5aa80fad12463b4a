"""Schedule files read into rows of cells: CSV, XLSX and DOCX made here at run time, and pasted cells."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from goalwriter.io.tables import ImportCancelled, ImportFileError, read_file, read_pasted


def write_xlsx(path: Path, rows, merges=(), sheet="Day", before=(), after=()) -> Path:
    """A workbook whose sheet ``sheet`` holds ``rows`` (lists of values), with merged ranges like "B3:F3".
    ``before``/``after`` are names of extra sheets (empty before, one cell after)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    for index, name in enumerate(before):
        ws = first if index == 0 else workbook.create_sheet(name)
        ws.title = name
    ws = workbook.create_sheet(sheet) if before else first
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    for name in after:
        workbook.create_sheet(name).append([f"{name} sheet"])
    workbook.save(path)
    return path


def write_docx(path: Path, tables, merges=None, text_before="Room 4 schedule") -> Path:
    """A Word document with one table per item of ``tables`` (rows of strings); ``merges`` maps a table
    index to ((row, col), (row, col)) pairs to merge, keeping the first cell's text."""
    import docx

    document = docx.Document()
    document.add_paragraph(text_before)
    for t_index, rows in enumerate(tables):
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        for (r1, c1), (r2, c2) in (merges or {}).get(t_index, ()):
            text = table.cell(r1, c1).text
            merged = table.cell(r1, c1).merge(table.cell(r2, c2))
            merged.text = text
        document.add_paragraph("")
    document.save(str(path))
    return path


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_sniffs_the_delimiter_and_keeps_source_lines(tmp_path):
    path = tmp_path / "day.csv"
    path.write_text(
        'Time;Activity;Notes\n8:30-9:00;Arrival;"coats, bags\nand folders"\n\n9:00;Morning meeting;\n', encoding="utf-8"
    )
    grid = read_file(path)
    assert grid.kind == "csv" and grid.encoding == "utf-8"
    assert [r.line for r in grid.rows] == [1, 2, 5]  # the quoted cell spans lines 2-3; line 4 is empty
    assert grid.rows[1].cells == ("8:30-9:00", "Arrival", "coats, bags\nand folders")
    assert grid.rows[2].cells == ("9:00", "Morning meeting")


@pytest.mark.parametrize("delimiter", [",", "\t", "|"])
def test_csv_other_delimiters(tmp_path, delimiter):
    path = tmp_path / "day.txt"
    path.write_text(delimiter.join(["Time", "Activity"]) + "\n" + delimiter.join(["8:30", "Arrival, unpack"]) + "\n")
    if delimiter == ",":
        path.write_text('Time,Activity\n8:30,"Arrival, unpack"\n')
    grid = read_file(path)
    assert grid.rows[1].cells == ("8:30", "Arrival, unpack")


def test_csv_utf8_with_bom(tmp_path):
    path = tmp_path / "day.csv"
    path.write_bytes("Time,Activity\n8:30,Récré\n".encode("utf-8-sig"))
    grid = read_file(path)
    assert grid.rows[0].cells == ("Time", "Activity")  # no BOM glued to the first cell
    assert grid.rows[1].cells == ("8:30", "Récré")
    assert grid.encoding == "utf-8-sig"


def test_csv_in_windows_1252_reads_correctly_and_says_so(tmp_path):
    path = tmp_path / "day.csv"
    path.write_bytes("Time,Activity,Notes\n8:30,Récréation,Ms. O’Neil’s “quiet” start\n".encode("cp1252"))
    grid = read_file(path)
    assert grid.rows[1].cells == ("8:30", "Récréation", "Ms. O’Neil’s “quiet” start")
    assert grid.encoding == "cp1252"
    assert "Windows-1252" in grid.notes[0]


def test_csv_in_latin_1_reads_correctly(tmp_path):
    path = tmp_path / "day.csv"
    # 0x81 is not a Windows-1252 character, so this can only be read as Latin-1
    path.write_bytes("Heure,Activité\n8:30,Accueil\x81\n".encode("latin-1"))
    grid = read_file(path)
    assert grid.rows[0].cells == ("Heure", "Activité")
    assert grid.encoding == "latin-1"


def test_csv_utf16_from_excel_unicode_text(tmp_path):
    path = tmp_path / "day.txt"
    path.write_bytes("Time\tActivity\r\n8:30\tArrivée\r\n".encode("utf-16"))
    grid = read_file(path)
    assert grid.rows[1].cells == ("8:30", "Arrivée")


def test_excel_sep_hint_line(tmp_path):
    path = tmp_path / "day.csv"
    path.write_text("sep=;\nTime;Activity\n8:30;Arrival\n")
    grid = read_file(path)
    assert [r.line for r in grid.rows] == [2, 3]
    assert grid.rows[1].cells == ("8:30", "Arrival")


def test_binary_file_renamed_csv_is_refused_clearly(tmp_path):
    path = tmp_path / "schedule.csv"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportFileError) as info:
        read_file(path)
    assert str(info.value) == (
        "schedule.csv: line 1: this is not a text file (it holds binary data); give a .csv, .xlsx or .docx file"
    )


def test_picture_renamed_csv_is_named(tmp_path):
    path = tmp_path / "schedule.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(ImportFileError, match=r"schedule\.csv: this is a picture \(PNG\)"):
        read_file(path)


@pytest.mark.parametrize(("content", "reason"), [(b"", "the file is empty"), (b"\n\n  \n", "the file is empty")])
def test_empty_file(tmp_path, content, reason):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=f"empty.csv: {reason}"):
        read_file(path)


def test_missing_file_and_old_office_formats(tmp_path):
    with pytest.raises(ImportFileError, match=re.escape("nowhere.csv: there is no such file")):
        read_file(tmp_path / "nowhere.csv")
    old = tmp_path / "day.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(ImportFileError, match="old-format Office file"):
        read_file(old)


def test_ten_thousand_rows(tmp_path):
    path = tmp_path / "big.csv"
    lines = ["Time,Activity"] + [f"{8 + i % 8}:{i % 60:02d},Block {i}" for i in range(10_000)]
    path.write_text("\n".join(lines) + "\n")
    grid = read_file(path)
    assert len(grid.rows) == 10_001
    assert grid.rows[-1] == grid.rows[-1].__class__(10_001, ("15:39", "Block 9999"))


def test_cancel_stops_reading(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("\n".join(f"8:00,Block {i}" for i in range(3000)))
    with pytest.raises(ImportCancelled):
        read_file(path, cancelled=lambda: True)


# --- XLSX -----------------------------------------------------------------------------------------


def test_xlsx_merged_cells_span_their_block_and_times_read_as_clock(tmp_path):
    path = write_xlsx(
        tmp_path / "day.xlsx",
        [
            ["Room 4 schedule"],
            [],
            ["Time", "Monday", "Tuesday", "Wednesday"],
            [dt.time(8, 30), "Arrival"],
            ["9:00", "Centers", None, "Library"],
            [None, None],
        ],
        merges=["B4:D4", "B5:C6"],
    )
    grid = read_file(path)
    assert grid.kind == "xlsx" and grid.part == "Day"
    assert [r.line for r in grid.rows] == [1, 3, 4, 5, 6]  # sheet row numbers; row 2 was empty
    assert grid.rows[2].cells == ("08:30", "Arrival", "Arrival", "Arrival")
    assert grid.rows[3].cells == ("9:00", "Centers", "Centers", "Library")
    assert grid.rows[4].cells == ("", "Centers", "Centers")
    assert grid.where(5) == "sheet 'Day', row 5"


def test_xlsx_first_sheet_with_cells_or_by_name(tmp_path):
    path = write_xlsx(tmp_path / "day.xlsx", [["Time", "Activity"], ["8:30", "Arrival"]], sheet="Schedule",
                      before=["Cover"], after=["Notes"])
    grid = read_file(path)
    assert grid.part == "Schedule"
    assert grid.parts == ("Cover", "Schedule", "Notes")
    assert read_file(path, sheet="notes").rows[0].cells == ("Notes sheet",)
    with pytest.raises(ImportFileError) as info:
        read_file(path, sheet="Week 2")
    assert str(info.value) == "day.xlsx: there is no sheet named 'Week 2'; the sheets are 'Cover', 'Schedule', 'Notes'"


def test_truncated_xlsx_is_reported_as_damaged(tmp_path):
    whole = write_xlsx(tmp_path / "whole.xlsx", [["Time", "Activity"], ["8:30", "Arrival"]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(ImportFileError) as info:
        read_file(cut)
    assert str(info.value).startswith("cut.xlsx: the workbook is damaged or incomplete")
    assert "save it again" in str(info.value)


def test_empty_or_foreign_xlsx(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError, match=re.escape("empty.xlsx: the file is empty; it is not an Excel workbook")):
        read_file(empty)
    text = tmp_path / "text.xlsx"
    text.write_text("Time,Activity\n")
    with pytest.raises(ImportFileError, match=r"text.xlsx: this is not an Excel workbook \(or it is damaged\)"):
        read_file(text)
    blank = write_xlsx(tmp_path / "blank.xlsx", [])
    with pytest.raises(ImportFileError, match=re.escape("blank.xlsx: every sheet is empty")):
        read_file(blank)


def test_workbook_with_a_csv_name_is_read_as_a_workbook(tmp_path):
    path = write_xlsx(tmp_path / "day.xlsx", [["Time", "Activity"], ["8:30", "Arrival"]])
    renamed = path.rename(tmp_path / "day.csv")
    grid = read_file(renamed)
    assert grid.kind == "xlsx"
    assert grid.rows[1].cells == ("8:30", "Arrival")


# --- DOCX -----------------------------------------------------------------------------------------


def test_docx_merged_cells_repeat_across_their_span(tmp_path):
    rows = [
        ["Time", "Monday", "Tuesday", "Wednesday"],
        ["8:30-9:00", "Arrival", "", ""],
        ["9:00-9:45", "Centers", "Art", "Music"],
        ["9:45-10:00", "", "Snack", "Snack"],
    ]
    path = write_docx(tmp_path / "week.docx", [rows], merges={0: [((1, 1), (1, 3)), ((2, 1), (3, 1))]})
    grid = read_file(path)
    assert grid.kind == "docx"
    assert grid.rows[1].cells == ("8:30-9:00", "Arrival", "Arrival", "Arrival")
    assert grid.rows[2].cells == ("9:00-9:45", "Centers", "Art", "Music")
    assert grid.rows[3].cells == ("9:45-10:00", "Centers", "Snack", "Snack")


def test_docx_picks_the_schedule_among_several_tables_or_the_chosen_one(tmp_path):
    contacts = [["Name", "Phone"], ["Ms. Lee", "555-0101"], ["Mr. Park", "555-0102"], ["Office", "555-0100"]]
    schedule = [["Time", "Activity"], ["8:30", "Arrival"], ["9:00", "Morning meeting"]]
    path = write_docx(tmp_path / "handbook.docx", [contacts, schedule])
    grid = read_file(path)
    assert grid.part == "table 2 of 2"
    assert grid.rows[1].cells == ("8:30", "Arrival")
    assert grid.where(3) == "table 2 of 2, row 3"
    assert read_file(path, table=0).rows[1].cells == ("Ms. Lee", "555-0101")
    with pytest.raises(ImportFileError, match=re.escape("handbook.docx: the document has 2 table")):
        read_file(path, table=5)


def test_docx_without_a_table_or_damaged(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("8:30 Arrival")
    document.save(str(tmp_path / "plain.docx"))
    with pytest.raises(ImportFileError, match=re.escape("plain.docx: the document has no table")):
        read_file(tmp_path / "plain.docx")
    whole = write_docx(tmp_path / "whole.docx", [[["Time", "Activity"], ["8:30", "Arrival"]]])
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[:1500])
    with pytest.raises(ImportFileError, match=re.escape("cut.docx: this is not a Word document or it is damaged")):
        read_file(cut)


# --- pasted cells ---------------------------------------------------------------------------------


def test_pasted_cells_from_a_spreadsheet():
    text = 'Time\tActivity\tNotes\r\n8:30\tArrival\t"coats\r\nbags"\r\n\r\n9:00\tMorning\xa0meeting\t\r\n'
    grid = read_pasted(text)
    assert grid.kind == "paste" and grid.source == "pasted cells"
    assert [r.cells for r in grid.rows] == [
        ("Time", "Activity", "Notes"),
        ("8:30", "Arrival", "coats\nbags"),
        ("9:00", "Morning meeting"),
    ]
    assert [r.line for r in grid.rows] == [1, 2, 5]


def test_pasted_single_column_keeps_commas_in_the_text():
    grid = read_pasted("8:30 Arrival, unpack\n9:00 Morning meeting\n")
    assert [r.cells for r in grid.rows] == [("8:30 Arrival, unpack",), ("9:00 Morning meeting",)]


def test_pasted_comma_separated_lines():
    grid = read_pasted("Time,Activity\n8:30,Arrival\n9:00,Meeting")
    assert grid.rows[2].cells == ("9:00", "Meeting")


def test_nothing_pasted():
    with pytest.raises(ImportFileError, match="pasted cells: nothing was pasted"):
        read_pasted(" \n\t\n")
