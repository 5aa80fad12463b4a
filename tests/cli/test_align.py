"""`goalwriter align`: the contract's JSON, CSV and table output, user words, and one clear line on bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from goalwriter.cli import main

ROUTINES = (
    "id,classroom,name,description,days,start,end\n"
    "r1,rm1,Arrival,Coats off and folders in the bin,daily,8:00,8:15\n"
    "r2,rm1,Writing block,Journals,M-F,9:00,9:40\n"
    "r3,rm1,Recess,Playground,daily,10:00,10:20\n"
    "r4,rm1,Motor Lab,,Tue,13:00,13:30\n"
    "r5,rm2,Lunch,,,11:30,12:00\n"
)
GOALS = (
    "id,student,classroom,text,domain\n"
    "g1,A.,rm1,Will zip his coat and put on his boots 4 of 5 trials.,self-care\n"
    "g2,A.,rm1,Will form lowercase letters legibly in journal entries.,handwriting\n"
    "g3,B.,rm2,Will open his milk carton and thermos.,\n"
    "g4,B.,rm2,Will brush his teeth for two minutes.,hygiene\n"
    "g5,C.,rm1,Will catch and throw a playground ball.,\n"
)


@pytest.fixture
def files(tmp_path):
    goals, routines = tmp_path / "goals.csv", tmp_path / "routines.csv"
    goals.write_text(GOALS, encoding="utf-8")
    routines.write_text(ROUTINES, encoding="utf-8")
    return goals, routines


def run_cli(*args):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "goalwriter", *args], capture_output=True, text=True, env=env)


def test_json_is_exactly_the_contract(files):
    goals, routines = files
    result = run_cli("align", "--goals", str(goals), "--routines", str(routines), "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"goals"}
    assert [g["id"] for g in out["goals"]] == ["g1", "g2", "g3", "g4", "g5"]
    for goal in out["goals"]:
        assert set(goal) == {"id", "classroom", "matches", "never_in_class"}
        assert goal["never_in_class"] == (goal["matches"] == [])
        values = [m["score"] for m in goal["matches"]]
        assert values == sorted(values, reverse=True)
        for match in goal["matches"]:
            assert set(match) == {"routine", "score", "why"}
            assert 0 <= match["score"] <= 1 and match["why"] and all(isinstance(w, str) for w in match["why"])
    by_id = {g["id"]: g for g in out["goals"]}
    assert by_id["g1"]["classroom"] == "rm1"
    assert "r3" in {m["routine"] for m in by_id["g1"]["matches"]}
    assert "r2" not in {m["routine"] for m in by_id["g1"]["matches"]}
    assert [m["routine"] for m in by_id["g2"]["matches"]] == ["r2"]
    assert [m["routine"] for m in by_id["g3"]["matches"]] == ["r5"]
    assert by_id["g4"]["never_in_class"] is True
    assert by_id["g5"]["never_in_class"] is True  # "Motor Lab" means nothing yet


def test_lexicon_file_adds_the_schools_own_words(files, tmp_path, capsys):
    goals, routines = files
    ours = tmp_path / "ours.toml"
    ours.write_text('# our PE is called Motor Lab\n[activity.pe]\nwords = ["Motor Lab"]\n', encoding="utf-8")
    args = ["align", "--goals", str(goals), "--routines", str(routines), "--format", "json", "--lexicon", str(ours)]
    assert main(args) == 0
    by_id = {g["id"]: g for g in json.loads(capsys.readouterr().out)["goals"]}
    assert by_id["g5"]["matches"][0]["routine"] == "r4"
    assert any("Motor Lab" in w for w in by_id["g5"]["matches"][0]["why"])


def test_csv_has_one_row_per_match_and_one_per_goal_without(files, capsys):
    goals, routines = files
    assert main(["align", "--goals", str(goals), "--routines", str(routines), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert set(rows[0]) >= {"goal_id", "classroom", "routine_id", "score", "why", "never_in_class", "thin_coverage"}
    never = [r for r in rows if r["goal_id"] == "g4"]
    assert len(never) == 1 and never[0]["routine_id"] == "" and never[0]["never_in_class"] == "true"
    g2 = [r for r in rows if r["goal_id"] == "g2"]
    assert [r["routine_id"] for r in g2] == ["r2"] and g2[0]["never_in_class"] == "false"


def test_table_is_the_default_and_shows_flags_and_reasons(files, capsys):
    goals, routines = files
    assert main(["align", "--goals", str(goals), "--routines", str(routines)]) == 0
    out = capsys.readouterr().out
    assert "g4 (rm2)" in out and "never comes up in class" in out
    assert "Writing block" in out and "→" in out
    assert "thin coverage" not in out.split("g3 (rm2)")[1].split("g4")[0]


def test_thin_coverage_shows_in_table_and_csv(tmp_path, capsys):
    (tmp_path / "r.csv").write_text("id,classroom,name,days\nr1,c,Cooking,Fri\nr2,c,Lunch,\n", encoding="utf-8")
    (tmp_path / "g.csv").write_text("id,student,classroom,text\ng1,s,c,Will follow a recipe.\n", encoding="utf-8")
    args = ["align", "--goals", str(tmp_path / "g.csv"), "--routines", str(tmp_path / "r.csv")]
    assert main([*args, "--format", "table"]) == 0
    assert "thin coverage" in capsys.readouterr().out
    assert main([*args, "--format", "csv"]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["thin_coverage"], row["opportunities_per_week"]) == ("true", "1")


@pytest.mark.parametrize(
    ("which", "content", "expected"),
    [
        (
            "routines",
            ROUTINES.replace("id,classroom,name,", "id,classroom,"),
            "routines.csv, line 1: missing column name",
        ),
        ("goals", GOALS.replace("rm2", "rm9"), "goals.csv, line 4: unknown classroom 'rm9'"),
        ("goals", GOALS.replace("g2,A.,", "g2,,"), "goals.csv, line 3: the required field student is empty"),
        (
            "routines",
            ROUTINES.encode("utf-8") + "r9,rm1,Caf\xe9\n".encode("latin-1"),
            "routines.csv, line 7: not UTF-8",
        ),
        ("routines", ROUTINES.replace("daily,8:00", "somedays,8:00"), "routines.csv, line 2: days 'somedays'"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_nothing_on_stdout(files, capsys, which, content, expected):
    goals, routines = files
    target = goals if which == "goals" else routines
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    assert main(["align", "--goals", str(goals), "--routines", str(routines), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert expected in lines[0] and str(target.parent) in lines[0]


def test_bad_input_from_the_shell_is_one_line_with_status_2(files):
    goals, routines = files
    goals.write_text(GOALS.replace("rm2", "rm9"), encoding="utf-8")
    result = run_cli("align", "--goals", str(goals), "--routines", str(routines), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"goalwriter: error: {goals}, line 4: unknown classroom 'rm9': no routine in the routines file has it"
    ]


def test_bad_lexicon_file_is_one_line_too(files, tmp_path, capsys):
    goals, routines = files
    ours = tmp_path / "ours.toml"
    ours.write_text('[activity.no_such_block]\nwords = ["x y"]\n', encoding="utf-8")
    assert main(["align", "--goals", str(goals), "--routines", str(routines), "--lexicon", str(ours)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "ours.toml" in err and "no_such_block" in err


def test_missing_arguments_and_bad_threshold(files, capsys):
    goals, routines = files
    with pytest.raises(SystemExit) as info:
        main(["align", "--goals", str(goals)])
    assert info.value.code == 2
    assert main(["align", "--goals", str(goals), "--routines", str(routines), "--threshold", "7"]) == 2
    assert "threshold" in capsys.readouterr().err
