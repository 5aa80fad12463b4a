"""import_routines: one transaction, all or nothing; replace; undo and redo with the same records."""

from __future__ import annotations

import pytest

from goalwriter.io.routine_import import RoutineDraft
from goalwriter.services import queries
from goalwriter.services import routine_import as service
from goalwriter.services.caseload import add_classroom, add_school
from goalwriter.services.routine_import import import_routines, redo_import, undo_import
from goalwriter.services.routines import add_routine
from goalwriter.store import models as m
from goalwriter.store.errors import NotFoundError, ValidationError

DRAFTS = [
    RoutineDraft("Arrival", "coats and folders", "daily", "8:00", "8:20", 2),
    RoutineDraft("Morning meeting", "", "M-F", "08:20", "08:45", 3),
    RoutineDraft("Art", "", "Mon", "1:00 pm", "13:45", 4),
]


@pytest.fixture
def classroom(any_store):
    school = add_school(any_store, "Maple Grove")
    room = add_classroom(any_store, school.id, "Room 4")
    add_routine(any_store, room.id, "Old arrival", days="Mon-Fri", start="08:00", end="08:30")
    add_routine(any_store, room.id, "Old recess", days="Mon-Fri", start="10:00", end="10:30")
    return room


def routines(store, classroom_id):
    return [(r.name, r.days, r.start, r.end, r.position) for r in queries.list_routines(store, classroom_id)]


def add_goal_with_decision(store, classroom_id, routine_id, state="confirmed"):
    with store.session() as session:
        student = m.Student(classroom_id=classroom_id, name="Maya Rivera", initials="MR")
        session.add(student)
        session.flush()
        goal = m.Goal(student_id=student.id, behavior="fasten a zipper")
        session.add(goal)
        session.flush()
        session.add(m.Alignment(goal_id=goal.id, routine_id=routine_id, state=state, note="coat at arrival"))
        return goal.id


def test_append_after_the_existing_routines_in_their_stored_form(any_store, classroom):
    changes = []
    any_store.events.subscribe(changes.append)
    result = import_routines(any_store, classroom.id, DRAFTS)
    assert [r.name for r in result] == ["Arrival", "Morning meeting", "Art"]
    assert len(result) == 3 and result[0].position == 2
    assert routines(any_store, classroom.id)[2:] == [
        ("Arrival", "Mon-Fri", "08:00", "08:20", 2),
        ("Morning meeting", "Mon-Fri", "08:20", "08:45", 3),
        ("Art", "Mon", "13:00", "13:45", 4),
    ]
    assert [(c.kind, c.action, c.ids, c.parent_id) for c in changes] == [
        ("routine", "imported", result.ids, classroom.id)
    ]
    assert result.replaced_count == 0


def test_replace_removes_the_old_day_and_undo_brings_it_back_with_decisions(any_store, classroom):
    old = queries.list_routines(any_store, classroom.id)
    goal_id = add_goal_with_decision(any_store, classroom.id, old[0].id)
    before = routines(any_store, classroom.id)
    result = import_routines(any_store, classroom.id, DRAFTS, replace=True)
    assert result.replaced_count == 2
    assert [r[0] for r in routines(any_store, classroom.id)] == ["Arrival", "Morning meeting", "Art"]
    assert queries.list_alignments(any_store, [goal_id]) == []

    undone = undo_import(any_store, result)
    assert routines(any_store, classroom.id) == before
    restored = queries.list_alignments(any_store, [goal_id])
    assert [(a.routine_id, a.state, a.note) for a in restored] == [(old[0].id, "confirmed", "coat at arrival")]

    redone = redo_import(any_store, undone)
    assert redone.ids == result.ids  # the very same records come back
    assert [r[0] for r in routines(any_store, classroom.id)] == ["Arrival", "Morning meeting", "Art"]
    assert undo_import(any_store, redone) and routines(any_store, classroom.id) == before


def test_decisions_made_on_imported_routines_survive_undo_and_redo(any_store, classroom):
    result = import_routines(any_store, classroom.id, DRAFTS)
    goal_id = add_goal_with_decision(any_store, classroom.id, result[0].id, state="rejected")
    undone = undo_import(any_store, result)
    assert len(queries.list_routines(any_store, classroom.id)) == 2
    assert queries.list_alignments(any_store, [goal_id]) == []
    redo_import(any_store, undone)
    assert [(a.routine_id, a.state) for a in queries.list_alignments(any_store, [goal_id])] == [
        (result[0].id, "rejected")
    ]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (RoutineDraft("", "", "", "9:00", "9:30", 7), "line 7: a block needs a name"),
        (RoutineDraft("x" * 201, "", "", "", "", 8), "line 8: the block name is longer than 200 characters"),
        (RoutineDraft("Snack", "", "", "9:7x", "", 9), "line 9: start time: cannot read '9:7x'"),
        (RoutineDraft("Snack", "", "Mon-Fri " * 10, "", "", 10), "line 10: the days"),
    ],
)
def test_a_bad_draft_changes_nothing(any_store, classroom, bad, message):
    before = routines(any_store, classroom.id)
    with pytest.raises(ValidationError) as info:
        import_routines(any_store, classroom.id, [*DRAFTS, bad], replace=True)
    assert str(info.value).startswith(message)
    assert routines(any_store, classroom.id) == before


def test_a_failure_part_way_through_the_transaction_changes_nothing(any_store, classroom, monkeypatch):
    before = routines(any_store, classroom.id)
    real = service._new_rows

    def failing(classroom_id, base, values):
        rows = real(classroom_id, base, values)
        rows[1]["classroom_id"] = 999_999  # no such classroom: the insert fails after the old day was removed
        return rows

    monkeypatch.setattr(service, "_new_rows", failing)
    with pytest.raises(Exception) as info:
        import_routines(any_store, classroom.id, DRAFTS, replace=True)
    assert "FOREIGN KEY" in str(info.value).upper()
    assert routines(any_store, classroom.id) == before


def test_unknown_classroom_and_nothing_to_import(any_store, classroom):
    with pytest.raises(NotFoundError, match="no classroom with id 4242"):
        import_routines(any_store, 4242, DRAFTS)
    with pytest.raises(ValidationError, match="there are no blocks to import"):
        import_routines(any_store, classroom.id, [], replace=True)
    assert len(queries.list_routines(any_store, classroom.id)) == 2


def test_unreadable_days_are_kept_as_written_for_the_editor_to_flag(any_store, classroom):
    result = import_routines(any_store, classroom.id, [RoutineDraft("Music", "", "every other Friday", "", "", 3)])
    assert result[0].days == "every other Friday"


def test_ten_thousand_routines_in_one_import(store):
    room = add_classroom(store, add_school(store, "Big school").id, "Room 1")
    drafts = [RoutineDraft(f"Block {i}", "", "M/W/F", "09:00", "09:10", i + 2) for i in range(10_000)]
    result = import_routines(store, room.id, drafts)
    assert len(result) == 10_000 and result[-1].position == 9_999
    assert len(queries.list_routines(store, room.id)) == 10_000
    undo_import(store, result)
    assert queries.list_routines(store, room.id) == []
