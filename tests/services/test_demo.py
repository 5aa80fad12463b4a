"""The sample caseload: what the first-run offer and `goalwriter demo` load, and what it shows off."""

from __future__ import annotations

from goalwriter.services import queries
from goalwriter.services.alignment import flagged_students, student_matrix


def test_shape_of_the_sample_caseload(demo_store):
    schools = queries.list_schools(demo_store)
    rooms = queries.list_classrooms(demo_store)
    students = queries.list_students(demo_store)
    assert (len(schools), len(rooms), len(students)) == (2, 4, 8)
    for room in rooms:
        assert 8 <= len(queries.list_routines(demo_store, room.id)) <= 14
    for student in students:
        assert 2 <= len(queries.list_goals(demo_store, student.id)) <= 4


def test_one_goal_never_comes_up_in_class_and_every_other_goal_does(demo_store):
    """The sample shows the flag once (Theo's computer-mouse goal in a pre-K day without computers);
    every other goal finds blocks of its own class's day."""
    theo = next(s for s in queries.list_students(demo_store) if s.name == "Theo Grant")
    assert flagged_students(demo_store) == {theo.id}
    flagged = []
    for student in queries.list_students(demo_store):
        for row in student_matrix(demo_store, student.id).rows:
            if row.flag:
                flagged.append((student.name, row.goal.behavior))
            else:
                assert row.addressed, (student.name, row.goal.text)
    assert flagged == [("Theo Grant", "use the mouse to click and drag pictures to a target on the screen")]
