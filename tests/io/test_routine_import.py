"""From a grid of cells to routine drafts: header guessing, the two layouts, and messy schedules."""

from __future__ import annotations

import pytest

from goalwriter.io.routine_import import ColumnMapping, RoutineDraft, guess_mapping, parse_routines, read_routines
from goalwriter.io.tables import ImportCancelled, read_pasted
from tests.io.test_tables import write_docx, write_xlsx


def parse(text: str, **kwargs):
    return parse_routines(read_pasted(text), **kwargs)


def names(parsed) -> list[str]:
    return [d.name for d in parsed.drafts]


def skipped(parsed) -> list[tuple[int, str]]:
    return [(s.line, s.reason) for s in parsed.skipped]


MESSY = """Room 4 — Daily Schedule\t\t
\t\t
Time\tActivity\tWhat we do
8:00-8:20\tArrival & unpack\tHang coat, folder in bin
8:20\tMorning meeting\tGreeting, calendar
8:45 – 9:30\tWriter's Workshop\tJournal writing
Time\tActivity\tWhat we do
9:30-10:15\tCenters\t
\t\t
10:15\tRecess\t
10:45-11:30\tMath\t
11:30-12:00 pm\tLunch\tCafeteria
12:00/2:00\tBathroom break\t
\tQuiet reading\t
1:00-1:45\tSpecials\tArt, PE or music
2:45 - 3:00\tPack-up\t
*Library books due Thursday\t\t
Please send a water bottle with your child every day\t\t
"""


def test_a_messy_list_reads_as_its_blocks():
    parsed = parse(MESSY)
    assert parsed.layout == "list" and parsed.detected_layout == "list"
    assert parsed.mapping == ColumnMapping(name=1, time=0, description=2, header_row=1)
    assert names(parsed) == [
        "Arrival & unpack", "Morning meeting", "Writer's Workshop", "Centers", "Recess", "Math", "Lunch",
        "Bathroom break", "Bathroom break", "Quiet reading", "Specials", "Pack-up",
    ]
    assert skipped(parsed) == [
        (1, "title above the header row"),
        (3, "header row"),
        (7, "repeated header row"),
        (17, "note below the schedule"),
        (18, "note below the schedule"),
    ]
    by_line = {(d.source_line, d.start): d for d in parsed.drafts}
    assert by_line[(4, "08:00")].end == "08:20"
    assert by_line[(5, "08:20")].end == "08:45"  # a lone start ends when the next block starts
    assert by_line[(6, "08:45")].end == "09:30"
    assert by_line[(10, "10:15")].end == "10:45"
    assert by_line[(12, "11:30")].end == "12:00"
    assert by_line[(4, "08:00")].description == "Hang coat, folder in bin"
    assert all(d.ok for d in parsed.drafts)


def test_two_sessions_in_one_cell_become_two_drafts():
    parsed = parse(MESSY)
    sessions = [d for d in parsed.drafts if d.name == "Bathroom break"]
    # each session ends when the next other block starts: Specials at 1:00, Pack-up at 2:45
    assert [(d.start, d.end, d.source_line) for d in sessions] == [("12:00", "13:00", 13), ("14:00", "14:45", 13)]


def test_blank_time_keeps_the_block_without_times():
    quiet = next(d for d in parse(MESSY).drafts if d.name == "Quiet reading")
    assert (quiet.start, quiet.end, quiet.ok) == ("", "", True)


def test_headers_in_any_order_and_spelling():
    parsed = parse("Notes\tDay(s)\tEnds\tBegins\tSubjet\n"
                   "hang coats\tM/W/F\t8:30\t8:00\tArrival\n"
                   "\tTue, Thu\t9:15\t8:30\tOT group\n")
    assert parsed.mapping == ColumnMapping(name=4, start=3, end=2, days=1, description=0, header_row=0)
    assert parsed.drafts == (
        RoutineDraft("Arrival", "hang coats", "Mon, Wed, Fri", "08:00", "08:30", 2),
        RoutineDraft("OT group", "", "Tue, Thu", "08:30", "09:15", 3),
    )


@pytest.mark.parametrize("header", ["Tme", "Time slot", "TIME", "Times"])
def test_fuzzy_time_header(header):
    parsed = parse(f"{header}\tActivty\n8:30-9:00\tArrival\n")
    assert (parsed.mapping.time, parsed.mapping.name) == (0, 1)


def test_rows_with_problems_carry_their_reasons():
    parsed = parse("Time\tBlock\tDays\n"
                   "8:7x\tSnack\tdaily\n"
                   "9:30-9:00\tRecess\tdaily\n"
                   "10:00-10:30\tMusic\tFunday\n"
                   "10:30-11:00\t\tMon\n")
    problems = {d.source_line: d.problems for d in parsed.drafts}
    assert problems[2][0].startswith("time: cannot read '8:7x' as a time of day")
    assert problems[3] == ("ends (09:00) before it starts (09:30)",)
    assert problems[4] == ("days: cannot read 'funday' as a day of the week",)
    assert problems[5] == ("no block name in this row",)
    assert [d.name for d in parsed.importable(skip_problems=True)] == []
    assert [d.name for d in parsed.importable(skip_problems=False)] == ["Snack", "Recess", "Music"]


def test_no_header_is_guessed_from_the_cells():
    parsed = parse("8:30\t9:00\tArrival\tM-F\tCoats and backpacks in the cubby, folder in the bin\n"
                   "9:00\t9:20\tMeeting\tM-F\tGreeting song and calendar\n")
    assert parsed.mapping == ColumnMapping(name=2, start=0, end=1, days=3, description=4)
    assert parsed.drafts[1] == RoutineDraft("Meeting", "Greeting song and calendar", "Mon-Fri", "09:00", "09:20", 2)


def test_a_single_column_with_times_in_the_text():
    parsed = parse("Ms. Lee's class schedule\n8:30-9:00 Arrival\n9:00 Morning meeting\n"
                   "Recess 10:15-10:45\n9:30-10:15: Centers\nLunch\n")
    assert skipped(parsed) == [(1, "title above the schedule")]
    assert [(d.name, d.start, d.end) for d in parsed.drafts] == [
        ("Arrival", "08:30", "09:00"),
        ("Morning meeting", "09:00", "09:30"),
        ("Recess", "10:15", "10:45"),
        ("Centers", "09:30", "10:15"),
        ("Lunch", "", ""),
    ]


def test_a_single_column_of_names_only():
    parsed = parse("Arrival, unpack\nMorning meeting\nCenters\n")
    assert names(parsed) == ["Arrival, unpack", "Morning meeting", "Centers"]


def test_changing_the_mapping_changes_the_drafts():
    grid = read_pasted("Time\tActivity\tNotes\n8:30\tArrival\tcoats\n9:00\tMeeting\tsongs\n")
    guessed = guess_mapping(grid)
    swapped = guessed.with_column("name", 2)
    assert (swapped.name, swapped.description) == (2, None)  # a column feeds one field
    parsed = parse_routines(grid, swapped)
    assert names(parsed) == ["coats", "songs"]
    assert [d.description for d in parsed.drafts] == ["", ""]
    no_name = parse_routines(grid, guessed.with_column("name", None))
    assert no_name.drafts == () and "choose the column" in no_name.message


