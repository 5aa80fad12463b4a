"""The alignment matrix driven with clicks and keys on a real database: decisions cycle, persist, undo,
survive re-matching and reopening; flagged goals show why; the whole class is matched in a worker."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QProgressDialog, QPushButton, QTableView

from goalwriter.services import alignment, caseload, goals, queries, routines
from goalwriter.services.alignment import alignment_values, student_matrix
from goalwriter.store import open_store
from goalwriter.ui import alignment_matrix as am
from goalwriter.ui.alignment_matrix import AlignmentMatrixView, CellRole
from goalwriter.ui.bridge import ChangeBridge
from goalwriter.ui.commands import ServiceCommand


@pytest.fixture
def errors(monkeypatch):
    """What failed commands report (the main window would show it in a dialog)."""
    seen = []
    monkeypatch.setattr(ServiceCommand, "error_sink", seen.append)
    return seen


def make_view(qtbot, store):
    stack = QUndoStack()
    view = AlignmentMatrixView(store, stack)
    view.stack = stack
    bridge = ChangeBridge(store, view)
    bridge.changed.connect(view.on_change)
    view.bridge = bridge
    qtbot.addWidget(view)
    view.resize(1400, 640)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(qtbot, demo_store, errors):
    widget = make_view(qtbot, demo_store)
    yield widget
    widget.bridge.detach()


@pytest.fixture
def maya(demo_store):
    return next(s for s in queries.list_students(demo_store) if s.name == "Maya Rivera")


@pytest.fixture
def tester(view, model_checker):
    """Qt's model checker on the model under test."""
    return model_checker(view.model)


def find_cell(view, predicate) -> QModelIndex:
    model = view.model
    for row in range(model.rowCount()):
        for column in range(len(model.routines)):
            index = model.index(row, column)
            if predicate(model.cell(index)):
                return index
    raise AssertionError("no such cell")


def click(qtbot, view, index):
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def stored_state(store, index_cell):
    return alignment_values(store, index_cell.goal_id, index_cell.routine_id)


def test_shape_headers_and_per_week(view, demo_store, maya, tester):
    view.show_student(maya.id)
    assert view.findChild(QTableView, "alignmentMatrix") is view.table
    day = queries.list_routines(demo_store, maya.classroom_id)
    assert view.model.rowCount() == len(queries.list_goals(demo_store, maya.id)) == 3
    assert view.model.columnCount() == len(day) + 1
    first_header = view.model.headerData(0, Qt.Orientation.Horizontal)
    assert first_header.startswith("Arrival") and "8:00" in first_header
    assert view.model.headerData(len(day), Qt.Orientation.Horizontal) == "per\nweek"
    matrix = student_matrix(demo_store, maya.id)
    for row, goal_row in enumerate(matrix.rows):
        assert view.model.data(view.model.index(row, len(day))) == f"{goal_row.per_week}×"
        assert view.model.headerData(row, Qt.Orientation.Vertical).lstrip("⚠ ").startswith(f"{row + 1}. ")
        for column, cell in enumerate(goal_row.cells):
            shown = view.model.data(view.model.index(row, column))
            expected = {"confirmed": "✓", "rejected": "✗"}.get(cell.state, "○" if cell.suggested else "")
            assert shown == expected
    assert "Maya Rivera" in view.title.text()


def test_click_space_and_enter_cycle_the_state_and_undo(qtbot, view, demo_store, maya, tester):
    view.show_student(maya.id)
    index = find_cell(view, lambda c: c.suggested and c.state == "suggested")
    cell = view.model.cell(index)
    assert view.model.data(index) == "○"
    click(qtbot, view, index)
    assert stored_state(demo_store, cell)["state"] == "confirmed"
    assert view.model.data(index) == "✓"
    assert view.table.currentIndex() == index
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert stored_state(demo_store, cell)["state"] == "rejected"
    assert view.model.data(index) == "✗"
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert stored_state(demo_store, cell)["state"] == "suggested"
    assert view.model.data(index) == "○"
    view.stack.undo()
    assert stored_state(demo_store, cell)["state"] == "rejected"
    view.stack.undo()
    view.stack.undo()
    assert stored_state(demo_store, cell)["state"] == "suggested"
    view.stack.redo()
    assert stored_state(demo_store, cell)["state"] == "confirmed"
    assert view.model.data(index) == "✓"


def test_a_blank_cell_can_be_confirmed_by_the_team(qtbot, view, demo_store, maya):
    view.show_student(maya.id)
    index = find_cell(view, lambda c: not c.suggested and c.state == "suggested")
    assert view.model.data(index) == ""
    click(qtbot, view, index)
    assert view.model.data(index) == "✓"
    assert view.model.cell(index).addressed
    assert stored_state(demo_store, view.model.cell(index))["state"] == "confirmed"


def test_arrow_keys_move_without_changing_anything(qtbot, view, demo_store, maya):
    view.show_student(maya.id)
    view.table.setCurrentIndex(view.model.index(0, 0))
    view.table.setFocus()
    before = view.stack.count()
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex() == view.model.index(1, 1)
    assert view.stack.count() == before
    assert view.model.routines[1].name in view.panel.heading.text()


def test_tooltip_gives_the_reason_note_and_support(qtbot, view, demo_store, maya):
    view.show_student(maya.id)
    index = find_cell(view, lambda c: c.suggested and bool(c.why))
    cell = view.model.cell(index)
    tip = view.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert cell.reason in tip and "Match" in tip
    alignment.set_alignment(demo_store, cell.goal_id, cell.routine_id, note="zips coat at the cubby", support="P")
    tip = view.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "zips coat at the cubby" in tip and "peer" in tip
    assert "peer" in view.model.data(index, Qt.ItemDataRole.AccessibleTextRole)


def test_note_and_support_code_persist_and_undo(qtbot, view, demo_store, maya, tester):
    view.show_student(maya.id)
    index = find_cell(view, lambda c: c.suggested)
    cell = view.model.cell(index)
    view.table.setCurrentIndex(index)
    note = view.panel.note
    qtbot.mouseClick(note, Qt.MouseButton.LeftButton)
    note.setFocus()
    qtbot.keyClicks(note, "zips coat at the cubby")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert stored_state(demo_store, cell)["note"] == "zips coat at the cubby"
    assert view.model.cell(index).note == "zips coat at the cubby"

    combo = view.panel.support
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_A)
    assert combo.currentData() == "A"
    assert stored_state(demo_store, cell)["support"] == "A"
    view.stack.undo()
    assert stored_state(demo_store, cell)["support"] == ""
    assert combo.currentData() == ""
    view.stack.undo()
    assert stored_state(demo_store, cell)["note"] == ""
    assert note.text() == ""
    view.stack.redo()
    assert stored_state(demo_store, cell)["note"] == "zips coat at the cubby"


def test_typing_pauses_save_the_note_as_one_undo_step(qtbot, view, demo_store, maya):
    view.show_student(maya.id)
    index = find_cell(view, lambda c: c.suggested)
    cell = view.model.cell(index)
    view.table.setCurrentIndex(index)
    note = view.panel.note
    note.setFocus()
    before = view.stack.count()
    qtbot.keyClicks(note, "peer hands him")
    qtbot.waitUntil(lambda: stored_state(demo_store, cell)["note"] == "peer hands him", timeout=3000)
    qtbot.keyClicks(note, " the bin")
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # leaving the field saves
    assert stored_state(demo_store, cell)["note"] == "peer hands him the bin"
    assert view.stack.count() == before + 1
    view.stack.undo()
    assert stored_state(demo_store, cell)["note"] == ""


def test_at_most_two_definitely_addressed_blocks_a_day(qtbot, view, demo_store, maya, errors):
    view.show_student(maya.id)
    day = view.model.routines
    daily = [i for i, r in enumerate(day) if r.days in ("daily", "Mon-Fri", "")]
    assert len(daily) >= 3
    box = view.panel.definitely
    for column in daily[:2]:
        view.table.setCurrentIndex(view.model.index(0, column))
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert box.isChecked()
    goal_id = view.model.goal_row(0).goal.id
    assert [alignment_values(demo_store, goal_id, day[c].id)["definitely"] for c in daily[:3]] == [True, True, False]
    before = view.stack.count()
    view.table.setCurrentIndex(view.model.index(0, daily[2]))
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    assert alignment_values(demo_store, goal_id, day[daily[2]].id)["definitely"] is False
    assert view.stack.count() == before
    message = view.panel.message.text()
    assert "at most 2 routines a day" in message and day[daily[0]].name in message
    assert message.startswith("⚠")
    assert len(errors) == 1
    assert view.model.data(view.model.index(0, daily[0]), CellRole).definitely


