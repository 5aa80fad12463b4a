"""The school's-words dialog on a real database: words added and removed with keys and clicks take effect
at once, every change undoes and redoes, bad input is refused beside the field, and "try it" shows what the
matcher reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from goalwriter.core.lexicon import shipped_lexicon
from goalwriter.services import alignment, goals, lexicon, queries, routines
from goalwriter.ui.lexicon_dialog import LexiconDialog, UserWordsModel

CATCH_GOAL = "Jayden will catch and throw a playground ball with a peer in 4 of 5 trials"


def label(kind: str, key: str) -> str:
    return shipped_lexicon().concept(kind, key).label


PE = label("activity", "pe")  # "PE / gym class": where a school's "Motor Lab" belongs


@pytest.fixture
def room(demo_store):
    return next(c for c in queries.list_classrooms(demo_store) if c.name == "Grade 2 Room 14")


@pytest.fixture
def motor_lab(demo_store, room):
    return routines.add_routine(demo_store, room.id, "Motor Lab", days="Tue, Thu")


@pytest.fixture
def changes(demo_store):
    seen = []
    unsubscribe = demo_store.events.subscribe(seen.append)
    yield seen
    unsubscribe()


@pytest.fixture
def dialog(qtbot, demo_store, room, motor_lab):
    stack = QUndoStack()
    widget = LexiconDialog(demo_store, stack, room.id)
    widget.stack = stack  # the stack lives as long as the dialog
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    widget.stop_listening()


@pytest.fixture
def tester(dialog, model_checker):
    """Qt's model checker on the model under test."""
    return model_checker(dialog.model)


def add_word(qtbot, dialog, kind: str, concept: str, phrase: str) -> None:
    """Pick the kind and the concept by typing, type the word, press Enter: as a person would."""
    radio = dialog.skill_radio if kind == "skill" else dialog.activity_radio
    if not radio.isChecked():
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
    search = dialog.concept.lineEdit()
    search.clear()
    qtbot.keyClicks(search, concept)
    popup = dialog.concept.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    dialog.phrase.setFocus()
    dialog.phrase.clear()
    qtbot.keyClicks(dialog.phrase, phrase)
    qtbot.keyClick(dialog.phrase, Qt.Key.Key_Return)


def stored(store) -> list[tuple[str, str, str]]:
    return [(w.kind, w.concept, w.phrase) for w in lexicon.list_user_words(store)]


def motor_lab_pair(store, room, motor_lab, text=CATCH_GOAL):
    found = alignment.match_text(store, room.id, text)
    pair = next(p for p in found.scores if p.routine_id == motor_lab.id)
    return pair, motor_lab.id in {p.routine_id for p in found.matches}


def table_rows(dialog) -> list[tuple[str, str, str]]:
    m = dialog.model
    return [tuple(m.data(m.index(r, c)) for c in range(3)) for r in range(m.rowCount())]


def message(dialog) -> str:
    return dialog.message.text() if dialog.message.isVisible() else ""


# -- adding --------------------------------------------------------------------------------------------
def test_motor_lab_as_pe_makes_a_ball_goal_match_the_motor_lab_block(qtbot, dialog, demo_store, room, motor_lab,
                                                                       changes):
    pair, matched = motor_lab_pair(demo_store, room, motor_lab)
    assert not matched and PE not in " ".join(pair.why)
    assert dialog.empty_label.isVisible()

    add_word(qtbot, dialog, "activity", "PE / gym", "Motor Lab")  # only part of a label: not a choice
    assert stored(demo_store) == []
    assert "not in the list" in message(dialog)

    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    assert stored(demo_store) == [("activity", "pe", "Motor Lab")]
    assert [(c.kind, c.action) for c in changes] == [("lexicon", "added")]
    assert "Added “Motor Lab”" in message(dialog) and dialog.message.property("refusal") is False
    assert dialog.phrase.text() == ""
    assert table_rows(dialog) == [("Activity", "PE / gym class", "Motor Lab")]
    assert not dialog.empty_label.isVisible()
    assert dialog.stack.count() == 1 and "Motor Lab" in dialog.stack.undoText()

    pair, matched = motor_lab_pair(demo_store, room, motor_lab)
    assert matched
    assert any(PE in why for why in pair.why), pair.why
    skipping, matched = motor_lab_pair(demo_store, room, motor_lab, "will skip and gallop 20 feet in 4 of 5 trials")
    assert matched, skipping.why


