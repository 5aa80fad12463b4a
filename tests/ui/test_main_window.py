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
    assert window.workspace.pages.currentWidget().objectName() == "studentPage"
    goal_list = window.findChild(QListWidget, "goalList")
    expected = queries.list_goals(demo_store, student.id)
    assert goal_list.count() == len(expected) == 3
    assert "Handwriting" in goal_list.item(0).text()
    routine_list = window.findChild(QListWidget, "routineList")
    names = [routine_list.item(i).text() for i in range(routine_list.count())]
    assert any("Writer's Workshop" in n for n in names)
    assert "Handwriting" in goal_list.currentItem().text()
    assert "Jayden Brooks" in window.workspace.student_page.header.text()


def test_empty_database_offers_the_sample_caseload(qtbot, sqlite_url):
    w = build_main_window(sqlite_url)
    qtbot.addWidget(w)
    w.show()
    welcome = w.workspace.welcome
    assert welcome.load_demo_button.isVisible()
    qtbot.mouseClick(welcome.load_demo_button, Qt.MouseButton.LeftButton)
    assert len(queries.list_students(w.store)) == 8
    assert w.workspace.pages.currentWidget() is w.workspace.student_page
    assert w.findChild(QListWidget, "goalList").count() > 0
    w.close()
    w.store.close()


def test_window_geometry_is_remembered(qtbot, sqlite_url):
    w = build_main_window(sqlite_url)
    qtbot.addWidget(w)
    w.show()
    w.resize(w.width(), 520)
    qtbot.wait(10)
    w.close()
    w.store.close()
    again = build_main_window(sqlite_url)
    qtbot.addWidget(again)
    assert again.height() == 520  # the offscreen screen is 800 wide, so only the height can show it
    again.store.close()


def test_window_appears_before_the_database_is_open_and_then_shows_the_caseload(qtbot, sqlite_url):
    from goalwriter.services.demo import load_demo_caseload
    from goalwriter.store import open_store
    from goalwriter.ui.main_window import MainWindow

    seeded = open_store(sqlite_url)
    load_demo_caseload(seeded)
    seeded.close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.workspace is None
    assert w.findChild(QWidget, "openingLabel") is not None
    w.open_database_async(sqlite_url)
    qtbot.waitUntil(lambda: w.workspace is not None, timeout=10000)
    assert w.findChild(QTreeWidget, "caseloadTree").topLevelItemCount() == 2
    w.close()
    w.store.close()


def test_a_database_that_cannot_be_opened_is_reported(qtbot, monkeypatch, tmp_path):
    from goalwriter.ui import dialogs
    from goalwriter.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: shown.append(text))
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_database_async(f"sqlite:///{blocker / 'sub' / 'db.sqlite3'}")
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "cannot create the data folder" in shown[0]


def test_zoom_and_full_screen_are_remembered(window, qtbot):
    base = window.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.font().pointSizeF() > base
    assert float(QSettings().value("view/zoom")) > 1.0
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert abs(window.font().pointSizeF() - base) < 0.01
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.font().pointSizeF() < base
    window.zoom_reset()
    window.toggle_full_screen()
    assert QSettings().value("view/fullScreen") in (True, "true")
    window.toggle_full_screen()
    assert QSettings().value("view/fullScreen") in (False, "false")
