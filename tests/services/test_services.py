"""Service functions: one per user-level change, each in its own session, with conflict detection."""

from __future__ import annotations

import datetime as dt

import pytest

from goalwriter.services import caseload, goals, queries, routines
from goalwriter.store import ConflictError, NotFoundError, open_store
from goalwriter.store.errors import ValidationError


@pytest.fixture
def student(any_store):
    school = caseload.add_school(any_store, "Lincoln Elementary")
    room = caseload.add_classroom(any_store, school.id, "Grade 1 B", "Mr. Lee", "1")
    return caseload.add_student(any_store, room.id, "Maya Rivera", iep_meeting_date=dt.date(2027, 3, 4))


def test_create_edit_reorder_delete_every_kind(any_store, student):
    store = any_store
    assert student.initials == "M.R."
    g1 = goals.add_goal(store, student.id, area="Fine motor", behavior="snip paper", criterion="in 4 of 5 trials")
    g2 = goals.add_goal(store, student.id, area="Self-care", behavior="zip her coat")
    assert g1.text == "Maya will snip paper in 4 of 5 trials."
    assert [g.id for g in queries.list_goals(store, student.id)] == [g1.id, g2.id]
    goals.move_goal(store, g2.id, 0)
    assert [g.id for g in queries.list_goals(store, student.id)] == [g2.id, g1.id]

    o1 = goals.add_objective(store, g1.id, "snip 5 times")
    o2 = goals.add_objective(store, g1.id, "cut a strip")
    goals.edit_objective(store, o1.id, o1.version, "snip 10 times")
    goals.move_objective(store, o2.id, 0)
    assert [o.text for o in queries.list_objectives(store, g1.id)] == ["cut a strip", "snip 10 times"]
    goals.delete_objective(store, o2.id)
    assert [o.text for o in queries.list_objectives(store, g1.id)] == ["snip 10 times"]

    room_id = student.classroom_id
    r1 = routines.add_routine(store, room_id, "Arrival", days="Mon-Fri", start="8:00", end="8:20")
    r2 = routines.add_routine(store, room_id, "Lunch", start="11:30", end="12:00")
    routines.update_routine(store, r2.id, r2.version, description="Cafeteria")
    dup = routines.duplicate_routine(store, r1.id)
    assert [r.name for r in queries.list_routines(store, room_id)] == ["Arrival", "Arrival", "Lunch"]
    routines.move_routine(store, r2.id, 0)
    routines.delete_routine(store, dup.id)
    assert [r.name for r in queries.list_routines(store, room_id)] == ["Lunch", "Arrival"]
    assert [r.position for r in queries.list_routines(store, room_id)] == [0, 1]

    caseload.update_student(store, student.id, student.version, grade="1")
    school = queries.list_schools(store)[0]
    caseload.rename_school(store, school.id, school.version, "Lincoln Elem.")
    assert queries.get_school(store, school.id).name == "Lincoln Elem."


def test_delete_and_restore_brings_back_the_whole_subtree(any_store, student):
    g = goals.add_goal(any_store, student.id, behavior="snip paper")
    goals.add_objective(any_store, g.id, "snip 5 times")
    snapshot = caseload.delete_student(any_store, student.id)
    assert queries.list_goals(any_store, student.id) == []
    caseload.restore(any_store, snapshot)
    restored = queries.list_goals(any_store, student.id)
    assert [x.id for x in restored] == [g.id]
    assert [o.text for o in queries.list_objectives(any_store, g.id)] == ["snip 5 times"]


def test_hand_edited_sentence_is_not_overwritten_by_part_edits(store):
    school = caseload.add_school(store, "S")
    room = caseload.add_classroom(store, school.id, "R")
    kid = caseload.add_student(store, room.id, "Theo Grant")
    g = goals.add_goal(store, kid.id, behavior="stay seated")
    g = goals.update_goal(store, g.id, g.version, text="Theo will stay seated at circle.")
    assert g.text_edited
    g = goals.update_goal(store, g.id, g.version, criterion="for 10 minutes")
    assert g.text == "Theo will stay seated at circle."
    g = goals.recompose_goal_text(store, g.id, g.version)
    assert g.text == "Theo will stay seated for 10 minutes." and not g.text_edited


def test_stale_write_is_refused_and_changes_nothing(any_url):
    """Two users (two stores, two sessions) edit the same goal; the second, stale write is refused."""
    first = open_store(any_url)
    second = open_store(any_url)
    try:
        school = caseload.add_school(first, "S")
        room = caseload.add_classroom(first, school.id, "R")
        kid = caseload.add_student(first, room.id, "Ana Diaz")
        goal = goals.add_goal(first, kid.id, behavior="zip her coat")
        seen_by_second = queries.get_goal(second, goal.id)
        goals.update_goal(first, goal.id, goal.version, criterion="in 4 of 5 trials")
        with pytest.raises(ConflictError, match="changed elsewhere"):
            goals.update_goal(second, goal.id, seen_by_second.version, criterion="daily")
        with pytest.raises(ConflictError):
            goals.delete_goal(second, goal.id, seen_by_second.version)
        now = queries.get_goal(second, goal.id)
        assert now.criterion == "in 4 of 5 trials"
        assert now.version == goal.version + 1
    finally:
        first.close()
        second.close()


def test_unknown_ids_and_bad_values(store):
    with pytest.raises(NotFoundError):
        goals.update_goal(store, 12345, None, behavior="x")
    with pytest.raises(NotFoundError):
        caseload.add_classroom(store, 999, "R")
    with pytest.raises(ValidationError):
        caseload.add_school(store, "   ")


def test_services_emit_change_events(store):
    seen = []
    store.events.subscribe(seen.append)
    school = caseload.add_school(store, "S")
    caseload.rename_school(store, school.id, school.version, "T")
    assert [(c.kind, c.action) for c in seen] == [("school", "added"), ("school", "updated")]


@pytest.mark.parametrize(
    ("name", "initials"),
    [("Maya Rivera", "M.R."), ("José Núñez-Ortiz", "J.N."), ("Liam O'Brien", "L.O."), ("Theo", "T.")],
)
def test_initials_of(name, initials):
    assert caseload.initials_of(name) == initials


def test_a_student_has_one_service_record_and_zero_minutes_removes_it(any_store, student):
    caseload.set_service(any_store, student.id, 60, "push-in")
    caseload.set_service(any_store, student.id, 30, "consult")
    services = queries.list_services(any_store, student.id)
    assert [(s.minutes_per_week, s.model) for s in services] == [(30, "consult")]
    assert caseload.set_service(any_store, student.id, 0) is None
    assert queries.list_services(any_store, student.id) == []
    with pytest.raises(ValidationError):
        caseload.set_service(any_store, student.id, 30, "teletherapy")