def test_a_skill_word_goes_to_the_chosen_skill(qtbot, dialog, demo_store):
    add_word(qtbot, dialog, "skill", "fasteners", "snaps on his jacket")
    assert stored(demo_store) == [("skill", "fasteners", "snaps on his jacket")]
    assert table_rows(dialog) == [("Skill", "Fasteners", "snaps on his jacket")]
    skills = alignment.matcher_for(demo_store).match("will close the snaps on his jacket", _empty_day(demo_store))
    assert label("skill", "fasteners") in skills.skills


def _empty_day(store):
    return alignment.matcher_for(store).prepare([])


def test_the_picker_lists_the_chosen_kind_and_filters_as_you_type(qtbot, dialog):
    items = [dialog.concept.itemText(i) for i in range(dialog.concept.count())]
    assert "PE / gym class" in items and "Fasteners" not in items
    assert items == sorted(items, key=str.casefold)
    assert dialog.concept.currentText() == ""
    completer = dialog.concept.completer()
    qtbot.keyClicks(dialog.concept.lineEdit(), "gym")
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert "PE / gym class" in found and all("gym" in f.casefold() for f in found)
    assert completer.popup().isVisible()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert dialog.concept.currentText() == found[0]
    assert "physical education" in dialog.known.text()

    qtbot.mouseClick(dialog.skill_radio, Qt.MouseButton.LeftButton)
    items = [dialog.concept.itemText(i) for i in range(dialog.concept.count())]
    assert "Fasteners" in items and "PE / gym class" not in items
    dialog.concept.lineEdit().setText("fasteners")  # any letter case names the skill
    assert "zipper" in dialog.known.text()


# -- removing, undo, redo ------------------------------------------------------------------------------
def test_delete_removes_the_word_and_undo_redo_follow(qtbot, dialog, demo_store, room, motor_lab, changes, tester):
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    add_word(qtbot, dialog, "activity", label("activity", "centers"), "Daily 5")
    word_id = next(w.id for w in lexicon.list_user_words(demo_store) if w.phrase == "Motor Lab")
    assert dialog.stack.count() == 2
    changes.clear()

    row = next(r for r, w in enumerate(dialog.model.words) if w.phrase == "Motor Lab")
    dialog.table.setFocus()
    dialog.table.selectRow(row)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [w[2] for w in stored(demo_store)] == ["Daily 5"]
    assert [r[2] for r in table_rows(dialog)] == ["Daily 5"]
    assert [(c.kind, c.action, c.ids) for c in changes] == [("lexicon", "deleted", (word_id,))]
    assert dialog.stack.count() == 3 and "Motor Lab" in dialog.stack.undoText()
    assert not motor_lab_pair(demo_store, room, motor_lab)[1]

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert ("activity", "pe", "Motor Lab") in stored(demo_store)
    assert next(w.id for w in lexicon.list_user_words(demo_store) if w.phrase == "Motor Lab") == word_id
    assert "Motor Lab" in [r[2] for r in table_rows(dialog)]
    assert motor_lab_pair(demo_store, room, motor_lab)[1]

    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert [w[2] for w in stored(demo_store)] == ["Daily 5"]
    assert not motor_lab_pair(demo_store, room, motor_lab)[1]
    assert not dialog.redo_button.isEnabled()


def test_undoing_an_add_takes_the_word_away_and_redo_brings_the_same_word(qtbot, dialog, demo_store):
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    first = lexicon.list_user_words(demo_store)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_store) == [] and table_rows(dialog) == []
    assert dialog.empty_label.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert lexicon.list_user_words(demo_store) == first


def test_remove_needs_a_selected_word(qtbot, dialog, demo_store):
    assert not dialog.remove_button.isEnabled()
    assert dialog.remove_selected() is False
    assert dialog.stack.count() == 0


