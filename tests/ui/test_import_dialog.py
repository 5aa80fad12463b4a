"""The import dialog driven as a person would: open a file or paste cells, adjust, import, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from goalwriter.services import queries
from goalwriter.ui import dialogs
from goalwriter.ui.import_commands import ImportRoutinesCommand
from goalwriter.ui.import_dialog import ImportDialog
from tests.io.test_routine_import import WEEK, WEEK_MERGES
from tests.io.test_tables import write_xlsx

CLASSROOM = 1  # Pre-K Room 3 in the demo caseload, with 12 routines

LIST_ROWS = [
    ["Room 4 — daily schedule"],
    [],
    ["Time", "Activity", "What we do", "Days"],
    ["8:00-8:20", "Arrival & unpack", "Coats and folders", "daily"],
    ["8:20", "Morning meeting", "Greeting, calendar", "M-F"],
    ["8:45-9:30", "Writer's Workshop", "Journal writing", "Mon-Fri"],
    ["9:30-10:1x", "Centers", "Blocks, art, sand", "daily"],
    ["10:15-10:45", "Recess", "", "daily"],
]


def names(store) -> list[str]:
    return [r.name for r in queries.list_routines(store, CLASSROOM)]


def open_dialog(qtbot, store, stack=None) -> ImportDialog:
    dialog = ImportDialog(store, CLASSROOM, stack or QUndoStack(), None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot, dialog: ImportDialog, path) -> None:
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.load_file(str(path))


def shown(dialog: ImportDialog, column: str) -> list[str]:
    index = dialog.model.COLUMNS.index(column)
    return [dialog.model.index(row, index).data() for row in range(dialog.model.rowCount())]


def test_open_a_file_guess_the_columns_and_mark_problems(qtbot, demo_store, tmp_path):
    path = write_xlsx(tmp_path / "day.xlsx", LIST_ROWS, merges=["A1:D1"])
    dialog = open_dialog(qtbot, demo_store)
    assert not dialog.import_button.isEnabled()
    load(qtbot, dialog, path)
    assert shown(dialog, "name") == ["Arrival & unpack", "Morning meeting", "Writer's Workshop", "Centers", "Recess"]
    assert shown(dialog, "line") == ["4", "5", "6", "7", "8"]
    assert shown(dialog, "end")[1] == "08:45"  # the lone 8:20 ends when Writer's Workshop starts
    assert dialog.combos["name"].currentText() == "B: Activity"
    assert dialog.combos["time"].currentText() == "A: Time"
    assert dialog.combos["description"].currentText() == "C: What we do"
    assert dialog.combos["days"].currentText() == "D: Days"
    assert dialog.list_radio.isChecked()
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Row"

    centers = dialog.model.index(3, dialog.model.COLUMNS.index("problems"))
    assert centers.data().startswith("time: cannot read '9:30-10:1x'")
    assert "This row will be left out." in centers.data(Qt.ItemDataRole.ToolTipRole)
    assert centers.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.model.index(3, 0).data() == "Left out"
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.import_button.text() == "Import 4 blocks"
    assert "5 blocks read · 1 with problems will be left out" in dialog.summary_label.text()

    dialog.skip_check.click()  # import the problem row as shown, to fix in the editor
    assert dialog.import_button.text() == "Import 5 blocks"
    assert dialog.model.index(3, 0).data() == "Problem"


def test_changing_a_column_updates_the_preview(qtbot, demo_store, tmp_path):
    path = write_xlsx(tmp_path / "day.xlsx", LIST_ROWS)
    dialog = open_dialog(qtbot, demo_store)
    load(qtbot, dialog, path)
    assert shown(dialog, "description")[0] == "Coats and folders"
    combo = dialog.combos["name"]
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        combo.setCurrentIndex(combo.findText("C: What we do"))
        combo.activated.emit(combo.currentIndex())
    assert shown(dialog, "name")[:3] == ["Coats and folders", "Greeting, calendar", "Journal writing"]
    assert dialog.combos["description"].currentText() == "(none)"  # a column feeds one field
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.set_column("days", None)
    assert set(shown(dialog, "days")) == {"every day"}


def test_weekly_grid_and_switching_layout(qtbot, demo_store, tmp_path):
    path = write_xlsx(tmp_path / "week.xlsx", WEEK, merges=WEEK_MERGES)
    dialog = open_dialog(qtbot, demo_store)
    load(qtbot, dialog, path)
    assert dialog.grid_radio.isChecked()
    assert "B = Mon" in dialog.day_columns_label.text()
    assert not dialog.combos["name"].isEnabled()
    assert ("PE", "Tue, Thu") in zip(shown(dialog, "name"), shown(dialog, "days"), strict=True)
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.list_radio.click()
    assert dialog.combos["name"].isEnabled()
    assert shown(dialog, "name")[:2] == ["Arrival & morning work", "Morning meeting"]
    assert "looks like a weekly grid" in dialog.detected_label.text()


def test_import_is_one_undo_step(qtbot, demo_store, tmp_path):
    path = write_xlsx(tmp_path / "day.xlsx", LIST_ROWS)
    stack = QUndoStack()
    before = names(demo_store)
    dialog = open_dialog(qtbot, demo_store, stack)
    load(qtbot, dialog, path)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    added = ["Arrival & unpack", "Morning meeting", "Writer's Workshop", "Recess"]
    assert names(demo_store) == before + added
    assert [r.name for r in dialog.import_result] == added
    assert stack.count() == 1 and stack.undoText() == "Import 4 routines"
    ids = [r.id for r in queries.list_routines(demo_store, CLASSROOM)][-4:]
    stack.undo()
    assert names(demo_store) == before
    stack.redo()
    assert [r.id for r in queries.list_routines(demo_store, CLASSROOM)][-4:] == ids


def test_replace_and_undo_brings_the_old_day_back(qtbot, demo_store, tmp_path):
    path = write_xlsx(tmp_path / "week.xlsx", WEEK, merges=WEEK_MERGES)
    stack = QUndoStack()
    before = queries.list_routines(demo_store, CLASSROOM)
    dialog = open_dialog(qtbot, demo_store, stack)
    load(qtbot, dialog, path)
    dialog.replace_radio.click()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.import_button.click()
    assert names(demo_store)[:2] == ["Arrival & morning work", "Morning meeting"]
    assert len(names(demo_store)) == 13
    assert isinstance(stack.command(0), ImportRoutinesCommand)
    stack.undo()
    assert queries.list_routines(demo_store, CLASSROOM) == before


def test_pasted_cells(qtbot, demo_store):
    dialog = open_dialog(qtbot, demo_store)
    dialog.source_tabs.setCurrentIndex(1)
    QApplication.clipboard().setText("Time\tActivity\n8:30-9:00\tArrival\n9:00-9:30\tMorning meeting\n")
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.paste_box.paste()
    assert shown(dialog, "name") == ["Arrival", "Morning meeting"]
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Line"
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        dialog.paste_box.clear()
    assert dialog.model.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_bad_files_say_why_and_change_nothing(qtbot, demo_store, tmp_path):
    before = names(demo_store)
    whole = write_xlsx(tmp_path / "whole.xlsx", LIST_ROWS)
    cut = tmp_path / "day.xlsx"
    cut.write_bytes(whole.read_bytes()[:900])
    binary = tmp_path / "day.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    dialog = open_dialog(qtbot, demo_store)
    load(qtbot, dialog, whole)
    assert dialog.import_button.isEnabled()
    for path, message in [
        (cut, "day.xlsx: the workbook is damaged or incomplete"),
        (binary, "day.csv: line 1: this is not a text file"),
    ]:
        with qtbot.waitSignal(dialog.load_failed, timeout=10_000) as blocker:
            dialog.load_file(str(path))
        assert blocker.args[0].startswith(message)
        assert dialog.error_label.isVisible() and dialog.error_label.text().startswith(message)
        assert dialog.model.rowCount() == 0
        assert not dialog.import_button.isEnabled()
        assert dialog.summary_label.text().startswith("Nothing to import.")
    assert names(demo_store) == before


def test_choose_file_goes_through_the_dialogs_module(qtbot, demo_store, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "day.xlsx", LIST_ROWS)
    asked = []

    def fake_open_file(parent, title, filters):
        asked.append((title, filters))
        return str(path)

    monkeypatch.setattr(dialogs, "open_file", fake_open_file)
    dialog = open_dialog(qtbot, demo_store)
    with qtbot.waitSignal(dialog.preview_updated, timeout=10_000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert asked and "*.xlsx" in asked[0][1]
    assert dialog.path_edit.text() == str(path)
    assert dialog.model.rowCount() == 5


def test_run_reads_the_path_and_returns_the_result(qtbot, demo_store, tmp_path):
    path = write_xlsx(tmp_path / "day.xlsx", LIST_ROWS)
    parent = QWidget()
    qtbot.addWidget(parent)
    stack = QUndoStack()

    def click_import_when_ready() -> None:
        dialog = parent.findChild(ImportDialog, "importDialog")
        if dialog is not None and dialog.import_button.isEnabled():
            dialog.import_button.click()
        else:
            QTimer.singleShot(20, click_import_when_ready)

    QTimer.singleShot(0, click_import_when_ready)
    result, imported = ImportDialog.run(parent, demo_store, CLASSROOM, stack, path=str(path))
    assert imported
    assert [r.name for r in result] == ["Arrival & unpack", "Morning meeting", "Writer's Workshop", "Recess"]
    assert stack.count() == 1


def test_cancel_returns_nothing(qtbot, demo_store):
    parent = QWidget()
    qtbot.addWidget(parent)
    QTimer.singleShot(0, lambda: parent.findChild(ImportDialog, "importDialog").cancel_button.click())
    before = names(demo_store)
    assert ImportDialog.run(parent, demo_store, CLASSROOM, QUndoStack()) == (None, False)
    assert names(demo_store) == before


def test_every_control_has_an_object_name_and_an_accessible_name(qtbot, demo_store):
    dialog = open_dialog(qtbot, demo_store)
    assert dialog.objectName() == "importDialog"
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView, QTabWidget)

    def part_of_a_control(widget: QWidget) -> bool:  # a combo box's popup list, a scroll bar's buttons ...
        parent = widget.parentWidget()
        while parent is not None and parent is not dialog:
            if isinstance(parent, (QComboBox, QAbstractItemView, QTabWidget)) and parent.objectName():
                return True
            parent = parent.parentWidget()
        return False

    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds) and not part_of_a_control(w)]
    assert len(controls) >= 15
    for control in controls:
        assert control.objectName(), control
        assert control.accessibleName(), control.objectName()
