"""The classroom's day as an editable table: one row per block, with its days, times and problems.

Every edit is committed as it is made, through the routine services wrapped in undo commands, so
Ctrl+Z takes back any change. Problems (an unreadable time, an end before its start, blocks that
overlap) are shown in the row itself, in words and with a tint, so the team sees them while typing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from goalwriter.core.days import format_days, parse_days
from goalwriter.core.schedule import routine_problems
from goalwriter.core.times import normalize_time
from goalwriter.services import queries
from goalwriter.services.records import RoutineRec
from goalwriter.services.routines import add_routine, duplicate_routine, update_routine
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError, NotFoundError
from goalwriter.store.events import Change
from goalwriter.ui.commands import AddCommand, DeleteCommand, EditCommand, MoveCommand, ServiceCommand

AnyIndex = QModelIndex | QPersistentModelIndex
PROBLEM_TINT = QColor("#fde8d7")


def _stored_time(text: str, after: str = "") -> str:
    """The time as stored: HH:MM when it can be read ("1:15 pm" -> "13:15"), otherwise the text as typed,
    which the Problems column then explains."""
    try:
        previous = normalize_time(after) or None
    except ValueError:
        previous = None
    try:
        return normalize_time(text, previous)
    except ValueError:
        return text.strip()


def _days_of(rec: RoutineRec) -> frozenset[int] | None:
    try:
        return parse_days(rec.days)
    except ValueError:
        return None


EditFn = Callable[[RoutineRec, dict[str, Any]], bool]
MoveFn = Callable[[RoutineRec, int], bool]


class RoutineMatrixModel(QAbstractTableModel):
    """A thin table over a classroom's routines (RoutineRec rows, in day order).

    The model never writes to the database: an edit or a drop is handed to ``edit(rec, changes)`` or
    ``move(rec, index)`` (the editor turns them into undo commands); the rows change when the editor
    calls :meth:`set_rows` with what the store holds now. Without those callables it is read-only.
    """

    NAME, DESCRIPTION, MON, TUE, WED, THU, FRI, START, END, PROBLEMS = range(10)
    DAY_COLUMNS = (MON, TUE, WED, THU, FRI)
    MIME_TYPE = "application/x-goalwriter-routine-id"

    refused = Signal(str)  # an edit that cannot be made, in words

    def __init__(self, parent=None, edit: EditFn | None = None, move: MoveFn | None = None):
        super().__init__(parent)
        self.edit = edit
        self.move = move
        self._rows: list[RoutineRec] = []
        self._problems: dict[int, list[str]] = {}
        self._headers = [
            self.tr("Block"),
            self.tr("Description"),
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Problems"),
        ]
        self._day_names = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                           self.tr("Friday")]

    # -- reading --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @property
    def rows(self) -> tuple[RoutineRec, ...]:
        return tuple(self._rows)

    def routine(self, row: int) -> RoutineRec | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, routine_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == routine_id), -1)

    def problems(self, routine_id: int) -> list[str]:
        return list(self._problems.get(routine_id, ()))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section in self.DAY_COLUMNS:
                return self.tr("Meets on %s (Space toggles)") % self._day_names[section - self.MON]
            if role == Qt.ItemDataRole.ToolTipRole and section in (self.START, self.END):
                return self.tr("Type a time as you say it: 8:30, 1:15 pm, 13:15")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        rec = self._rows[index.row()]
        column = index.column()
        problems = self._problems.get(rec.id)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(PROBLEM_TINT) if problems else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                return "\n".join(f"⚠ {p}" for p in problems)
            return rec.description if column == self.DESCRIPTION and rec.description else None
        if column in self.DAY_COLUMNS:
            meets = self._meets(rec, column - self.MON)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if meets else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                day = self._day_names[column - self.MON]
                return self.tr("%s: meets") % day if meets else self.tr("%s: does not meet") % day
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return rec.name
            if column == self.DESCRIPTION:
                return rec.description
            if column == self.START:
                return rec.start
            if column == self.END:
                return rec.end
            if column == self.PROBLEMS:
                return "⚠ " + "; ".join(problems) if problems else ""
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.PROBLEMS:
            return "; ".join(problems) if problems else self.tr("no problems")
        return None

    @staticmethod
    def _meets(rec: RoutineRec, day: int) -> bool:
        days = _days_of(rec)
        return days is not None and day in days

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.move else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.move:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if self.edit is None:
            return flags
        if index.column() in self.DAY_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() != self.PROBLEMS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- editing (handed to the editor, which pushes undo commands) -----------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.edit is None or not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return False
        rec = self._rows[index.row()]
        column = index.column()
        if column in self.DAY_COLUMNS and role == Qt.ItemDataRole.CheckStateRole:
            return self._toggle_day(rec, column - self.MON, Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value)
        if column == self.NAME:
            field, new = "name", text.strip()
            if not new:
                self.refused.emit(self.tr("A block needs a name; the name was left as it was."))
                return False
        elif column == self.DESCRIPTION:
            field, new = "description", text.strip()
        elif column == self.START:
            field, new = "start", _stored_time(text)
        elif column == self.END:
            field, new = "end", _stored_time(text, rec.start)
        else:
            return False
        if getattr(rec, field) == new:
            return False
        return self.edit(rec, {field: new})

    def _toggle_day(self, rec: RoutineRec, day: int, on: bool) -> bool:
        days = set(_days_of(rec) or ())
        if on:
            days.add(day)
        else:
            days.discard(day)
        if not days:
            self.refused.emit(
                self.tr("“%s” must meet on at least one day; to drop the block, remove it instead.") % rec.name
            )
            return False
        text = format_days(days)
        if text == rec.days:
            return False
        return self.edit(rec, {"days": text})

    # -- drag and drop: reorder blocks -----------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(self.MIME_TYPE, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.move is not None and data.hasFormat(self.MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            routine_id = int(bytes(data.data(self.MIME_TYPE).data()).decode())
        except ValueError:
            return False
        source = self.row_of(routine_id)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        index = target - 1 if target > source else target
        if index == source:
            return False
        self.move(self._rows[source], index)  # type: ignore[misc]
        return False  # the rows move when the store reports the change; the view removes nothing

    # -- refreshing, with precise signals so selection and scroll position survive -----------------
    def set_rows(self, rows: Sequence[RoutineRec]) -> None:
        """Show ``rows`` (the store's current routines), signalling only what changed."""
        rows = list(rows)
        problems = routine_problems(rows)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in rows]
        if old_ids == new_ids:
            self._update_in_place(rows, problems)
            return
        new_by_id = {r.id: r for r in rows}
        if len(new_ids) == len(old_ids) + 1:
            added = next(i for i in new_ids if i not in old_ids)
            if [i for i in new_ids if i != added] == old_ids:
                at = new_ids.index(added)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, new_by_id[added])
                self.endInsertRows()
                self._update_in_place(rows, problems)
                return
        if len(new_ids) == len(old_ids) - 1:
            gone = [i for i in old_ids if i not in new_by_id]
            if len(gone) == 1 and [i for i in old_ids if i != gone[0]] == new_ids:
                at = old_ids.index(gone[0])
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._rows[at]
                self.endRemoveRows()
                self._update_in_place(rows, problems)
                return
        moved = self._single_move(old_ids, new_ids)
        if moved is not None:
            source, dest = moved
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest + 1 if dest > source else dest)
            self._rows.insert(dest, self._rows.pop(source))
            self.endMoveRows()
            self._update_in_place(rows, problems)
            return
        self.beginResetModel()
        self._rows = rows
        self._problems = problems
        self.endResetModel()

    @staticmethod
    def _single_move(old_ids: list[int], new_ids: list[int]) -> tuple[int, int] | None:
        if len(old_ids) != len(new_ids) or set(old_ids) != set(new_ids):
            return None
        for source, record_id in enumerate(old_ids):
            rest = [i for i in old_ids if i != record_id]
            dest = new_ids.index(record_id)
            if [*rest[:dest], record_id, *rest[dest:]] == new_ids:
                return source, dest
        return None

    def _update_in_place(self, rows: list[RoutineRec], problems: dict[int, list[str]]) -> None:
        changed = [
            i
            for i, (old, new) in enumerate(zip(self._rows, rows, strict=True))
            if old != new or self._problems.get(old.id) != problems.get(new.id)
        ]
        self._rows = rows
        self._problems = problems
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))


