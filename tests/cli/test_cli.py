"""The command line: subcommands, scriptable output, and one clear line with status 2 on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from goalwriter.cli import main


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "goalwriter", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_help_lists_the_subcommands():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("gui", "demo", "list"):
        assert command in result.stdout


def test_demo_then_list_as_json_and_table(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "demo"]) == 0
    assert "8 students" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "list", "students", "--format", "json"]) == 0
    students = json.loads(capsys.readouterr().out)
    assert len(students) == 8
    assert {"id", "name", "classroom_id"} <= set(students[0])
    first_class = students[0]["classroom_id"]
    assert main(["--db", sqlite_url, "list", "routines", "--classroom", str(first_class)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["id", "classroom_id", "name"]
    assert len(table) > 8
    assert main(["--db", sqlite_url, "list", "goals", "--student", str(students[0]["id"]), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 2


def test_goalwriter_db_environment_variable_selects_the_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    assert run_cli("demo", env={"GOALWRITER_DB": url}).returncode == 0
    assert (tmp_path / "env.sqlite3").exists()
    result = run_cli("list", "schools", "--format", "json", env={"GOALWRITER_DB": url})
    assert len(json.loads(result.stdout)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "goals", "--student", "4242"], "no student with id 4242"),
        (["--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", "list", "schools"], "cannot open the database"),
        (["--db", "nonsense://", "list", "schools"], "database URL"),
        (["list", "teachers"], "invalid choice"),
    ],
)
def test_bad_input_gives_one_line_and_status_2(args, message, tmp_path):
    env = {"GOALWRITER_DB": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    result = run_cli(*args, env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr


def test_unwritable_data_folder_gives_one_line_and_status_2(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    result = run_cli("list", "schools", env={"GOALWRITER_DATA_DIR": str(blocker / "goalwriter")})
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot create the data folder" in result.stderr


def test_starting_the_window_loads_no_database_code_before_it_is_shown():
    """`goalwriter` shows its window first; SQLAlchemy, numpy and python-docx load afterwards, off the UI thread."""
    code = (
        "import sys, goalwriter.cli, goalwriter.app, goalwriter.ui.main_window\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'numpy', 'docx'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
