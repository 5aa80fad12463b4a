"""`goalwriter import routines`: good files import; a bad file is one line on stderr, status 2, nothing stored."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from goalwriter.cli import main
from goalwriter.services import queries
from goalwriter.store import open_store
from tests.io.test_routine_import import WEEK, WEEK_MERGES
from tests.io.test_tables import write_xlsx

LIST_CSV = """Room 4 schedule
Time,Activity,What we do,Days
8:00-8:20,Arrival & unpack,"Coats, backpacks, folders",daily
8:20,Morning meeting,Greeting and calendar,M-F
8:45-9:30,Writer's Workshop,Journal writing,Mon-Fri
"""


@pytest.fixture
def db(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def count(url: str, classroom_id: int = 1) -> list[str]:
    store = open_store(url)
    try:
        return [r.name for r in queries.list_routines(store, classroom_id)]
    finally:
        store.close()


def run_import(db, path, *extra):
    return main(["--db", db, "import", "routines", str(path), "--classroom", "1", *extra])


def test_import_a_csv_list(db, tmp_path, capsys):
    path = tmp_path / "day.csv"
    path.write_text(LIST_CSV)
    before = count(db)
    assert run_import(db, path) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 3 routine(s) into Pre-K Room 3 (read as a list).")
    assert "Skipped rows: 1 × title above the header row." in out
    assert "08:20  08:45  Mon-Fri  Morning meeting" in out
    assert count(db) == [*before, "Arrival & unpack", "Morning meeting", "Writer's Workshop"]


def test_dry_run_stores_nothing(db, tmp_path, capsys):
    path = tmp_path / "day.csv"
    path.write_text(LIST_CSV)
    before = count(db)
    assert run_import(db, path, "--dry-run", "--replace") == 0
    out = capsys.readouterr().out
    assert out.startswith("Would import 3 routine(s) into Pre-K Room 3, replacing its 12")
    assert out.rstrip().endswith("Dry run: nothing was saved.")
    assert count(db) == before


def test_replace_with_a_weekly_grid_from_a_chosen_sheet(db, tmp_path, capsys):
    path = write_xlsx(tmp_path / "week.xlsx", WEEK, merges=WEEK_MERGES, sheet="Week", before=["Cover"])
    assert run_import(db, path, "--replace", "--sheet", "Week") == 0
    out = capsys.readouterr().out
    assert "Imported 13 routine(s) into Pre-K Room 3, replacing its 12 (read as a weekly grid, Week)." in out
    assert count(db)[:3] == ["Arrival & morning work", "Morning meeting", "Writer's Workshop"]
    assert len(count(db)) == 13


def test_latin_1_csv_imports_with_its_accents(db, tmp_path, capsys):
    path = tmp_path / "journee.csv"
    path.write_bytes("Heure;Activité;Détails\n8:30;Accueil;Manteaux à la patère\n9:00;Récréation;Cour\n"
                     .encode("cp1252"))
    assert run_import(db, path) == 0
    out = capsys.readouterr().out
    assert "Note: read as Windows-1252 (Western European) text, since it is not UTF-8." in out
    assert count(db)[-2:] == ["Accueil", "Récréation"]


def test_rows_with_problems_are_refused_unless_skipped(db, tmp_path, capsys):
    path = tmp_path / "day.csv"
    path.write_text("Time,Activity\n8:30-9:00,Arrival\n9:7x,Snack\n10:00-9:30,Recess\n")
    before = count(db)
    assert run_import(db, path) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "goalwriter: error: day.csv: line 3: time: cannot read '9:7x' as a time of day "
        "(write it like 8:30, 1:15 pm or 13:30) (2 rows have problems; fix them or use --skip-problems)\n"
    )
    assert count(db) == before
    assert run_import(db, path, "--skip-problems") == 0
    assert "Left out 2 row(s) with problems." in capsys.readouterr().out
    assert count(db) == [*before, "Arrival"]


def truncated_xlsx(tmp_path):
    whole = write_xlsx(tmp_path / "whole.xlsx", [["Time", "Activity"], ["8:30", "Arrival"]])
    path = tmp_path / "day.xlsx"
    path.write_bytes(whole.read_bytes()[:700])
    return path


def binary_csv(tmp_path):
    path = tmp_path / "day.csv"
    path.write_bytes(bytes(range(256)) * 4)
    return path


def empty_file(tmp_path):
    path = tmp_path / "day.csv"
    path.write_bytes(b"")
    return path


def names_only_in_a_grid(tmp_path):
    path = tmp_path / "day.csv"
    path.write_text("Time,Activity\n8:30,Arrival\n")
    return path


@pytest.mark.parametrize(
    ("make", "extra", "message"),
    [
        (truncated_xlsx, (), "day.xlsx: the workbook is damaged or incomplete"),
        (binary_csv, (), "day.csv: line 1: this is not a text file (it holds binary data)"),
        (empty_file, (), "day.csv: the file is empty"),
        (lambda p: p / "missing.csv", (), "missing.csv: there is no such file"),
        (names_only_in_a_grid, ("--layout", "grid"), "day.csv: no day columns (Monday, Tuesday, ...)"),
    ],
)
def test_bad_files_change_nothing(db, tmp_path, capsys, make, extra, message):
    path = make(tmp_path)
    before = count(db)
    status = run_import(db, path, *extra)
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(f"goalwriter: error: {message}")
    assert count(db) == before


def test_unknown_classroom(db, tmp_path, capsys):
    path = tmp_path / "day.csv"
    path.write_text(LIST_CSV)
    assert main(["--db", db, "import", "routines", str(path), "--classroom", "99"]) == 2
    assert capsys.readouterr().err == "goalwriter: error: no classroom with id 99\n"


def test_ten_thousand_rows(db, tmp_path, capsys):
    path = tmp_path / "big.csv"
    lines = ["Time,Block"] + [f"{8 + i % 8}:{i % 60:02d},Block {i}" for i in range(10_000)]
    path.write_text("\n".join(lines))
    assert run_import(db, path, "--replace") == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 10000 routine(s)")
    assert out.rstrip().endswith("… and 9900 more.")
    assert len(count(db)) == 10_000


def test_real_process_exit_status_and_streams(db, tmp_path):
    path = tmp_path / "day.csv"
    path.write_bytes(bytes(range(256)) * 4)
    result = subprocess.run(
        [sys.executable, "-m", "goalwriter", "--db", db, "import", "routines", str(path), "--classroom", "1"],
        capture_output=True, text=True, env={**os.environ},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "goalwriter: error: day.csv: line 1: this is not a text file (it holds binary data); "
        "give a .csv, .xlsx or .docx file"
    ]


def test_layout_choices_match_the_reader():
    from goalwriter.cli.cmd_import import LAYOUT_CHOICES
    from goalwriter.io.routine_import import LAYOUTS

    assert LAYOUT_CHOICES == ("auto", *LAYOUTS)
