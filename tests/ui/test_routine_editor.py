"""The routine editor driven with keys and clicks on a real database: every edit commits, and undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionViewItem, QTableView, QToolButton

from goalwriter.services import queries, routines
from goalwriter.ui.bridge import ChangeBridge
from goalwriter.ui.routine_editor import RoutineEditor, RoutineMatrixModel

M = RoutineMatrixModel


@pytest.fixture
def room(demo_store):
    return next(c for c in queries.list_classrooms(demo_store) if c.name == "Grade 2 Room 14")


@pytest.fixture
def editor(qtbot, demo_store, room):
    stack = QUndoStack()
    widget = RoutineEditor(demo_store, stack)
    widget.stack = stack  # keep the stack alive as long as the widget
    bridge = ChangeBridge(demo_store, widget)
    bridge.changed.connect(widget.on_change)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.set_classroom(room.id)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.table.setFocus()
    yield widget
    bridge.detach()


@pytest.fixture
def tester(editor, model_checker):
    """Qt's model checker on the model under test."""
    return model_checker(editor.model)


def names(store, room):
    return [r.name for r in queries.list_routines(store, room.id)]


def stored(store, routine_id):
    return queries.get_routine(store, routine_id)


def open_cell_editor(table: QTableView) -> QLineEdit:
    """The line edit the table opened for the current cell (closed ones may linger until deleted)."""
    lines = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(lines) == 1
    return lines[0]


def type_into_cell(qtbot, editor, row, column, text):
    """Select a cell, open its editor with F2, replace the text and press Enter."""
    table = editor.table
    index = editor.model.index(row, column)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    line = open_cell_editor(table)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits Enter through a queued call