# -- refusals --------------------------------------------------------------------------------------------
BAD_WORDS = [
    ("Motor Lab", "already a word for PE / gym class"),  # the word the test adds first
    ("motor   LAB", "already a word for PE / gym class"),  # the same, in other case and spacing
    ("gym class", "already a word for PE / gym class"),  # a word the lexicon ships with
    ("", "Type the word"),
    ("   ", "Type the word"),
    ("x" * 201, "at most 200 characters"),
    ("the and of", "no word the matcher can use"),
]


def test_bad_words_are_refused_beside_the_field(qtbot, dialog, demo_store):
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    before = stored(demo_store)
    for phrase, says in BAD_WORDS:
        add_word(qtbot, dialog, "activity", PE, phrase)
        assert says in message(dialog), phrase
        assert dialog.message.property("refusal") is True
        assert stored(demo_store) == before
        assert dialog.stack.count() == 1
        assert dialog.isVisible()  # Enter in the field never closes the dialog
    qtbot.keyClicks(dialog.phrase, "x")
    assert message(dialog) == ""  # typing again clears the refusal


def test_the_services_refusal_is_shown_beside_the_field(qtbot, dialog, demo_store, monkeypatch):
    """A word stored elsewhere after the dialog looked: the service refuses the duplicate, and says so inline."""
    lexicon.add_user_word(demo_store, "activity", "pe", "Motor Lab")
    monkeypatch.setattr(dialog, "_known_words", lambda kind, key: ())  # the dialog's look came before that word
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    assert "Not added" in message(dialog) and "already a word" in message(dialog)
    assert dialog.stack.count() == 0
    assert stored(demo_store) == [("activity", "pe", "Motor Lab")]


def test_a_concept_must_be_picked(qtbot, dialog, demo_store):
    dialog.phrase.setText("Motor Lab")
    qtbot.keyClick(dialog.phrase, Qt.Key.Key_Return)
    assert "Pick the activity" in message(dialog)
    assert stored(demo_store) == []


# -- try it ------------------------------------------------------------------------------------------------
def test_try_it_shows_what_the_matcher_reads(qtbot, dialog, demo_store, room, motor_lab):
    assert dialog.try_skills.text() == "—"
    qtbot.keyClicks(dialog.try_edit, "zipper")
    assert "Fasteners" in dialog.try_skills.text()

    dialog.try_edit.clear()
    qtbot.keyClicks(dialog.try_edit, "Motor Lab")
    assert PE not in dialog.try_blocks.text()
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    assert PE in dialog.try_blocks.text()  # the reading follows the new word at once

    dialog.try_edit.clear()
    qtbot.keyClicks(dialog.try_edit, CATCH_GOAL)
    assert "Ball skills" in dialog.try_skills.text()
    assert dialog.try_routines_caption.text() == "In Grade 2 Room 14:"
    lines = dialog.try_routines.text().splitlines()
    assert any(line.startswith("✓ Motor Lab") and PE in line for line in lines), lines

    dialog.try_edit.clear()
    qtbot.keyClicks(dialog.try_edit, "will wiggle his ears")
    assert "never come up" in dialog.try_routines.text()
    assert dialog.try_skills.text() == dialog.try_blocks.text() == "nothing recognised"


def test_try_it_follows_routine_changes(qtbot, dialog, demo_store, room):
    qtbot.keyClicks(dialog.try_edit, "will cut on a curved line with scissors")
    assert "Greenhouse" not in dialog.try_routines.text()
    routines.add_routine(demo_store, room.id, "Greenhouse craft", "cutting and gluing seed labels")
    assert "✓ Greenhouse craft" in dialog.try_routines.text()


def test_without_a_classroom_there_is_no_class_line(qtbot, demo_store):
    stack = QUndoStack()
    widget = LexiconDialog(demo_store, stack)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.keyClicks(widget.try_edit, "zipper")
    assert "Fasteners" in widget.try_skills.text()
    assert not widget.try_routines.isVisible()
    widget.stop_listening()


