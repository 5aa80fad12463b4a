"""The goal editor driven like a person would: typing, undo, the live panels, the goal bank."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from goalwriter.services import queries
from goalwriter.store import open_store
from goalwriter.ui.main_window import MainWindow


def student_id(store, name):
    return next(s.id for s in queries.list_students(store) if s.name == name)


@pytest.fixture
def tab(window, demo_store):
    window.workspace.open_student(student_id(demo_store, "Jayden Brooks"))
    return window.workspace.student_page.goals_tab


def new_goal(tab, qtbot):
    qtbot.mouseClick(tab.new_goal_button, Qt.MouseButton.LeftButton)
    return tab.goal


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def settle(tab, qtbot):
    """Wait for the live analysis and commit the typing, as a pause in typing would."""
    tab.analyse()
    tab.commit_pending()


def checklist(tab):
    return {tab.quality.item(i).data(Qt.ItemDataRole.UserRole): tab.quality.item(i).text()
            for i in range(tab.quality.count())}


def matches(tab):
    return [tab.class_matches.item(i).text() for i in range(tab.class_matches.count())]


def test_a_vague_verb_is_flagged_in_the_checklist(tab, qtbot):
    new_goal(tab, qtbot)
    type_into(qtbot, tab.behavior, "will understand how to form letters")
    with qtbot.waitSignal(tab.analysed, timeout=3000):
        pass
    item = checklist(tab)["observable"]
    assert item.startswith("✗")
    assert "understand" in item.lower()
    tab.behavior.clear()
    type_into(qtbot, tab.behavior, "copy a 3-line sentence with correct letter formation")
    tab.analyse()
    assert checklist(tab)["observable"].startswith("✓")


def test_a_handwriting_goal_lights_up_the_writing_blocks(tab, qtbot):
    new_goal(tab, qtbot)
    type_into(qtbot, tab.behavior, "write 3 sentences with legible letter formation and spacing between words")
    with qtbot.waitSignal(tab.analysed, timeout=3000):
        pass
    shown = " ".join(matches(tab))
    assert "Writer's Workshop" in shown
    assert "Phonics" in shown
    assert "Lunch" not in shown
    assert not tab.never_banner.isVisible()
    marked = [tab.routine_list.item(i).text() for i in range(tab.routine_list.count())]
    assert any(t.startswith("○") and "Writer's Workshop" in t for t in marked)


def test_sentence_follows_the_parts_until_edited_by_hand(tab, qtbot, demo_store):
    goal = new_goal(tab, qtbot)
    type_into(qtbot, tab.condition, "given a slant board")
    type_into(qtbot, tab.behavior, "copy a sentence from the board")
    type_into(qtbot, tab.criterion, "in 4 of 5 trials")
    sentence = tab.sentence.toPlainText()
    assert "given a slant board, Jayden will copy a sentence from the board in 4 of 5 trials" in sentence
    settle(tab, qtbot)
    assert queries.get_goal(demo_store, goal.id).text == sentence

    tab.sentence.setFocus()
    tab.sentence.moveCursor(tab.sentence.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.sentence, " Extra words.")
    assert tab.hand_banner.isVisible()
    settle(tab, qtbot)
    type_into(qtbot, tab.measurement, "work samples")
    settle(tab, qtbot)
    stored = queries.get_goal(demo_store, goal.id)
    assert stored.text.endswith("Extra words.") and stored.text_edited
    qtbot.mouseClick(tab.recompose_button, Qt.MouseButton.LeftButton)
    stored = queries.get_goal(demo_store, goal.id)
    assert not stored.text_edited and "as measured by work samples" in stored.text
    assert not tab.hand_banner.isVisible()


def test_undo_restores_the_previous_text(window, tab, qtbot, demo_store):
    goal = tab.goal
    before = goal.behavior
    tab.behavior.setFocus()
    tab.behavior.selectAll()
    qtbot.keyClicks(tab.behavior, "trace letters")
    tab.commit_pending()
    assert queries.get_goal(demo_store, goal.id).behavior == "trace letters"
    qtbot.keyClick(tab.behavior, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert queries.get_goal(demo_store, goal.id).behavior == before
    assert tab.behavior.text() == before
    qtbot.keyClick(tab.behavior, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert queries.get_goal(demo_store, goal.id).behavior == "trace letters"


def test_typing_is_saved_and_survives_reopening_the_database(qtbot, demo_store):
    url = demo_store.url
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    w.workspace.open_student(student_id(demo_store, "Sofia Ramos"))
    tab = w.workspace.student_page.goals_tab
    qtbot.mouseClick(tab.new_goal_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.behavior, "open her thermos and yogurt tube")
    qtbot.waitUntil(lambda: not tab.has_pending(), timeout=5000)  # the pause in typing commits it
    w.close()
    demo_store.close()

    again = open_store(url)
    texts = [g.text for g in queries.list_goals(again, student_id(again, "Sofia Ramos"))]
    again.close()
    assert any("open her thermos and yogurt tube" in t for t in texts)


def test_new_delete_and_reorder_goals_with_undo(tab, qtbot, demo_store):
    sid = tab.student.id
    ids = [g.id for g in queries.list_goals(demo_store, sid)]
    goal = new_goal(tab, qtbot)
    assert [g.id for g in queries.list_goals(demo_store, sid)] == [*ids, goal.id]
    tab.goal_list.setFocus()
    qtbot.keyClick(tab.goal_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [g.id for g in queries.list_goals(demo_store, sid)] == [*ids[:-1], goal.id, ids[-1]]
    tab.undo_stack.undo()
    assert [g.id for g in queries.list_goals(demo_store, sid)] == [*ids, goal.id]
    tab.goal_list.setCurrentRow(0)
    qtbot.mouseClick(tab.delete_goal_button, Qt.MouseButton.LeftButton)
    assert [g.id for g in queries.list_goals(demo_store, sid)] == [*ids[1:], goal.id]
    tab.undo_stack.undo()
    assert [g.id for g in queries.list_goals(demo_store, sid)] == [*ids, goal.id]
    assert tab.goal_list.count() == len(ids) + 1


def test_objectives_add_edit_reorder_remove_and_undo(tab, qtbot, demo_store):
    goal = tab.goal
    before = [o.text for o in queries.list_objectives(demo_store, goal.id)]
    qtbot.mouseClick(tab.add_objective_button, Qt.MouseButton.LeftButton)
    item = tab.objective_list.item(tab.objective_list.count() - 1)
    item.setText("Jayden will size tall letters to the top line in 4 of 5 trials.")
    texts = [o.text for o in queries.list_objectives(demo_store, goal.id)]
    assert texts == [*before, "Jayden will size tall letters to the top line in 4 of 5 trials."]
    tab.objective_list.setCurrentRow(len(texts) - 1)
    qtbot.mouseClick(tab.objective_up_button, Qt.MouseButton.LeftButton)
    assert [o.text for o in queries.list_objectives(demo_store, goal.id)][-2] == texts[-1]
    tab.objective_list.setCurrentRow(len(texts) - 2)
    qtbot.mouseClick(tab.remove_objective_button, Qt.MouseButton.LeftButton)
    assert [o.text for o in queries.list_objectives(demo_store, goal.id)] == before
    for _ in range(4):
        tab.undo_stack.undo()
    assert [o.text for o in queries.list_objectives(demo_store, goal.id)] == before


def test_goal_bank_search_tolerates_typos_and_fills_a_new_goal(tab, qtbot, demo_store):
    type_into(qtbot, tab.bank_search, "scisors cut line")
    assert tab.bank_results.count() > 0
    top = tab.bank_results.item(0).text().lower()
    assert "cut" in top or "scissor" in top
    count = tab.goal_list.count()
    qtbot.keyClick(tab.bank_search, Qt.Key.Key_Return)
    assert tab.goal_list.count() == count + 1
    goal = queries.get_goal(demo_store, tab.goal.id)
    assert "Jayden" in goal.text and "{student}" not in goal.text
    assert queries.list_objectives(demo_store, goal.id)


def test_copy_out_gives_plain_text(tab, qtbot):
    tab.copy_goal()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Goal 1 (Handwriting):")
    assert "“" not in text and "\u2014" not in text
    tab.copy_all_goals()
    assert QGuiApplication.clipboard().text().count("Goal ") == tab.goal_list.count()


def test_a_goal_that_never_comes_up_in_class_is_flagged(window, qtbot, demo_store):
    window.workspace.open_student(student_id(demo_store, "Theo Grant"))
    tab = window.workspace.student_page.goals_tab
    flagged = [i for i in range(tab.goal_list.count()) if "⚠" in tab.goal_list.item(i).text()]
    assert flagged, "the computer mouse goal has no place in this pre-K day (no computer time)"
    tab.goal_list.setCurrentRow(flagged[0])
    assert tab.never_banner.isVisible()
    assert "never comes up in class" in tab.never_banner.text().lower()
    assert checklist(tab)["in_class"].startswith("✗")


INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QAbstractSpinBox)


def _unnamed(window):
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the combo box or date field itself carries the name
        if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts of a table (headers, corner button); the table carries the name
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_interactive_widget_has_an_accessible_name(window, tab):
    page = window.workspace.student_page
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert _unnamed(window) == [], page.tabs.tabText(index)
    for name in ("goalEditor", "goalText", "qualityChecklist", "classMatches", "goalBankSearch",
                 "routineMatrix", "alignmentMatrix", "exportPanel"):
        assert window.findChild(QWidget, name) is not None, name
    assert isinstance(window.findChild(QWidget, "classMatches"), QListWidget)


def test_the_navigator_marks_students_with_a_goal_that_never_comes_up(window, qtbot, demo_store):
    tree = window.workspace.caseload_tree
    theo = student_id(demo_store, "Theo Grant")
    assert tree.find("student", theo).text(0).endswith("●")
    window.workspace.open_student(theo)
    tab = window.workspace.student_page.goals_tab
    tab.goal_list.setCurrentRow(2)
    tab.delete_goal()
    assert not tree.find("student", theo).text(0).endswith("●")
    tab.undo_stack.undo()
    assert tree.find("student", theo).text(0).endswith("●")


def test_the_team_confirms_and_rejects_blocks_from_the_goal_editor(tab, qtbot, demo_store):
    goal = tab.goal
    lunch = next(r for r in tab.routines if r.name == "Lunch")
    row = next(i for i in range(tab.routine_list.count()) if tab.routine_list.item(i).data(Qt.ItemDataRole.UserRole)
               == lunch.id)
    item = tab.routine_list.item(row)
    tab.routine_list.setCurrentItem(item)
    qtbot.keyClick(tab.routine_list, Qt.Key.Key_Return)
    assert tab.routine_list.item(row).text().startswith("✓")
    assert any("Lunch" in m and m.startswith("✓") for m in matches(tab))
    decisions = {(a.routine_id, a.state) for a in queries.list_alignments(demo_store, [goal.id])}
    assert (lunch.id, "confirmed") in decisions
    tab.cycle_routine(lunch.id)
    assert tab.routine_list.item(row).text().startswith("✗")
    tab.undo_stack.undo()
    tab.undo_stack.undo()
    assert all(a.state == "suggested" for a in queries.list_alignments(demo_store, [goal.id])
               if a.routine_id == lunch.id)
