"""`goalwriter export`: files written and their paths printed; bad input gives one line on stderr and status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from goalwriter.cli import main


@pytest.fixture
def demo_db(sqlite_url, capsys) -> str:
    assert main(["--db", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def ids(url: str, what: str, capsys) -> dict[str, int]:
    assert main(["--db", url, "list", what, "--format", "json"]) == 0
    return {row["name"]: row["id"] for row in json.loads(capsys.readouterr().out)}


def test_one_student_draft_to_a_file(demo_db, tmp_path, capsys):
    maya = ids(demo_db, "students", capsys)["Maya Rivera"]
    target = tmp_path / "maya.docx"
    assert main(["--db", demo_db, "export", "--student", str(maya), "--out", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{target}\n" and captured.err == ""
    doc = docx.Document(target)
    assert doc.paragraphs[0].text == "IEP goals draft" and doc.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_one_student_glance_into_a_folder_by_its_usual_name(demo_db, tmp_path, capsys):
    maya = ids(demo_db, "students", capsys)["Maya Rivera"]
    assert main(["--db", demo_db, "export", "--student", str(maya), "--kind", "glance", "--out", str(tmp_path)]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == tmp_path / "Rivera, Maya - IEP at a glance.docx"
    assert docx.Document(path).sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_classroom_and_whole_caseload(demo_db, tmp_path, capsys):
    rooms = ids(demo_db, "classrooms", capsys)
    assert main(["--db", demo_db, "export", "--classroom", str(rooms["Pre-K Room 3"]), "--out",
                 str(tmp_path / "prek")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [Path(x).name for x in lines] == [
        "Rivera, Maya - IEP goals draft.docx", "Rivera, Maya - IEP at a glance.docx",
        "Grant, Theo - IEP goals draft.docx", "Grant, Theo - IEP at a glance.docx",
    ]
    assert main(["--db", demo_db, "export", "--all", "--kind", "draft", "--deidentify", "--out",
                 str(tmp_path / "all")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8 and all(Path(x).exists() for x in lines)
    assert "Maple Grove Elementary - Pre-K Room 3/M.R. - IEP goals draft.docx" in [
        str(Path(x).relative_to(tmp_path / "all")) for x in lines]


def test_district_template_notes_go_to_stderr(demo_db, tmp_path, capsys):
    maya = ids(demo_db, "students", capsys)["Maya Rivera"]
    template = tmp_path / "district.docx"
    docx.Document().save(template)
    code = main(["--db", demo_db, "export", "--student", str(maya), "--out", str(tmp_path / "m.docx"),
                 "--template", str(template)])
    captured = capsys.readouterr()
    assert code == 0 and captured.out.strip() == str(tmp_path / "m.docx")
    notes = captured.err.splitlines()
    assert "goalwriter: note: “district.docx” has no style “GW Goal Sentence”; using “Intense Quote” instead" in notes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--student", "4242", "--out", "{tmp}/x.docx"], "no student with id 4242"),
        (["--student", "1", "--out", "{tmp}/x.txt"], "is not a .docx file name"),
        (["--classroom", "1", "--out", "{tmp}/x.docx"], "--out must be a folder"),
        (["--student", "1", "--out", "{tmp}/x.docx", "--template", "{tmp}/none.docx"], "does not exist"),
        (["--student", "1", "--out", "{tmp}/locked.docx"], "“locked.docx” is open in Word"),
        (["--student", "1", "--out", "{tmp}/missing/x.docx"], "does not exist"),
        (["--student", "1", "--kind", "both", "--out", "{tmp}/x.docx"], "--out must be a folder"),
    ],
)
def test_bad_input_gives_one_line_and_status_2(demo_db, tmp_path, capsys, args, message):
    (tmp_path / "~$locked.docx").write_bytes(b"owner")
    before = sorted(p.name for p in tmp_path.iterdir())
    code = main(["--db", demo_db, "export", *[a.format(tmp=tmp_path) for a in args]])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--student", "1"], "the following arguments are required: --out"),
        (["--out", "x.docx"], "one of the arguments --student --classroom --all is required"),
        (["--student", "1", "--classroom", "1", "--out", "x"], "not allowed with argument"),
        (["--student", "1", "--kind", "poster", "--out", "x.docx"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_too(tmp_path, args, message):
    env = {**os.environ, "GOALWRITER_DB": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    result = subprocess.run([sys.executable, "-m", "goalwriter", "export", *args], capture_output=True, text=True,
                            env=env, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr
