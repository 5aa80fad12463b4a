"""Finding a student in a large caseload: the filter above the caseload tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from goalwriter.services import caseload, queries

ALL = ["Maya Rivera", "Theo Grant", "Jayden Brooks", "Sofia Ramos", "Ethan Park", "Ava Lindqvist", "Marcus Bell",
       "Lena Okafor"]


def test_typing_narrows_the_tree_and_enter_opens_the_student(window, qtbot):
    ws = window.workspace
    box = window.findChild(QLineEdit, "caseloadFilter")
    assert box is ws.caseload_filter and box.accessibleName()
    assert ws.caseload_tree.shown_students() == ALL
    qtbot.keyClicks(box, "SOFIA")
    assert ws.caseload_tree.shown_students() == ["Sofia Ramos"]
    sofia_id = next(s.id for s in queries.list_students(ws.store) if s.name == "Sofia Ramos")
    sofia = ws.caseload_tree.find("student", sofia_id)
    assert not sofia.parent().isHidden() and not sofia.parent().parent().isHidden()
    riverside = next(ws.caseload_tree.topLevelItem(i) for i in range(2)
                     if ws.caseload_tree.topLevelItem(i).text(0) == "Riverside Middle School")
    assert riverside.isHidden()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "Sofia Ramos" in ws.student_page.header.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and ws.caseload_tree.shown_students() == ALL


def test_classroom_or_school_words_and_several_words(window, qtbot):
    ws = window.workspace
    ws.caseload_filter.setText("life skills")
    assert ws.caseload_tree.shown_students() == ["Marcus Bell", "Lena Okafor"]
    ws.caseload_filter.setText("maple park")  # no student of Maple Grove is called Park
    assert ws.caseload_tree.shown_students() == []
    ws.caseload_filter.setText("riverside park")
    assert ws.caseload_tree.shown_students() == ["Ethan Park"]


def test_accents_and_case_do_not_matter_and_new_students_are_filtered_too(window, demo_store, qtbot):
    ws = window.workspace
    room = queries.list_classrooms(demo_store)[0]
    ws.caseload_filter.setText("nunez")
    assert ws.caseload_tree.shown_students() == []
    caseload.add_student(demo_store, room.id, name="José Núñez")
    qtbot.waitUntil(lambda: ws.caseload_tree.shown_students() == ["José Núñez"])
    caseload.add_student(demo_store, room.id, name="Ana Smith")
    qtbot.waitUntil(lambda: ws.caseload_tree.find(
        "student", next(s.id for s in queries.list_students(demo_store) if s.name == "Ana Smith")) is not None)
    assert ws.caseload_tree.shown_students() == ["José Núñez"]


def test_the_shortcut_and_the_down_key_reach_the_tree_without_the_mouse(window, qtbot):
    ws = window.workspace
    window.activateWindow()
    ws.find_student_action.trigger()
    assert ws.caseload_filter.hasFocus() or window.focusWidget() is ws.caseload_filter
    assert ws.find_student_action.shortcut().toString() == "Ctrl+Shift+F"
    qtbot.keyClicks(ws.caseload_filter, "okafor")
    qtbot.keyClick(ws.caseload_filter, Qt.Key.Key_Down)
    assert ws.caseload_tree.currentItem().text(0).startswith("Lena Okafor")
    assert "Lena Okafor" in ws.student_page.header.text()
