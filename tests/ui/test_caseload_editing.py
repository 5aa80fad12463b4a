"""Adding and editing schools, classrooms and students through the real window, with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from goalwriter.services import queries
from goalwriter.ui import dialogs
from goalwriter.ui.details_dialogs import ClassroomDialog, StudentDialog


def student_named(store, name):
    return next(s for s in queries.list_students(store) if s.name == name)


def test_add_a_student_with_dates_and_service(window, demo_store, monkeypatch):
    ws = window.workspace
    room = queries.list_classrooms(demo_store)[0]
    ws.caseload_tree.select("classroom", room.id)
    values = {
        "name": "Zoë Ní Bhriain", "initials": "", "grade": "Pre-K", "iep_meeting_date": dt.date(2027, 4, 1),
        "annual_review_date": dt.date(2028, 3, 31), "service_minutes": 45, "service_model": "push-in",
    }
    monkeypatch.setattr(StudentDialog, "ask", classmethod(lambda cls, parent, *a: (dict(values), True)))
    ws.add_student()
    student = student_named(demo_store, "Zoë Ní Bhriain")
    assert student.initials == "Z.B." and student.annual_review_date == dt.date(2028, 3, 31)
    assert [(s.minutes_per_week, s.model) for s in queries.list_services(demo_store, student.id)] == [(45, "push-in")]
    assert "Zoë Ní Bhriain" in ws.student_page.header.text()
    window.undo_stack.undo()
    assert all(s.name != "Zoë Ní Bhriain" for s in queries.list_students(demo_store))


def test_edit_student_details_and_service_in_one_undo_step(window, demo_store, monkeypatch, qtbot):
    ws = window.workspace
    maya = student_named(demo_store, "Maya Rivera")
    ws.open_student(maya.id)

    def ask(cls, parent, student=None, service=None):
        dialog = cls(parent, student, service)
        dialog.grade.setText("K")
        dialog.minutes.setValue(90)
        dialog.model.setCurrentText("consult")
        return dialog.values(), True

    monkeypatch.setattr(StudentDialog, "ask", classmethod(ask))
    qtbot.mouseClick(ws.student_page.details_button, Qt.MouseButton.LeftButton)
    assert queries.get_student(demo_store, maya.id).grade == "K"
    assert [(s.minutes_per_week, s.model) for s in queries.list_services(demo_store, maya.id)] == [(90, "consult")]
    window.undo_stack.undo()
    assert queries.get_student(demo_store, maya.id).grade == "Pre-K"
    assert [(s.minutes_per_week, s.model) for s in queries.list_services(demo_store, maya.id)] == [(60, "push-in")]


def test_student_form_refuses_a_review_before_the_meeting(qtbot):
    dialog = StudentDialog(None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ana")
    dialog.meeting.setDate(dt.date(2027, 5, 1))
    dialog.review.setDate(dt.date(2027, 1, 1))
    dialog.buttons.accepted.emit()
    assert "annual review" in dialog.message.text().lower()
    assert dialog.result() == 0


def test_edit_classroom_and_rename_school(window, demo_store, monkeypatch):
    ws = window.workspace
    room = queries.list_classrooms(demo_store)[0]
    ws.caseload_tree.select("classroom", room.id)
    monkeypatch.setattr(ClassroomDialog, "ask", classmethod(
        lambda cls, parent, classroom=None: ({"name": "Pre-K Room 5", "teacher": "Ms. Ortiz", "grade": "PK"}, True)))
    ws.edit_selected()
    assert queries.get_classroom(demo_store, room.id).teacher == "Ms. Ortiz"
    assert ws.caseload_tree.find("classroom", room.id).text(0).startswith("Pre-K Room 5")
    school = queries.list_schools(demo_store)[0]
    ws.caseload_tree.select("school", school.id)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: ("Maple Grove Primary", True))
    ws.edit_selected()
    assert queries.get_school(demo_store, school.id).name == "Maple Grove Primary"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert queries.get_classroom(demo_store, room.id).teacher == "Ms. Delgado"
    assert queries.get_school(demo_store, school.id).name == "Maple Grove Elementary"


def test_delete_a_student_and_undo(window, demo_store, monkeypatch):
    ws = window.workspace
    theo = student_named(demo_store, "Theo Grant")
    ws.caseload_tree.select("student", theo.id)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    ws.delete_selected()
    assert all(s.id != theo.id for s in queries.list_students(demo_store))
    window.undo_stack.undo()
    assert len(queries.list_goals(demo_store, theo.id)) == 3


def test_tools_menu_opens_the_school_words_dialog(window, monkeypatch):
    from goalwriter.ui.lexicon_dialog import LexiconDialog

    opened = []
    monkeypatch.setattr(LexiconDialog, "run", classmethod(lambda cls, *args: opened.append(args) or (None, True)))
    window.workspace.user_words_action.trigger()
    assert opened and opened[0][1] is window.store