def click_check(qtbot, table: QTableView, index: QModelIndex):
    """Click the check box drawn in a cell, where the style puts it."""
    option = QStyleOptionViewItem()
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = table.visualRect(index)
    rect = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_table_and_toolbar_have_names_shortcuts_and_rows(editor, demo_store, room):
    assert editor.findChild(QTableView, "routineMatrix") is editor.table
    assert editor.model.rowCount() == len(queries.list_routines(demo_store, room.id)) == 11
    header = [editor.model.headerData(c, Qt.Orientation.Horizontal) for c in range(editor.model.columnCount())]
    assert header == ["Block", "Description", "Mon", "Tue", "Wed", "Thu", "Fri", "Start", "End", "Problems"]
    for name, keys in (
        ("addBlock", ["Ctrl+Shift+B", "Ins"]),
        ("duplicateBlock", ["Ctrl+Shift+D"]),
        ("removeBlock", ["Del"]),
        ("moveBlockUp", ["Alt+Up"]),
        ("moveBlockDown", ["Alt+Down"]),
        ("importBlocks", ["Ctrl+Shift+I"]),
    ):
        button = editor.findChild(QToolButton, name + "Button")
        assert button is not None and button.accessibleName(), name
        assert [k.toString() for k in button.defaultAction().shortcuts()] == keys
    assert editor.model.data(editor.model.index(0, M.NAME)) == "Arrival & unpack"
    assert editor.model.data(editor.model.index(0, M.MON), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "Arrival" in editor.title.text() or "Grade 2 Room 14" in editor.title.text()


def test_edit_a_name_commits_and_undoes(qtbot, editor, demo_store, room, tester):
    first = editor.model.routine(0)
    type_into_cell(qtbot, editor, 0, M.NAME, "Arrival and unpack")
    assert stored(demo_store, first.id).name == "Arrival and unpack"
    assert editor.model.data(editor.model.index(0, M.NAME)) == "Arrival and unpack"
    type_into_cell(qtbot, editor, 0, M.DESCRIPTION, "Backpacks, folders, morning work")
    assert stored(demo_store, first.id).description == "Backpacks, folders, morning work"
    editor.undo_stack.undo()
    assert stored(demo_store, first.id).description.startswith("Unpack backpack")
    editor.undo_stack.undo()
    assert stored(demo_store, first.id).name == "Arrival & unpack"
    assert editor.model.data(editor.model.index(0, M.NAME)) == "Arrival & unpack"
    editor.undo_stack.redo()
    assert stored(demo_store, first.id).name == "Arrival and unpack"


def test_an_empty_name_is_refused_with_a_message(qtbot, editor, demo_store):
    first = editor.model.routine(0)
    before = editor.undo_stack.count()
    type_into_cell(qtbot, editor, 0, M.NAME, "   ")
    assert stored(demo_store, first.id).name == "Arrival & unpack"
    assert editor.undo_stack.count() == before
    assert "needs a name" in editor.message.text()


def test_space_and_click_toggle_days_with_canonical_text(qtbot, editor, demo_store, tester):
    rec = editor.model.routine(2)
    editor.table.setCurrentIndex(editor.model.index(2, M.WED))
    qtbot.keyClick(editor.table, Qt.Key.Key_Space)
    assert stored(demo_store, rec.id).days == "Mon, Tue, Thu, Fri"
    wed = editor.model.index(2, M.WED)
    assert editor.model.data(wed, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    click_check(qtbot, editor.table, editor.model.index(2, M.FRI))
    assert stored(demo_store, rec.id).days == "Mon, Tue, Thu"
    editor.undo_stack.undo()
    assert stored(demo_store, rec.id).days == "Mon, Tue, Thu, Fri"
    editor.undo_stack.undo()
    assert stored(demo_store, rec.id).days == "Mon-Fri"
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert stored(demo_store, rec.id).days == "Mon, Tue, Thu"


def test_the_last_day_cannot_be_unchecked(qtbot, editor, demo_store):
    rec = editor.model.routine(1)
    routines.update_routine(demo_store, rec.id, None, days="Tue")
    editor.table.setCurrentIndex(editor.model.index(1, M.TUE))
    qtbot.keyClick(editor.table, Qt.Key.Key_Space)
    assert stored(demo_store, rec.id).days == "Tue"
    assert "at least one day" in editor.message.text()


def test_times_are_normalized_to_24_hours(qtbot, editor, demo_store):
    rec = editor.model.routine(7)  # Math
    type_into_cell(qtbot, editor, 7, M.START, "12:30 pm")
    type_into_cell(qtbot, editor, 7, M.END, "1:15 pm")
    assert (stored(demo_store, rec.id).start, stored(demo_store, rec.id).end) == ("12:30", "13:15")
    assert editor.model.data(editor.model.index(7, M.END)) == "13:15"
    editor.undo_stack.undo()
    assert stored(demo_store, rec.id).end == "1:25"


def test_insert_adds_a_block_after_the_current_one_and_opens_its_name(qtbot, editor, demo_store, room, tester):
    editor.table.setCurrentIndex(editor.model.index(1, M.NAME))
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    assert names(demo_store, room)[2] == "New block"
    assert editor.current_routine().name == "New block"
    line = open_cell_editor(editor.table)
    line.selectAll()
    qtbot.keyClicks(line, "Brain break")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert names(demo_store, room)[2] == "Brain break"
    assert queries.list_routines(demo_store, room.id)[2].days == "Mon-Fri"
    editor.undo_stack.undo()
    assert names(demo_store, room)[2] == "New block"
    editor.undo_stack.undo()
    assert "New block" not in names(demo_store, room) and len(names(demo_store, room)) == 11
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert names(demo_store, room)[2] == "Brain break"
    assert editor.model.data(editor.model.index(2, M.NAME)) == "Brain break"


def test_ctrl_shift_b_adds_a_block(qtbot, editor, demo_store, room):
    editor.table.setCurrentIndex(editor.model.index(10, M.NAME))
    qtbot.keyClick(editor.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert names(demo_store, room)[-1] == "New block"
    assert editor.model.rowCount() == 12


def test_duplicate_button_copies_the_block_after_it(qtbot, editor, demo_store, room, tester):
    editor.table.setCurrentIndex(editor.model.index(3, M.NAME))
    qtbot.mouseClick(editor.findChild(QToolButton, "duplicateBlockButton"), Qt.MouseButton.LeftButton)
    listed = queries.list_routines(demo_store, room.id)
    assert [r.name for r in listed[3:5]] == ["Reading workshop", "Reading workshop"]
    assert listed[4].description == listed[3].description and listed[4].start == listed[3].start
    assert editor.current_routine().id == listed[4].id
    editor.undo_stack.undo()
    assert names(demo_store, room).count("Reading workshop") == 1
    editor.undo_stack.redo()
    assert names(demo_store, room).count("Reading workshop") == 2
    assert editor.model.rowCount() == 12


def test_delete_key_removes_the_block_and_undo_puts_it_back(qtbot, editor, demo_store, room, tester):
    removed = editor.model.routine(4)
    editor.table.setCurrentIndex(editor.model.index(4, M.NAME))
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert removed.name not in names(demo_store, room)
    assert editor.model.rowCount() == 10
    assert editor.current_routine().name == "Writer's Workshop"
    assert "Undo" in editor.message.text()
    editor.undo_stack.undo()
    assert names(demo_store, room)[4] == removed.name
    assert editor.model.routine(4).id == removed.id
    editor.undo_stack.redo()
    assert removed.name not in names(demo_store, room)


def test_alt_arrows_move_the_block_and_keep_it_current(qtbot, editor, demo_store, room, tester):
    moving = editor.model.routine(2)
    editor.table.setCurrentIndex(editor.model.index(2, M.NAME))
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(demo_store, room)[3] == moving.name
    assert editor.current_routine().id == moving.id
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(demo_store, room)[4] == moving.name
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(demo_store, room)[3] == moving.name
    editor.undo_stack.undo()
    assert names(demo_store, room)[4] == moving.name
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert names(demo_store, room)[2] == moving.name
    editor.undo_stack.redo()
    assert names(demo_store, room)[3] == moving.name
    assert editor.model.routine(3).id == moving.id
    editor.table.setCurrentIndex(editor.model.index(0, M.NAME))
    assert not editor.up_action.isEnabled() and editor.down_action.isEnabled()


def test_dragging_a_block_drops_it_where_it_lands(editor, demo_store, room, tester):
    moving = editor.model.routine(0)
    data = editor.model.mimeData([editor.model.index(0, M.NAME)])
    editor.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names(demo_store, room).index(moving.name) == 2
    assert editor.model.routine(2).id == moving.id
    editor.undo_stack.undo()
    assert names(demo_store, room)[0] == moving.name


def problems_text(editor, row):
    return editor.model.data(editor.model.index(row, M.PROBLEMS))


def test_problems_shown_inline_with_a_tint(qtbot, editor, demo_store, tester):
    assert all(problems_text(editor, row) == "" for row in range(editor.model.rowCount()))
    type_into_cell(qtbot, editor, 1, M.START, "9:7x")
    assert "cannot read" in problems_text(editor, 1) and "9:7x" in problems_text(editor, 1)
    assert editor.model.data(editor.model.index(1, M.NAME), Qt.ItemDataRole.BackgroundRole) is not None
    assert "9:7x" in editor.model.data(editor.model.index(1, M.DESCRIPTION), Qt.ItemDataRole.ToolTipRole)
    assert editor.model.data(editor.model.index(0, M.NAME), Qt.ItemDataRole.BackgroundRole) is None

    type_into_cell(qtbot, editor, 2, M.END, "9:00")  # Phonics 9:10 -> 9:00
    assert "ends (09:00) before it starts (09:10)" in problems_text(editor, 2)

    type_into_cell(qtbot, editor, 1, M.START, "8:40")  # Morning meeting now overlaps Arrival (8:30-8:50)
    assert "cannot read" not in problems_text(editor, 1)
    assert "Arrival & unpack" in problems_text(editor, 1)
    assert "Morning meeting" in problems_text(editor, 0)
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert all(problems_text(editor, row) == "" for row in range(editor.model.rowCount()))


def test_store_changes_refresh_and_keep_the_current_block(editor, demo_store, room, tester):
    editor.table.setCurrentIndex(editor.model.index(5, M.DESCRIPTION))
    current = editor.current_routine()
    routines.update_routine(demo_store, editor.model.routine(0).id, None, name="Arrival")
    assert editor.model.data(editor.model.index(0, M.NAME)) == "Arrival"
    routines.add_routine(demo_store, room.id, "Breakfast", position=0)
    assert editor.model.routine(0).name == "Breakfast"
    assert editor.current_routine().id == current.id
    assert editor.table.currentIndex().row() == 6
    assert editor.table.currentIndex().column() == M.DESCRIPTION


def test_import_button_opens_the_import_dialog_for_this_classroom(qtbot, editor, demo_store, room, monkeypatch):
    from goalwriter.ui.import_dialog import ImportDialog

    calls = []

    def fake_run(cls, parent, store, classroom_id, undo_stack, path=None):
        calls.append((parent, store, classroom_id, undo_stack))
        routines.add_routine(store, classroom_id, "Imported block")  # what an import leaves behind
        return None, True

    monkeypatch.setattr(ImportDialog, "run", classmethod(fake_run))
    qtbot.mouseClick(editor.findChild(QToolButton, "importBlocksButton"), Qt.MouseButton.LeftButton)
    assert calls == [(editor, editor.store, room.id, editor.undo_stack)]
    assert editor.model.routine(editor.model.rowCount() - 1).name == "Imported block"
    assert "Imported" in editor.message.text()


def test_switching_classrooms_and_a_deleted_classroom(editor, demo_store, room):
    other = next(c for c in queries.list_classrooms(demo_store) if c.name == "Pre-K Room 3")
    editor.set_classroom(other.id)
    assert editor.model.routine(0).name == "Arrival & cubbies"
    small_group = editor.model.row_of(next(r.id for r in editor.model.rows if r.name == "Small group"))
    checks = [
        editor.model.data(editor.model.index(small_group, c), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        for c in M.DAY_COLUMNS
    ]
    assert checks == [True, False, True, False, True]
    from goalwriter.services import caseload

    caseload.delete_classroom(demo_store, other.id)
    assert editor.classroom_id is None and editor.model.rowCount() == 0
    assert not editor.add_action.isEnabled()