WEEK = [
    ["Ms. Lee — Grade 1 weekly schedule"],
    ["Time", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    ["8:30-8:50", "Arrival & morning work"],
    ["8:50-9:10", "Morning meeting"],
    ["9:10-10:00", "Writer's Workshop", "Writer's Workshop", "Writer's Workshop", "Writer's Workshop", "Library"],
    ["10:00-10:45", "Art", "PE", "Music", "PE", "Computer lab"],
    ["10:45", "Recess"],
    ["11:15-12:00", "Math"],
    ["Time", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    ["12:30-1:15", "Centers\nblocks, art, sand", "Centers\nblocks, art, sand", "Science 12:30-1:00",
     "Centers\nblocks, art, sand", ""],
    ["2:45-3:00", "Pack-up & dismissal"],
    ["Picture day is October 12 — please send forms back"],
]
WEEK_MERGES = ["A1:F1", "B3:F3", "B4:F4", "B7:F7", "B8:F8", "B11:F11", "A12:F12"]
WEEK_EXPECTED = [
    ("Arrival & morning work", "Mon-Fri", "08:30", "08:50"),
    ("Morning meeting", "Mon-Fri", "08:50", "09:10"),
    ("Writer's Workshop", "Mon-Thu", "09:10", "10:00"),
    ("Library", "Fri", "09:10", "10:00"),
    ("Art", "Mon", "10:00", "10:45"),
    ("PE", "Tue, Thu", "10:00", "10:45"),
    ("Music", "Wed", "10:00", "10:45"),
    ("Computer lab", "Fri", "10:00", "10:45"),
    ("Recess", "Mon-Fri", "10:45", "11:15"),
    ("Math", "Mon-Fri", "11:15", "12:00"),
    ("Centers", "Mon, Tue, Thu", "12:30", "13:15"),
    ("Science", "Wed", "12:30", "13:00"),
    ("Pack-up & dismissal", "Mon-Fri", "14:45", "15:00"),
]


def test_weekly_grid_in_xlsx_with_merged_cells(tmp_path):
    path = write_xlsx(tmp_path / "week.xlsx", WEEK, merges=WEEK_MERGES)
    parsed = read_routines(str(path))
    assert parsed.layout == "grid"
    assert parsed.mapping.day_columns == ((1, 0), (2, 1), (3, 2), (4, 3), (5, 4))
    assert [(d.name, d.days, d.start, d.end) for d in parsed.drafts] == WEEK_EXPECTED
    centers = next(d for d in parsed.drafts if d.name == "Centers")
    assert (centers.description, centers.source_line) == ("blocks, art, sand", 10)
    assert skipped(parsed) == [
        (1, "title above the header row"), (2, "header row"), (9, "repeated header row"),
        (12, "note across the table"),
    ]


def test_weekly_grid_in_docx_with_merged_cells(tmp_path):
    rows = [[str(c) for c in r] + [""] * (6 - len(r)) for r in WEEK[1:11]]
    merges = {0: [((1, 1), (1, 5)), ((2, 1), (2, 5)), ((5, 1), (5, 5)), ((6, 1), (6, 5)), ((9, 1), (9, 5))]}
    path = write_docx(tmp_path / "week.docx", [rows], merges=merges)
    parsed = read_routines(str(path))
    assert parsed.layout == "grid"
    assert [(d.name, d.days, d.start, d.end) for d in parsed.drafts] == WEEK_EXPECTED


def test_layout_can_be_overridden(tmp_path):
    path = write_xlsx(tmp_path / "week.xlsx", WEEK, merges=WEEK_MERGES)
    as_list = read_routines(str(path), layout="list")
    assert as_list.layout == "list" and as_list.detected_layout == "grid"
    assert as_list.drafts[0].name == "Arrival & morning work"
    not_a_grid = parse(MESSY, layout="grid")
    assert not_a_grid.drafts == () and "no day columns" in not_a_grid.message
    with pytest.raises(ValueError, match="unknown layout"):
        parse(MESSY, layout="calendar")


def test_ten_thousand_rows_all_become_drafts():
    lines = ["Time\tActivity\tDays"]
    for i in range(10_000):
        start = 8 * 60 + (i % 40) * 10
        lines.append(f"{start // 60}:{start % 60:02d}-{(start + 10) // 60}:{(start + 10) % 60:02d}\tBlock {i}\tM/W/F")
    parsed = parse("\n".join(lines))
    assert len(parsed.drafts) == 10_000
    assert parsed.drafts[-1] == RoutineDraft("Block 9999", "", "Mon, Wed, Fri", "14:30", "14:40", 10_001)
    assert all(d.ok for d in parsed.drafts)


def test_cancelled_parsing_stops():
    grid = read_pasted("\n".join(f"8:00\tBlock {i}" for i in range(2000)))
    with pytest.raises(ImportCancelled):
        parse_routines(grid, cancelled=lambda: True)


def test_a_dual_language_list_with_spanish_headers_and_days():
    parsed = parse("Hora\tActividad\tDescripción\tDías\n"
                   "8:00-8:20\tLlegada\tColgar mochila, entregar carpeta\tlunes a viernes\n"
                   "10:15-10:45\tRecreo\t\tmartes y jueves\n")
    assert parsed.mapping == ColumnMapping(time=0, name=1, description=2, days=3, header_row=0)
    assert parsed.drafts == (
        RoutineDraft("Llegada", "Colgar mochila, entregar carpeta", "Mon-Fri", "08:00", "08:20", 2),
        RoutineDraft("Recreo", "", "Tue, Thu", "10:15", "10:45", 3),
    )


def test_a_weekly_grid_with_spanish_day_columns():
    parsed = parse("Hora\tLunes\tMartes\tMiércoles\tJueves\tViernes\n"
                   "8:00-8:30\tCírculo\tCírculo\tCírculo\tCírculo\tCírculo\n"
                   "9:00-9:45\tArte\tEducación física\tArte\tEducación física\tBiblioteca\n")
    assert parsed.layout == "grid"
    assert parsed.mapping.day_columns == ((1, 0), (2, 1), (3, 2), (4, 3), (5, 4))
    assert [(d.name, d.days) for d in parsed.drafts] == [
        ("Círculo", "Mon-Fri"), ("Arte", "Mon, Wed"), ("Educación física", "Tue, Thu"), ("Biblioteca", "Fri"),
    ]