class RoutineEditor(QWidget):
    """The teacher's day for one classroom: a table to edit, and a toolbar to add, copy, remove, reorder
    and import blocks. Host it anywhere; forward the store's change events to :meth:`on_change`."""

    current_routine_changed = Signal(int)  # routine id, or 0 when no block is current

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.classroom_id: int | None = None
        self.setObjectName("routineEditor")
        self.setAccessibleName(self.tr("The classroom's day"))

        self.title = QLabel(self)
        self.title.setObjectName("routineEditorTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.model = RoutineMatrixModel(self, edit=self._edit, move=self._move_to)
        self.model.refused.connect(self.show_message)
        self.table = QTableView(self)
        self.table.setObjectName("routineMatrix")
        self.table.setAccessibleName(self.tr("Blocks of the day: name, description, days, start and end times"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RoutineMatrixModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((RoutineMatrixModel.NAME, 190), (RoutineMatrixModel.START, 64),
                              (RoutineMatrixModel.END, 64), (RoutineMatrixModel.PROBLEMS, 230)):
            self.table.setColumnWidth(column, width)
        for column in RoutineMatrixModel.DAY_COLUMNS:
            self.table.setColumnWidth(column, 46)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("routineToolbar")
        self.toolbar.setAccessibleName(self.tr("Block actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = self._action(
            "addBlock", self.tr("&Add block"), self.tr("Add a block after the current one"),
            [QKeySequence("Ctrl+Shift+B"), QKeySequence(Qt.Key.Key_Insert)], self.add_block,
        )
        self.duplicate_action = self._action(
            "duplicateBlock", self.tr("&Duplicate"), self.tr("Duplicate the current block"),
            [QKeySequence("Ctrl+Shift+D")], self.duplicate_block,
        )
        self.remove_action = self._action(
            "removeBlock", self.tr("&Remove"), self.tr("Remove the current block"),
            [QKeySequence(QKeySequence.StandardKey.Delete)], self.remove_block,
        )
        self.toolbar.addSeparator()
        self.up_action = self._action(
            "moveBlockUp", self.tr("Move &up"), self.tr("Move the current block earlier in the day"),
            [QKeySequence("Alt+Up")], lambda: self.move_block(-1),
        )
        self.down_action = self._action(
            "moveBlockDown", self.tr("Move do&wn"), self.tr("Move the current block later in the day"),
            [QKeySequence("Alt+Down")], lambda: self.move_block(1),
        )
        self.toolbar.addSeparator()
        self.import_action = self._action(
            "importBlocks", self.tr("&Import…"), self.tr("Import the day from a file or pasted cells"),
            [QKeySequence("Ctrl+Shift+I")], self.import_day,
        )

        self.message = QLabel(self)
        self.message.setObjectName("routineEditorMessage")
        self.message.setAccessibleName(self.tr("Message about the last edit"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(
            self.tr("Type or double-click to edit · Space toggles a day · Insert adds a block · "
                    "Alt+↑/↓ moves it · Ctrl+Z undoes"),
            self,
        )
        self.hint.setObjectName("routineEditorHint")
        self.hint.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self._update_actions()

    def _action(self, name: str, text: str, tip: str, keys: list[QKeySequence], slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name + "Action")
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut_text = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{tip} ({shortcut_text})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        button = self.toolbar.widgetForAction(action)
        button.setObjectName(name + "Button")
        button.setAccessibleName(tip)
        return action

    # -- showing a classroom --------------------------------------------------------------------
    def set_classroom(self, classroom_id: int | None) -> None:
        """Show (and edit) the day of ``classroom_id``; None shows nothing."""
        changed = classroom_id != self.classroom_id
        self.classroom_id = classroom_id
        if changed:
            self.model.set_rows([])
            self.message.clear()
        self.reload()
        if changed and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, RoutineMatrixModel.NAME))

    def reload(self) -> None:
        """Read the classroom's routines again; the current block stays current."""
        if self.classroom_id is None:
            self.title.setText(self.tr("No classroom"))
            self.model.set_rows([])
        else:
            try:
                classroom = queries.get_classroom(self.store, self.classroom_id)
            except NotFoundError:
                self.classroom_id = None
                self.reload()
                return
            teacher = f" · {classroom.teacher}" if classroom.teacher else ""
            self.title.setText(self.tr("The day in %s") % (classroom.name + teacher))
            current = self.current_routine()
            self.model.set_rows(queries.list_routines(self.store, self.classroom_id))
            if current is not None and self.current_routine() is None:
                self.select_routine(current.id)
        self._update_actions()

    def on_change(self, change: Change) -> None:
        """Refresh when the store reports a change to this classroom's day (or to the caseload)."""
        if self.classroom_id is None:
            return
        ours = change.parent_id in (self.classroom_id, None) or any(self.model.row_of(i) >= 0 for i in change.ids)
        if (change.kind == "routine" and ours) or change.kind in ("classroom", "school", "caseload"):
            self.reload()

    # -- current block --------------------------------------------------------------------------
    def current_routine(self) -> RoutineRec | None:
        index = self.table.currentIndex()
        return self.model.routine(index.row()) if index.isValid() else None

    def select_routine(self, routine_id: int, column: int = RoutineMatrixModel.NAME) -> bool:
        row = self.model.row_of(routine_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, column))
        self.table.scrollTo(self.model.index(row, column))
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rec = self.model.routine(current.row()) if current.isValid() else None
        self._update_actions()
        self.current_routine_changed.emit(rec.id if rec else 0)

    def _update_actions(self) -> None:
        has_class = self.classroom_id is not None
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        has_row = has_class and row >= 0
        self.add_action.setEnabled(has_class)
        self.import_action.setEnabled(has_class)
        self.duplicate_action.setEnabled(has_row)
        self.remove_action.setEnabled(has_row)
        self.up_action.setEnabled(has_row and row > 0)
        self.down_action.setEnabled(has_row and row < self.model.rowCount() - 1)

    # -- edits: each one an undo command calling a routine service --------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _push(self, command: ServiceCommand) -> bool:
        self.undo_stack.push(command)
        if command.failed is not None:
            self.show_message(self.tr("Not saved: %s") % command.failed)
            self.reload()
            return False
        self.reload()
        return True

    def _edit(self, rec: RoutineRec, changes: dict[str, Any]) -> bool:
        store = self.store
        old = {field: getattr(rec, field) for field in changes}
        labels = {"name": self.tr("name"), "description": self.tr("description"), "days": self.tr("days"),
                  "start": self.tr("start time"), "end": self.tr("end time")}
        what = ", ".join(labels.get(f, f) for f in changes)
        command = EditCommand(
            store,
            self.tr("Change %s of “%s”") % (what, rec.name),
            "routine",
            rec.id,
            old,
            dict(changes),
            lambda values, version, rid=rec.id: update_routine(store, rid, version, **values),
            version=rec.version,
        )
        self.message.clear()
        return self._push(command)

    def add_block(self) -> None:
        if self.classroom_id is None:
            return
        current = self.current_routine()
        position = current.position + 1 if current else None
        store, classroom_id, name = self.store, self.classroom_id, self.tr("New block")
        command = AddCommand(
            store, self.tr("Add block"), "routine",
            lambda: add_routine(store, classroom_id, name, days=format_days(range(5)), position=position),
        )
        if self._push(command):
            self.show_message(self.tr("Added a block; type its name."))
            if self.select_routine(command.record.id):
                self.table.edit(self.table.currentIndex())

    def duplicate_block(self) -> None:
        rec = self.current_routine()
        if rec is None:
            return
        store = self.store
        command = AddCommand(
            store, self.tr("Duplicate “%s”") % rec.name, "routine", lambda: duplicate_routine(store, rec.id)
        )
        if self._push(command):
            self.select_routine(command.record.id)
            self.show_message(self.tr("Duplicated “%s”.") % rec.name)

    def remove_block(self) -> None:
        rec = self.current_routine()
        if rec is None:
            return
        row = self.model.row_of(rec.id)
        command = DeleteCommand(self.store, self.tr("Remove “%s”") % rec.name, "routine", rec.id, rec.version)
        if self._push(command):
            if self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
            self.show_message(self.tr("Removed “%s”. Undo (Ctrl+Z) brings it back.") % rec.name)

    def move_block(self, step: int) -> None:
        rec = self.current_routine()
        if rec is None:
            return
        row = self.model.row_of(rec.id)
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        self._move_to(rec, target)

    def _move_to(self, rec: RoutineRec, index: int) -> bool:
        column = max(self.table.currentIndex().column(), 0)
        command = MoveCommand(self.store, self.tr("Move “%s”") % rec.name, "routine", rec.id, index)
        moved = self._push(command)
        if moved:
            self.select_routine(rec.id, column)
        return moved

    def import_day(self) -> None:
        """Open the import dialog for this classroom; the import itself is one undo step."""
        if self.classroom_id is None:
            return
        from goalwriter.ui.import_dialog import ImportDialog

        try:
            _result, accepted = ImportDialog.run(self, self.store, self.classroom_id, self.undo_stack)
        except GoalwriterError as exc:
            self.show_message(self.tr("Not imported: %s") % exc)
            return
        self.reload()
        if accepted:
            self.show_message(self.tr("Imported the day. Undo (Ctrl+Z) takes the import back."))
