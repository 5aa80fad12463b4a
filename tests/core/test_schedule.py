"""routine_problems: what the routine editor shows beside each block."""

from __future__ import annotations

from types import SimpleNamespace

from goalwriter.core.schedule import routine_problems
from goalwriter.io.routine_import import RoutineDraft
from goalwriter.services.records import RoutineRec


def block(id, name, start="", end="", days=""):
    return SimpleNamespace(id=id, name=name, start=start, end=end, days=days)


def test_a_clean_day_has_no_problems():
    day = [
        block(1, "Arrival", "08:00", "08:20"),
        block(2, "Morning meeting", "08:20", "08:45"),  # touching is not overlapping
        block(3, "Art", "09:00", "09:45", "Mon"),
        block(4, "PE", "09:00", "09:45", "Tue, Thu"),  # same time, other days
        block(5, "Quiet reading"),  # no times: nothing to check
    ]
    assert routine_problems(day) == {}


def test_unreadable_times_and_days():
    problems = routine_problems([
        block(1, "Snack", "10:7x", "11:00"),
        block(2, "Lunch", "11:30", "half past"),
        block(3, "Music", "13:00", "13:30", "Funday"),
    ])
    assert set(problems) == {1, 2, 3}
    assert problems[1][0].startswith("start time: cannot read '10:7x'")
    assert problems[2][0].startswith("end time: cannot read 'half past'")
    assert problems[3] == ["days: cannot read 'funday' as a day of the week"]


def test_end_before_start_and_no_length():
    problems = routine_problems([block(1, "Recess", "10:45", "10:15"), block(2, "Bell", "11:00", "11:00")])
    assert problems[1] == ["ends (10:15) before it starts (10:45)"]
    assert problems[2] == ["starts and ends at the same time (11:00)"]


def test_overlaps_name_the_other_block_and_the_shared_days():
    problems = routine_problems([
        block(1, "Centers", "09:00", "10:00", "Mon-Fri"),
        block(2, "Small group", "09:30", "10:15", "M/W/F"),
        block(3, "Recess", "10:15", "10:45"),
    ])
    assert problems == {
        1: ["overlaps Small group (09:30–10:15) on Mon, Wed, Fri"],
        2: ["overlaps Centers (09:00–10:00) on Mon, Wed, Fri"],
    }


def test_times_as_typed_are_read_on_the_school_day():
    # 1:00 is 13:00, so Rest time (12:00-1:00) and Story time (1:00-1:20) touch without overlapping
    day = [
        block(1, "Rest time", "12:00", "1:00"),
        block(2, "Story time", "1:00", "1:20"),
        block(3, "Walk", "12:30", "12:40"),
    ]
    problems = routine_problems(day)
    assert list(problems) == [1, 3]
    assert problems[3] == ["overlaps Rest time (12:00–13:00) on Mon-Fri"]


def test_a_block_overlapping_several_lists_each():
    problems = routine_problems([
        block(1, "Long block", "08:00", "12:00"),
        block(2, "A", "08:30", "09:00"),
        block(3, "B", "10:00", "10:30"),
    ])
    assert len(problems[1]) == 2
    assert "overlaps A" in problems[1][0] and "overlaps B" in problems[1][1]


def test_works_on_records_and_drafts():
    rec = RoutineRec(7, 1, "Lunch", "", "daily", "11:30", "11:00", 0, 1)
    assert routine_problems([rec]) == {7: ["ends (11:00) before it starts (11:30)"]}
    draft = RoutineDraft("Lunch", "", "Mon", "11:30", "12:00", 4)
    draft_with_id = SimpleNamespace(id="line 4", **{k: getattr(draft, k) for k in ("name", "days", "start", "end")})
    assert routine_problems([draft_with_id]) == {}