def test_decisions_survive_rematching_after_the_goal_changes(qtbot, view, demo_store, maya):
    view.show_student(maya.id)
    rejected_index = find_cell(view, lambda c: c.suggested and c.state == "suggested")
    confirmed_index = find_cell(view, lambda c: not c.suggested and c.state == "suggested")
    rejected, confirmed = view.model.cell(rejected_index), view.model.cell(confirmed_index)
    alignment.set_alignment(demo_store, rejected.goal_id, rejected.routine_id, state="rejected")
    alignment.set_alignment(demo_store, confirmed.goal_id, confirmed.routine_id, state="confirmed", note="at the easel")
    row = next(r for r in student_matrix(demo_store, maya.id).rows if r.goal.id == rejected.goal_id)
    scores_before = [c.score for c in row.cells]

    goal = queries.get_goal(demo_store, rejected.goal_id)
    goals.update_goal(demo_store, goal.id, goal.version,
                      text="Maya will cut along a curved line with scissors and glue the shape onto paper.")
    after = view.model.goal_row(rejected_index.row())  # refreshed by the goal's change event
    assert [c.score for c in after.cells] != scores_before  # the match really was computed again
    assert view.model.cell(rejected_index).state == "rejected"
    assert view.model.data(rejected_index) == "✗"
    assert view.model.cell(confirmed_index).state == "confirmed"
    assert view.model.cell(confirmed_index).note == "at the easel"
    assert view.model.data(confirmed_index) == "✓"
    qtbot.mouseClick(view.rematch_button, Qt.MouseButton.LeftButton)
    assert view.model.cell(rejected_index).state == "rejected"
    assert view.model.cell(confirmed_index).state == "confirmed"


def test_decisions_survive_closing_and_reopening_the_database(qtbot, demo_store, maya, errors):
    first = make_view(qtbot, demo_store)
    first.show_student(maya.id)
    index = find_cell(first, lambda c: c.suggested and c.state == "suggested")
    cell = first.model.cell(index)
    click(qtbot, first, index)
    first.table.setCurrentIndex(index)
    first.panel.note.setText("with a peer at the cubby")
    first.panel.note.editingFinished.emit()
    first.panel.support.setCurrentIndex(first.panel.support.findData("P"))
    first.panel.support.activated.emit(first.panel.support.currentIndex())
    first.bridge.detach()
    first.close()
    url = demo_store.url
    demo_store.close()

    reopened = open_store(url)
    try:
        second = make_view(qtbot, reopened)
        second.show_student(maya.id)
        again = second.model.index_of(cell.goal_id, cell.routine_id)
        shown = second.model.cell(again)
        assert (shown.state, shown.note, shown.support) == ("confirmed", "with a peer at the cubby", "P")
        assert second.model.data(again) == "✓"
        second.bridge.detach()
    finally:
        reopened.close()


def test_a_goal_whose_matches_are_all_rejected_is_flagged_with_the_reason(view, demo_store, maya):
    view.show_student(maya.id)
    row = next(r for r in range(view.model.rowCount()) if view.model.goal_row(r).addressed)
    goal_row = view.model.goal_row(row)
    for cell in goal_row.addressed:
        alignment.set_alignment(demo_store, cell.goal_id, cell.routine_id, state="rejected")
    header = view.model.headerData(row, Qt.Orientation.Vertical)
    assert header.startswith("⚠ ")
    tip = view.model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "rejected every routine that matched" in tip
    assert view.model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole) is not None
    per_week = view.model.index(row, view.model.per_week_column)
    assert view.model.data(per_week) == "0×"
    assert "never comes up in class" in view.model.data(per_week, Qt.ItemDataRole.ToolTipRole)


