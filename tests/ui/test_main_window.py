"""The main window driven the way a person does (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QListWidget, QTreeWidget, QWidget

from goalwriter.app import build_main_window
from goalwriter.services import queries


def test_main_widgets_have_stable_names(window):
    for name in ("caseloadTree", "studentPage", "goalList", "routineList"):
        assert window.findChild(QWidget, name) is not None, name


def test_clicking_a_student_shows_their_goals_and_the_class_day(window, qtbot, demo_store):
    tree = window.findChild(QTreeWidget, "caseloadTree")
    student = next(s for s in queries.list_students(demo_store) if s.name == "Jayden Brooks")
    item = tree.find("student", student.id)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget().objectName() == "studentPage"
    goal_list = window.findChild(QListWidget, "goalList")
    expected = queries.list_goals(demo_store, student.id)
    assert goal_list.count() == len(expected) == 3
    assert "Handwriting" in goal_list.item(0).text()
    routine_list = window.findChild(QListWidget, "routineList")
    names = [routine_list.item(i).text() for i in range(routine_list.count())]
    assert any("Writer's Workshop" in n for n in names)
    assert "Jayden Brooks" in window.student_page.header.text()


def test_empty_database_offers_the_sample_caseload(qtbot, sqlite_url):
    w = build_main_window(sqlite_url)
    qtbot.addWidget(w)
    w.show()
    assert w.welcome.load_demo_button.isVisible()
    qtbot.mouseClick(w.welcome.load_demo_button, Qt.MouseButton.LeftButton)
    assert len(queries.list_students(w.store)) == 8
    assert w.pages.currentWidget() is w.student_page
    assert w.findChild(QListWidget, "goalList").count() > 0
    w.close()
    w.store.close()


def test_window_geometry_is_remembered(qtbot, sqlite_url):
    QSettings().clear()
    w = build_main_window(sqlite_url)
    qtbot.addWidget(w)
    w.show()
    w.resize(700, 520)
    w.close()
    w.store.close()
    again = build_main_window(sqlite_url)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 520)
    again.store.close()
