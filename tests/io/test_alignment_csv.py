"""goals.csv and routines.csv as the alignment file contract defines them, and every way they can be wrong."""

from __future__ import annotations

import pytest

from goalwriter.io.alignment_csv import AlignmentFileError, read_alignment_files, read_goals, read_routines
from goalwriter.store.errors import GoalwriterError

ROUTINES = (
    "id,classroom,name,description,days,start,end\n"
    'r1,k-2,Arrival,"Coats off, folders in the bin",daily,8:00,8:15\n'
    "r2,k-2,Recess,,M/W/F,10:00 am,10:20 am\n"
    "r3,gr5,Lunch,,,12:10 pm,12:40 pm\n"
)
GOALS = (
    "id,student,classroom,text,domain\n"
    'g1,A.B.,k-2,"Will zip his coat, 4 of 5 trials.",self-care\n'
    "g2,C.D.,gr5,Will open his milk carton.,\n"
)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_reads_both_files_in_order(tmp_path):
    goals, routines = read_alignment_files(write(tmp_path, "g.csv", GOALS), write(tmp_path, "r.csv", ROUTINES))
    assert [g.id for g in goals] == ["g1", "g2"]
    assert goals[0].text == "Will zip his coat, 4 of 5 trials." and goals[0].domain == "self-care"
    assert goals[1].domain == ""
    assert [r.id for r in routines] == ["r1", "r2", "r3"]
    assert routines[0].description == "Coats off, folders in the bin"
    assert (routines[1].days, routines[1].start) == ("M/W/F", "10:00 am")
    assert routines[2].days == ""


def test_optional_columns_may_be_left_out_and_extra_ones_are_ignored(tmp_path):
    routines = read_routines(write(tmp_path, "r.csv", "ID, Classroom ,Name,room\nr1,c,Lunch,214\n"))
    assert routines[0].name == "Lunch" and routines[0].description == "" and routines[0].days == ""
    goals = read_goals(write(tmp_path, "g.csv", "id,student,classroom,text\ng1,s,c,Will eat.\n"), {"c"})
    assert goals[0].domain == ""


def test_byte_order_mark_quoting_and_multiline_fields(tmp_path):
    text = '\ufeffid,student,classroom,text\ng1,s,c,"Line one,\nline ""two"""\n\ng2,s,c,Short\n'
    goals = read_goals(write(tmp_path, "g.csv", text))
    assert goals[0].text == 'Line one,\nline "two"'
    assert goals[1].line == 5


@pytest.mark.parametrize(
    ("goals", "routines", "where", "problem"),
    [
        (GOALS, "id,classroom,description\nr1,c,x\n", "r.csv, line 1", "missing column name"),
        ("id,student,text\ng1,s,x\n", ROUTINES, "g.csv, line 1", "missing column classroom"),
        (GOALS.replace("gr5", "gr6"), ROUTINES, "g.csv, line 3", "unknown classroom 'gr6'"),
        (GOALS.replace("A.B.", ""), ROUTINES, "g.csv, line 2", "required field student is empty"),
        (GOALS, ROUTINES.replace("Recess", ""), "r.csv, line 3", "required field name is empty"),
        (GOALS + "g1,E.F.,k-2,Again.,\n", ROUTINES, "g.csv, line 4", "goal id 'g1' is already used on line 2"),
        (GOALS, ROUTINES.replace("M/W/F", "Moonday"), "r.csv, line 3", "days 'Moonday'"),
        (GOALS, ROUTINES.replace("8:15", "25:00"), "r.csv, line 2", "end '25:00' is not a time"),
        (GOALS, "", "r.csv, line 1", "the file is empty"),
        (GOALS, ROUTINES + "r4,k-2,Snack,,,,,extra\n", "r.csv, line 5", "fields but the header has 7"),
    ],
)
def test_bad_input_names_file_line_and_problem(tmp_path, goals, routines, where, problem):
    with pytest.raises(AlignmentFileError) as info:
        read_alignment_files(write(tmp_path, "g.csv", goals), write(tmp_path, "r.csv", routines))
    message = str(info.value)
    assert where in message and problem in message
    assert isinstance(info.value, GoalwriterError)
    assert "\n" not in message


def test_undecodable_file_gives_the_line_of_the_bad_byte(tmp_path):
    data = "id,classroom,name\nr1,c,Lunch\nr2,c,Caf\xe9\n".encode("latin-1")
    with pytest.raises(AlignmentFileError, match=r"r.csv, line 3: not UTF-8 text \(byte 0xe9\)"):
        read_routines(write(tmp_path, "r.csv", data))


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(AlignmentFileError, match="cannot read the file"):
        read_routines(tmp_path / "nope.csv")


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(AlignmentFileError, match="not a text file"):
        read_routines(write(tmp_path, "r.csv", b"id,classroom,name\n\x00\x01"))