def test_a_goal_that_matches_nothing_and_a_class_without_routines(view, demo_store, maya):
    goals.add_goal(demo_store, maya.id, area="Other", text="Maya will zorp the quux with a blorf.")
    view.show_student(maya.id)
    last = view.model.rowCount() - 1
    assert "no routine of the day" in view.model.headerData(last, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert view.model.headerData(last, Qt.Orientation.Vertical).startswith("⚠ ")

    school = caseload.add_school(demo_store, "Oak Hill")
    room = caseload.add_classroom(demo_store, school.id, "Room 1", "Ms. Ito")
    pupil = caseload.add_student(demo_store, room.id, "Noa Ito")
    goals.add_goal(demo_store, pupil.id, area="Fine motor", behavior="cut on a line")
    view.show_student(pupil.id)
    assert view.model.columnCount() == 1 and view.model.rowCount() == 1
    assert "no routines yet" in view.model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)


def test_store_changes_refresh_the_view_and_keep_the_current_cell(view, demo_store, maya, tester):
    view.show_student(maya.id)
    view.table.setCurrentIndex(view.model.index(1, 3))
    current = view.current_cell()
    routine = view.model.routines[0]
    routines.update_routine(demo_store, routine.id, routine.version, name="Arrival and cubbies")
    assert view.model.headerData(0, Qt.Orientation.Horizontal).startswith("Arrival and")
    routines.add_routine(demo_store, maya.classroom_id, "Yoga", start="13:45", end="14:00")
    assert view.model.routines[-1].name == "Yoga"
    assert (view.current_cell().goal_id, view.current_cell().routine_id) == (current.goal_id, current.routine_id)


def test_the_whole_class_is_matched_in_a_worker(qtbot, view, demo_store, maya, monkeypatch, tester):
    threads = []
    real = am.classroom_matrices

    def recording(store, classroom_id, progress=None, cancelled=None):
        threads.append(threading.get_ident())
        return real(store, classroom_id, progress, cancelled)

    monkeypatch.setattr(am, "classroom_matrices", recording)
    view.show_student(maya.id)
    button = view.findChild(QPushButton, "wholeClassButton")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked()
    assert threads and threads[0] != threading.get_ident()
    students = queries.list_students(demo_store, maya.classroom_id)
    assert len(students) == 2
    assert view.model.rowCount() == sum(len(queries.list_goals(demo_store, s.id)) for s in students)
    labels = [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(view.model.rowCount())]
    assert any("Maya" in label for label in labels) and any("Theo" in label for label in labels)
    assert "2 students" in view.status.text()

    # a decision in the class view is saved and shown like in the student view
    index = find_cell(view, lambda c: c.suggested and c.state == "suggested")
    click(qtbot, view, index)
    assert view.model.data(index) == "✓"
    assert stored_state(demo_store, view.model.cell(index))["state"] == "confirmed"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # back to the student
    assert not button.isChecked()
    assert view.model.rowCount() == len(queries.list_goals(demo_store, maya.id))


def test_cancelling_the_whole_class_keeps_what_was_shown(qtbot, view, demo_store, maya, monkeypatch):
    view.show_student(maya.id)
    rows_before = view.model.rowCount()
    started = threading.Event()

    def slow(store, classroom_id, progress=None, cancelled=None):
        progress(0, 2, "Maya Rivera")
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        return []

    monkeypatch.setattr(am, "classroom_matrices", slow)
    view.show_classroom(maya.classroom_id)
    assert started.wait(5)
    dialog = view.findChild(QProgressDialog, "progressDialog")
    assert dialog is not None
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: "cancelled" in view.status.text(), timeout=5000)
    assert view.model.rowCount() == rows_before
    assert view.job is None


def test_no_header_line_is_cut_even_when_zoomed(view, demo_store):
    """A full life-skills day on a narrow window: every column still shows its block's time whole."""
    marcus = next(s for s in queries.list_students(demo_store) if s.name == "Marcus Bell")
    view.resize(900, 500)
    view.show_student(marcus.id)

    def cut_lines() -> list[str]:
        header = view.table.horizontalHeader()
        metrics = header.fontMetrics()
        cut = []
        for section in range(len(view.model.routines)):
            for line in view.model.headerData(section, Qt.Orientation.Horizontal).split("\n"):
                if metrics.horizontalAdvance(line) > header.sectionSize(section):
                    cut.append(line)
        return cut

    assert cut_lines() == []
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    assert cut_lines() == []
