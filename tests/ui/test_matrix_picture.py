"""The matrix picture: a real PNG of plausible size, with the flagged goals marked in red."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from goalwriter.services import alignment, caseload, goals, queries
from goalwriter.services.alignment import student_matrix
from goalwriter.ui.matrix_picture import FLAG, render_matrix_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def load(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


def count_colour(image: QImage, colour: QColor, step: int = 2) -> int:
    target = colour.rgb()
    return sum(
        1 for y in range(0, image.height(), step) for x in range(0, image.width(), step) if image.pixel(x, y) == target
    )


def dark_pixels(image: QImage, step: int = 3) -> int:
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def test_a_demo_student_renders_to_a_png_file_and_bytes(qapp, demo_store, tmp_path):
    student = next(s for s in queries.list_students(demo_store) if s.name == "Jayden Brooks")
    matrix = student_matrix(demo_store, student.id)
    path = tmp_path / "out" / "matrix.png"
    data = render_matrix_png(matrix, str(path))
    assert data.startswith(PNG_MAGIC)
    assert path.read_bytes() == data
    image = load(data)
    assert image.width() == 1600
    assert 400 <= image.height() <= 2000
    assert 20_000 < len(data) < 2_000_000
    assert dark_pixels(image) > 2000  # text and symbols, not an empty canvas
    small = load(render_matrix_png(matrix, None, width=800))
    assert small.width() == 800 and small.height() < image.height()


def test_flagged_goals_are_marked_in_red(qapp, demo_store):
    student = next(s for s in queries.list_students(demo_store) if s.name == "Maya Rivera")
    before = student_matrix(demo_store, student.id)
    clean = render_matrix_png(before, None)
    row = next(r for r in before.rows if r.addressed)
    for cell in row.addressed:
        alignment.set_alignment(demo_store, cell.goal_id, cell.routine_id, state="rejected")
    flagged = student_matrix(demo_store, student.id)
    assert flagged.row(row.goal.id).flag
    red_before = count_colour(load(clean), FLAG)
    red_after = count_colour(load(render_matrix_png(flagged, None)), FLAG)
    assert red_after > red_before + 100


def test_a_class_without_routines_or_goals_still_renders(qapp, demo_store):
    school = caseload.add_school(demo_store, "Oak Hill")
    room = caseload.add_classroom(demo_store, school.id, "Room 1", "Ms. Ito")
    pupil = caseload.add_student(demo_store, room.id, "Noa Ito")
    empty = load(render_matrix_png(student_matrix(demo_store, pupil.id), None))
    assert empty.width() == 1600 and empty.height() > 150
    goals.add_goal(demo_store, pupil.id, area="Fine motor", behavior="cut on a line")
    one = load(render_matrix_png(student_matrix(demo_store, pupil.id), None))
    assert one.height() >= empty.height()
    assert count_colour(one, FLAG) > 50  # "the classroom has no routines yet" flags the goal