# -- the rest of the app sees the words ------------------------------------------------------------------
def test_the_goal_editor_rematches_when_a_word_is_added(qtbot, window, demo_store):
    student = next(s for s in queries.list_students(demo_store) if s.name == "Jayden Brooks")
    motor_lab = routines.add_routine(demo_store, student.classroom_id, "Motor Lab")
    goals.add_goal(demo_store, student.id, area="Gross motor", behavior="catch and throw a playground ball")
    window.workspace.open_student(student.id)
    tab = window.workspace.student_page.goals_tab
    tab.goal_list.setCurrentRow(tab.goal_list.count() - 1)
    tab.analyse()

    def shown():
        return " ".join(tab.class_matches.item(i).text() for i in range(tab.class_matches.count()))

    assert "Motor Lab" not in shown()
    widget = LexiconDialog(demo_store, window.undo_stack, student.classroom_id, window)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(tab.analysed, timeout=3000):  # the editor hears the change and matches again
        add_word(qtbot, widget, "activity", PE, "Motor Lab")
    assert "Motor Lab" in shown(), shown()
    found = alignment.match_text(demo_store, student.classroom_id, CATCH_GOAL)
    assert motor_lab.id in {p.routine_id for p in found.matches}
    widget.stop_listening()


def test_run_opens_modal_and_close_accepts(qtbot, demo_store, room):
    stack = QUndoStack()
    seen = {}

    def close_it():
        widget = QApplication.activeModalWidget()
        seen["dialog"] = widget.objectName() if widget else None
        if widget is not None:
            qtbot.mouseClick(widget.findChild(QAbstractButton, "lexiconCloseButton"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, close_it)
    assert LexiconDialog.run(None, demo_store, stack, room.id) == (None, True)
    assert seen["dialog"] == "lexiconDialog"


def test_the_dialog_follows_the_windows_zoom(qtbot, demo_store):
    parent = QWidget()
    qtbot.addWidget(parent)
    font = parent.font()
    font.setPointSizeF(21.0)
    parent.setFont(font)
    stack = QUndoStack()
    widget = LexiconDialog(demo_store, stack, None, parent)
    widget.phrase.setText("")
    widget.add_word()  # a refusal: the message is bold, and as large as everything else
    for part in (widget, widget.message, widget.known, widget.empty_label, widget.try_skills):
        assert part.font().pointSizeF() == 21.0, part.objectName()
    assert widget.message.font().bold()
    widget.stop_listening()


# -- access -----------------------------------------------------------------------------------------------
def test_every_control_has_a_name_and_takes_the_keyboard(dialog):
    controls = [
        w for w in dialog.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QComboBox | QAbstractItemView)
        and not isinstance(w, QHeaderView)  # the table's own headers
        and w.window() is dialog and w.isVisibleTo(dialog)
    ]
    assert len(controls) >= 11
    for control in controls:
        assert control.objectName(), control
        assert control.accessibleName().strip(), control.objectName()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
    for name in ("userWordsTable", "removeWordButton", "wordKindActivity", "wordKindSkill", "wordConcept",
                 "wordPhrase", "addWordButton", "tryPhrase", "lexiconCloseButton"):
        assert dialog.findChild(QWidget, name) is not None, name
    assert dialog.objectName() == "lexiconDialog"
    assert dialog.accessibleName()


def test_tab_walks_through_the_dialog_and_arrows_stay_in_the_table(qtbot, dialog):
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    add_word(qtbot, dialog, "activity", label("activity", "centers"), "Daily 5")
    dialog.table.setFocus()
    seen = []
    for _ in range(10):
        focused = QApplication.focusWidget()
        seen.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert seen == [
        "userWordsTable", "removeWordButton", "lexiconUndoButton", "wordKindActivity", "wordConcept",
        "wordPhrase", "addWordButton", "tryPhrase", "lexiconCloseButton", "userWordsTable",
    ]
    first = dialog.selected_word()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected_word() is not None and dialog.selected_word() != first


def test_the_table_headers_and_tooltips_speak_plainly(qtbot, dialog, tester):
    add_word(qtbot, dialog, "activity", PE, "Motor Lab")
    model = dialog.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Kind", "Counts as", "Your word"]
    tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Blocks called “Motor Lab” count as PE / gym class"
    assert isinstance(model, UserWordsModel)
