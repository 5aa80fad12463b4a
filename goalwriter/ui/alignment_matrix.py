"""The goals × routines matrix: where each goal is worked on in the class's day, and the team's decisions.

Rows are goals (one student's, or every student's in the class), columns are the day's routines plus
"per week". A cell shows the state as a symbol (✓ confirmed, ○ suggested, ✗ rejected, blank = no
match) over a bar for the match strength, so it reads on a black-and-white projector. A click, Space
or Enter cycles the state; the side panel holds the note, the support code and the "definitely
addressed" mark. Every change is an undo command calling goalwriter.services.alignment.set_alignment.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPalette, QPen, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goalwriter.services import queries
from goalwriter.services.alignment import (
    GoalRow,
    MatrixCell,
    StudentMatrix,
    classroom_matrices,
    next_state,
    student_matrix,
)
from goalwriter.services.records import RoutineRec
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError, NotFoundError
from goalwriter.store.events import Change
from goalwriter.ui.commands import alignment_edit
from goalwriter.ui.matrix_picture import cell_symbol
from goalwriter.ui.workers import Job, run_with_progress

AnyIndex = QModelIndex | QPersistentModelIndex
CellRole = Qt.ItemDataRole.UserRole + 1  # the MatrixCell of a routine cell
RowRole = Qt.ItemDataRole.UserRole + 2  # the GoalRow of any cell
FLAG_RED = QColor("#b3261e")
_TINTS = {"confirmed": QColor("#e3f1e4"), "rejected": QColor("#eeeeee"), "suggested": QColor("#e8eef8")}


def time_span(routine: RoutineRec) -> str:
    if routine.start and routine.end:
        return f"{routine.start}–{routine.end}"
    return routine.start or routine.end or ""


def goal_label(row: GoalRow, number: int, student_name: str = "", width: int = 34) -> str:
    """A short row label: "2. Fine motor: cut across a 6-inch…", prefixed with the student in the class view."""
    goal = row.goal
    label = f"{number}. {goal.area or QCoreApplication.translate('AlignmentMatrix', 'Goal')}"
    behavior = goal.behavior.strip()
    if behavior:
        label += ": " + textwrap.shorten(behavior, width=width, placeholder="…")
    return f"{student_name} · {label}" if student_name else label


class AlignmentMatrixModel(QAbstractTableModel):
    """A thin table over one or more StudentMatrix objects of the same classroom.

    Rows are the goals in order (student by student), columns the routines in day order and a last
    "per week" column. The model is read-only; the view turns clicks into undo commands and hands the
    fresh matrices back through :meth:`set_matrices`.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._matrices: list[StudentMatrix] = []
        self._routines: tuple[RoutineRec, ...] = ()
        self._rows: list[tuple[StudentMatrix, GoalRow, int]] = []  # (matrix, row, number within student)
        self.class_view = False

    # -- shape -----------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (len(self._routines) + 1 if self._rows or self._routines else 0)

    @property
    def routines(self) -> tuple[RoutineRec, ...]:
        return self._routines

    @property
    def matrices(self) -> tuple[StudentMatrix, ...]:
        return tuple(self._matrices)

    @property
    def per_week_column(self) -> int:
        return len(self._routines)

    def goal_row(self, row: int) -> GoalRow | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def student_of(self, row: int):
        return self._rows[row][0].student if 0 <= row < len(self._rows) else None

    def cell(self, index: AnyIndex) -> MatrixCell | None:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._routines)):
            return None
        return self._rows[index.row()][1].cells[index.column()]

    def index_of(self, goal_id: int, routine_id: int) -> QModelIndex:
        row = next((i for i, (_m, r, _n) in enumerate(self._rows) if r.goal.id == goal_id), -1)
        column = next((i for i, r in enumerate(self._routines) if r.id == routine_id), -1)
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def row_label(self, row: int) -> str:
        matrix, goal_row, number = self._rows[row]
        return goal_label(goal_row, number, matrix.student.short_name if self.class_view else "")

    # -- data ------------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            return self._column_header(section, role)
        if not (0 <= section < len(self._rows)):
            return None
        goal_row = self._rows[section][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return ("⚠ " if goal_row.flag else "") + self.row_label(section)
        if role == Qt.ItemDataRole.ForegroundRole and goal_row.flag:
            return QBrush(FLAG_RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = goal_row.goal.text or self.row_label(section)
            return f"{tip}\n\n⚠ {goal_row.flag}" if goal_row.flag else tip
        if role == Qt.ItemDataRole.FontRole and goal_row.flag:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _column_header(self, section: int, role: int):
        if section == self.per_week_column and (self._rows or self._routines):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("per\nweek")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Opportunities per week: the days of every block where the goal is worked on")
            return None
        if not (0 <= section < len(self._routines)):
            return None
        routine = self._routines[section]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = textwrap.wrap(routine.name, 12, max_lines=3, placeholder="…") or [routine.name]
            span = time_span(routine)
            return "\n".join([*lines, span] if span else lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [routine.name]
            if time_span(routine) or routine.days:
                parts.append(" · ".join(p for p in (routine.days, time_span(routine)) if p))
            if routine.description:
                parts.append(routine.description)
            return "\n".join(parts)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        goal_row = self._rows[index.row()][1]
        if role == RowRole:
            return goal_row
        if index.column() == self.per_week_column:
            return self._per_week_data(goal_row, role)
        cell = self.cell(index)
        if cell is None:
            return None
        routine = self._routines[index.column()]
        if role == CellRole:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_symbol(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(cell, routine)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell_words(cell, routine)
        if role == Qt.ItemDataRole.BackgroundRole:
            symbol = cell_symbol(cell)
            return QBrush(_TINTS[cell.state]) if symbol else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _per_week_data(self, goal_row: GoalRow, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{goal_row.per_week}×"
        if role == Qt.ItemDataRole.ToolTipRole:
            if goal_row.flag:
                return "⚠ " + goal_row.flag
            return self.tr("%d opportunities a week in %d blocks") % (goal_row.per_week, len(goal_row.addressed))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("%d opportunities per week") % goal_row.per_week
        if role == Qt.ItemDataRole.ForegroundRole and goal_row.flag:
            return QBrush(FLAG_RED)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def state_words(self, cell: MatrixCell) -> str:
        if cell.state == "confirmed":
            return self.tr("✓ confirmed by the team")
        if cell.state == "rejected":
            return self.tr("✗ rejected by the team")
        if cell.suggested:
            return self.tr("○ suggested by the matcher, not yet decided")
        return self.tr("no match")

    def support_words(self, code: str) -> str:
        return {
            "P": self.tr("P · peer support"),
            "A": self.tr("A · second adult"),
            "N": self.tr("N · no support"),
        }.get(code, "")

    def cell_tooltip(self, cell: MatrixCell, routine: RoutineRec) -> str:
        lines = [f"{routine.name}: {self.state_words(cell)}", self.tr("Match %d%%") % round(cell.score * 100)]
        if cell.why:
            lines.append(self.tr("Why: %s") % cell.reason)
        if cell.note:
            lines.append(self.tr("Note: %s") % cell.note)
        if cell.support:
            lines.append(self.tr("Support: %s") % self.support_words(cell.support))
        if cell.definitely:
            lines.append(self.tr("★ Definitely addressed (with data collection)"))
        return "\n".join(lines)

    def cell_words(self, cell: MatrixCell, routine: RoutineRec) -> str:
        words = f"{routine.name}: {self.state_words(cell)}, " + self.tr("match %d%%") % round(cell.score * 100)
        if cell.definitely:
            words += ", " + self.tr("definitely addressed")
        if cell.support:
            words += ", " + self.support_words(cell.support)
        return words

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- refreshing ------------------------------------------------------------------------------
    def set_matrices(self, matrices: Sequence[StudentMatrix], class_view: bool = False) -> None:
        """Show these matrices (all of one classroom); signals only the cells that changed when the
        goals and routines are the same as before."""
        matrices = list(matrices)
        routines = matrices[0].routines if matrices else ()
        rows = [(m, row, n) for m in matrices for n, row in enumerate(m.rows, start=1)]
        same_shape = (
            class_view == self.class_view
            and [r.id for r in routines] == [r.id for r in self._routines]
            and [(m.student.id, r.goal.id) for m, r, _n in rows]
            == [(m.student.id, r.goal.id) for m, r, _n in self._rows]
            and bool(rows) == bool(self._rows)
        )
        if not same_shape:
            self.beginResetModel()
            self._matrices, self._routines, self._rows, self.class_view = matrices, routines, rows, class_view
            self.endResetModel()
            return
        old_rows, old_routines = self._rows, self._routines
        self._matrices, self._routines, self._rows = matrices, routines, rows
        if routines != old_routines:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(len(routines) - 1, 0))
        changed = [
            i
            for i, ((om, old, _a), (nm, new, _b)) in enumerate(zip(old_rows, rows, strict=True))
            if old.cells != new.cells or old.goal != new.goal or om.student != nm.student
        ]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, min(changed), max(changed))


class CellDelegate(QStyledItemDelegate):
    """Paints a matrix cell: the state symbol, a bar for the match strength, ★ for "definitely
    addressed" and the support code letter."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        cell: MatrixCell | None = index.data(CellRole)
        if cell is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        if not selected and index.data(Qt.ItemDataRole.BackgroundRole) is not None:
            ink = QColor("#1a1a1a")  # the light tints need dark ink, whatever the theme
        rect = opt.rect.adjusted(3, 2, -3, -3)
        bar = QRect(rect.left() + 4, rect.bottom() - 4, rect.width() - 8, 4)
        if cell.score > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            track = QColor(ink)
            track.setAlpha(40)
            painter.setBrush(track)
            painter.drawRect(bar)
            fill = QColor(ink)
            fill.setAlpha(150)
            painter.setBrush(fill)
            painter.drawRect(QRect(bar.left(), bar.top(), max(1, round(bar.width() * min(cell.score, 1.0))), 4))
        symbol = cell_symbol(cell)
        font = QFont(opt.font)
        if symbol:
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(cell.state == "confirmed")
            painter.setFont(font)
            painter.setPen(QPen(ink))
            painter.drawText(rect.adjusted(0, 0, 0, -5), Qt.AlignmentFlag.AlignCenter, symbol)
        small = QFont(opt.font)
        small.setPointSizeF(small.pointSizeF() * 0.85)
        small.setBold(True)
        painter.setFont(small)
        painter.setPen(QPen(ink))
        if cell.definitely:
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "★")
        if cell.support:
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, cell.support)
        if cell.note:
            painter.drawText(rect.adjusted(0, 0, 0, -5), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             "✎")
        painter.restore()


class MatrixTable(QTableView):
    """The matrix grid; Space or Enter on the current cell asks for the next state."""

    cycle_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            index = self.currentIndex()
            if index.isValid():
                self.cycle_requested.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)


class CellPanel(QFrame):
    """The current cell's details: its state, a note on how the goal is embedded in that block, the
    support code and the "definitely addressed" mark. Emits what the user changed; it saves nothing."""

    state_chosen = Signal(str)
    note_edited = Signal(str, bool)  # text, final (False while typing, True on Enter / leaving the field)
    support_chosen = Signal(str)
    definitely_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alignmentCellPanel")
        self.setAccessibleName(self.tr("The selected goal and block"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(280)
        self.heading = QLabel(self)
        self.heading.setObjectName("alignmentCellHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.goal = QLabel(self)
        self.goal.setObjectName("alignmentGoal")
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLabel(self)
        self.reason.setObjectName("alignmentReason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)

        self.state_group = QButtonGroup(self)
        self.state_buttons: dict[str, QRadioButton] = {}
        states = QVBoxLayout()
        for state, text, tip in (
            ("suggested", self.tr("○ Not decided"), self.tr("Not decided: the matcher's suggestion stands")),
            ("confirmed", self.tr("✓ Confirmed"), self.tr("Confirmed: the goal is worked on in this block")),
            ("rejected", self.tr("✗ Rejected"), self.tr("Rejected: the goal is not worked on in this block")),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(f"alignmentState{state.capitalize()}")
            button.setAccessibleName(tip)
            button.setToolTip(tip)
            self.state_group.addButton(button)
            self.state_buttons[state] = button
            states.addWidget(button)
            button.clicked.connect(lambda _checked=False, s=state: self.state_chosen.emit(s))

        self.note = QLineEdit(self)
        self.note.setObjectName("alignmentNote")
        self.note.setAccessibleName(self.tr("Note: how the goal is embedded in this block"))
        self.note.setPlaceholderText(self.tr("e.g. zips coat at the cubby before recess"))
        self.note.setClearButtonEnabled(True)
        self.support = QComboBox(self)
        self.support.setObjectName("alignmentSupport")
        self.support.setAccessibleName(self.tr("Support code"))
        for code, text in (
            ("", self.tr("— not set")),
            ("P", self.tr("P · peer")),
            ("A", self.tr("A · second adult")),
            ("N", self.tr("N · none")),
        ):
            self.support.addItem(text, code)
        self.definitely = QCheckBox(self.tr("★ &Definitely addressed"), self)
        self.definitely.setObjectName("alignmentDefinitely")
        self.definitely.setAccessibleName(self.tr("Definitely addressed in this block (at most two a day)"))
        self.definitely.setToolTip(self.tr("Data is taken in this block; at most two blocks a day per goal"))
        self.definitely_hint = QLabel(self.tr("data taken here · at most 2 blocks a day"), self)
        self.definitely_hint.setObjectName("alignmentDefinitelyHint")
        self.definitely_hint.setEnabled(False)
        self.definitely_hint.setIndent(24)
        self.definitely_hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("alignmentMessage")
        self.message.setAccessibleName(self.tr("Message about the last change"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Support:"), self.support)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.goal)
        layout.addSpacing(6)
        layout.addWidget(self.reason)
        layout.addLayout(states)
        layout.addLayout(form)
        layout.addWidget(self.definitely)
        layout.addWidget(self.definitely_hint)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(700)
        self._shown: tuple[int, int] | None = None
        self._typing.timeout.connect(lambda: self.note_edited.emit(self.note.text(), False))
        self.note.textEdited.connect(lambda _text: self._typing.start())
        self.note.editingFinished.connect(self._note_finished)
        self.support.activated.connect(lambda i: self.support_chosen.emit(self.support.itemData(i)))
        self.definitely.clicked.connect(lambda _c=False: self.definitely_toggled.emit(self.definitely.isChecked()))
        self.show_cell(None, None, "")

    def _note_finished(self) -> None:
        self._typing.stop()
        self.note_edited.emit(self.note.text(), True)

    def flush(self) -> None:
        """Save a note still being typed (before the panel shows another cell)."""
        if self._typing.isActive():
            self._note_finished()

    def show_cell(self, cell: MatrixCell | None, routine: RoutineRec | None, goal_text: str, words: str = "",
                  reason: str = "") -> None:
        enabled = cell is not None and routine is not None
        for widget in (*self.state_buttons.values(), self.note, self.support, self.definitely, self.definitely_hint):
            widget.setEnabled(enabled)
        if not enabled:
            self._shown = None
            self.heading.setText(self.tr("Pick a cell of the matrix"))
            self.goal.clear()
            self.reason.setText(self.tr("Arrow keys move; Space, Enter or a click cycles ○ → ✓ → ✗."))
            self.note.clear()
            self.support.setCurrentIndex(0)
            self.definitely.setChecked(False)
            self.state_group.setExclusive(False)
            for button in self.state_buttons.values():
                button.setChecked(False)
            self.state_group.setExclusive(True)
            return
        assert cell is not None and routine is not None
        key = (cell.goal_id, cell.routine_id)
        self.heading.setText(f"{routine.name} · {time_span(routine)}".rstrip(" ·"))
        self.goal.setText(goal_text)
        self.reason.setText(words + ("\n" + reason if reason else ""))
        self.state_buttons[cell.state].setChecked(True)
        typing_here = key == self._shown and self.note.hasFocus()
        if not typing_here and self.note.text() != cell.note:
            self.note.setText(cell.note)  # never under the cursor of someone typing in this cell's note
        self.support.setCurrentIndex(max(0, self.support.findData(cell.support)))
        self.definitely.setChecked(cell.definitely)
        self._shown = key

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(("⚠ " if error and text else "") + text)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, FLAG_RED if error else self.palette().color(
            QPalette.ColorRole.WindowText))
        self.message.setPalette(palette)


class AlignmentMatrixView(QWidget):
    """The matrix of one student (:meth:`show_student`) or of a whole class (:meth:`show_classroom`,
    computed in a worker with progress and cancel). Forward the store's change events to
    :meth:`on_change`; decisions are pushed on the given undo stack."""

    current_cell_changed = Signal(int, int)  # goal id, routine id (0, 0 when none)
    loaded = Signal()  # a student's or a class's matrix is on screen

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.student_id: int | None = None
        self.classroom_id: int | None = None
        self.job: Job | None = None
        self._generation = 0
        self._current: tuple[int, int] | None = None
        self._stale = False  # a change arrived while hidden
        self._home_student: int | None = None  # the student the Whole class button returns to
        self.setObjectName("alignmentMatrixView")
        self.setAccessibleName(self.tr("Goals and routines matrix"))

        self.title = QLabel(self)
        self.title.setObjectName("alignmentMatrixTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.rematch_button = QPushButton(self.tr("&Re-match"), self)
        self.rematch_button.setObjectName("rematchButton")
        self.rematch_button.setAccessibleName(self.tr("Match the goals against the day again"))
        self.rematch_button.setToolTip(self.tr("Match again (F5); the team's decisions stay"))
        self.rematch_button.setShortcut(Qt.Key.Key_F5)
        self.rematch_button.clicked.connect(self.rematch)
        self.class_button = QPushButton(self.tr("Whole &class"), self)
        self.class_button.setObjectName("wholeClassButton")
        self.class_button.setAccessibleName(self.tr("Show every student's goals in this class"))
        self.class_button.setToolTip(self.tr("Every student's goals in the class (matched in the background)"))
        self.class_button.setCheckable(True)
        self.class_button.setEnabled(False)
        self.class_button.toggled.connect(self._toggle_class)
        self.status = QLabel(self)
        self.status.setObjectName("alignmentStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.model = AlignmentMatrixModel(self)
        self.table = MatrixTable(self)
        self.table.setObjectName("alignmentMatrix")
        self.table.setAccessibleName(self.tr("Matrix: goals in rows, the day's blocks in columns"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMouseTracking(True)
        # The day's blocks share the width, so a whole day fits on a projector without scrolling; below
        # the minimum a scroll bar appears.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(72)
        self.table.horizontalHeader().setDefaultSectionSize(86)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.verticalHeader().setMaximumWidth(270)
        self.table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setCornerButtonEnabled(False)
        self.table.clicked.connect(self.cycle)
        self.table.cycle_requested.connect(self.cycle)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._after_reset)

        self.panel = CellPanel(self)
        self.panel.state_chosen.connect(lambda state: self._decide({"state": state}))
        self.panel.note_edited.connect(self._note_edited)
        self.panel.support_chosen.connect(lambda code: self._decide({"support": code}))
        self.panel.definitely_toggled.connect(lambda on: self._decide({"definitely": on}))

        self.legend = QLabel(
            self.tr("✓ confirmed   ○ suggested   ✗ rejected   blank: no match   ▬ match strength   "
                    "★ definitely addressed   P peer · A second adult · N none   ✎ note   ⚠ never comes up in class"),
            self,
        )
        self.legend.setObjectName("alignmentLegend")
        self.legend.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        top.addWidget(self.class_button)
        top.addWidget(self.rematch_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("alignmentSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)
        self.title.setText(self.tr("No student"))

    # -- what is shown ---------------------------------------------------------------------------
    def show_student(self, student_id: int) -> None:
        """The goals of one student against the class's day (computed here; it takes milliseconds)."""
        self._cancel_job()
        self.student_id, self.classroom_id = student_id, None
        self._home_student = student_id
        self._set_class_button(False)
        self._load_student()

    def show_classroom(self, classroom_id: int) -> Job:
        """Every student's goals in the class, computed in a worker with progress and Cancel."""
        self._cancel_job()
        self.student_id, self.classroom_id = None, classroom_id
        self._set_class_button(True)
        return self._load_classroom()

    def _set_class_button(self, on: bool) -> None:
        self.class_button.blockSignals(True)
        self.class_button.setChecked(on)
        self.class_button.setEnabled(on or self._home_student is not None)
        self.class_button.blockSignals(False)

    def _toggle_class(self, on: bool) -> None:
        """The Whole class button: the class of the student shown, and back to that student."""
        home = self._home_student
        if home is None:
            return
        if not on:
            self.show_student(home)
            return
        try:
            classroom_id = queries.get_student(self.store, home).classroom_id
        except NotFoundError:
            self._set_class_button(False)
            return
        self.show_classroom(classroom_id)

    def rematch(self) -> None:
        """Match again (after lexicon or routine changes elsewhere); the team's decisions stay."""
        if self.classroom_id is not None:
            self._load_classroom()
        elif self.student_id is not None:
            self._load_student()

    def _load_student(self) -> None:
        try:
            matrix = student_matrix(self.store, self.student_id)  # type: ignore[arg-type]
        except NotFoundError:
            self.student_id = None
            self.model.set_matrices([])
            self.title.setText(self.tr("No student"))
            self.panel.show_cell(None, None, "")
            return
        self.title.setText(self.tr("%s · %s: where each goal comes up in the day")
                           % (matrix.student.name, matrix.classroom.name))
        self._show([matrix], class_view=False)

    def _load_classroom(self) -> Job:
        self._cancel_job()
        self._generation += 1
        generation, store, classroom_id = self._generation, self.store, self.classroom_id
        try:
            classroom = queries.get_classroom(store, classroom_id)  # type: ignore[arg-type]
            self.title.setText(self.tr("%s: every student's goals in the day") % classroom.name)
        except NotFoundError:
            self.title.setText(self.tr("No classroom"))
        self.status.setText(self.tr("Matching the class…"))

        def work(progress, cancelled):
            return classroom_matrices(store, classroom_id, progress, cancelled)

        def done(matrices) -> None:
            if generation != self._generation:
                return
            self.job = None
            self.status.setText(self.tr("%d students · %d goals") % (len(matrices), sum(len(m.rows) for m in matrices)))
            self._show(matrices, class_view=True)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.job = None
            self.status.setText(self.tr("Not matched: %s") % exc)

        def cancelled() -> None:
            if generation != self._generation:
                return
            self.job = None
            self.status.setText(self.tr("Matching cancelled; the matrix shows the last result"))

        self.job = run_with_progress(self, self.tr("Matching every student's goals"), work, done, failed, cancelled)
        return self.job

    def _cancel_job(self) -> None:
        if self.job is not None:
            self._generation += 1
            self.job.cancel()
            self.job = None

    def cancel(self) -> None:
        """Stop the whole-class matching that is running, if any."""
        if self.job is not None:
            self.job.cancel()

    def _show(self, matrices: Sequence[StudentMatrix], class_view: bool) -> None:
        keep = self._current
        self.model.set_matrices(matrices, class_view)
        if not self.table.currentIndex().isValid():  # a reset lost the current cell: put it back
            index = self.model.index_of(*keep) if keep is not None else QModelIndex()
            if not index.isValid() and self.model.rowCount() and self.model.routines:
                index = self.model.index(0, 0)
            if index.isValid():
                self.table.setCurrentIndex(index)
        self._refresh_panel()
        self._fit_headers()
        self.loaded.emit()

    def _after_reset(self) -> None:
        self._fit_headers()

    def _fit_headers(self) -> None:
        """No block's header line is cut: the narrowest column still fits the longest line (its time or a
        long word of its name) in the header's current font, which zoom changes."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        lines = [
            line
            for section in range(len(self.model.routines))
            for line in str(self.model.headerData(section, Qt.Orientation.Horizontal) or "").split("\n")
        ]
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        header.setMinimumSectionSize(max(72, widest + 2 * metrics.averageCharWidth()))
        header.setSectionResizeMode(self.model.per_week_column, QHeaderView.ResizeMode.Fixed)
        if self.model.columnCount():
            self.table.setColumnWidth(self.model.per_week_column, max(64, metrics.horizontalAdvance("week") * 2))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # meeting-mode zoom
            self._fit_headers()

    # -- current cell ----------------------------------------------------------------------------
    def current_cell(self) -> MatrixCell | None:
        return self.model.cell(self.table.currentIndex())

    def select_cell(self, goal_id: int, routine_id: int) -> bool:
        index = self.model.index_of(goal_id, routine_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.panel.flush()  # a note still being typed belongs to the cell that was current
        cell = self.model.cell(current)
        self._current = (cell.goal_id, cell.routine_id) if cell else None
        self.panel.show_message("")
        self._refresh_panel()
        self.current_cell_changed.emit(*(self._current or (0, 0)))

    def _refresh_panel(self) -> None:
        index = self.table.currentIndex()
        cell = self.model.cell(index)
        if cell is None:
            self.panel.show_cell(None, None, "")
            return
        routine = self.model.routines[index.column()]
        goal_row = self.model.goal_row(index.row())
        assert goal_row is not None
        label = self.model.row_label(index.row()).split(":")[0]
        self.panel.show_cell(
            cell,
            routine,
            f"{label}: {goal_row.goal.text}" if goal_row.goal.text else self.model.row_label(index.row()),
            self.model.state_words(cell) + " · " + self.tr("match %d%%") % round(cell.score * 100),
            (self.tr("Why: %s") % cell.reason) if cell.why else "",
        )

    # -- decisions: each one an undo command -------------------------------------------------------
    def cycle(self, index: QModelIndex) -> None:
        """Next state of a cell: suggested → confirmed → rejected → suggested."""
        cell = self.model.cell(index)
        if cell is None:
            return
        if index != self.table.currentIndex():
            self.table.setCurrentIndex(index)
        self._decide({"state": next_state(cell.state)}, cell)

    def _note_edited(self, text: str, final: bool) -> None:
        """Save the note of the cell it was typed in; pauses in typing save too, merged into one undo step."""
        cell = self.model.cell(self.model.index_of(*self._current)) if self._current else None
        value = text.strip() if final else text
        if cell is None or value == cell.note:
            return
        self._decide({"note": value}, cell, merge_key="note")

    def _decide(self, values: dict[str, Any], cell: MatrixCell | None = None, merge_key: str | None = None) -> bool:
        cell = cell or self.current_cell()
        if cell is None:
            return False
        goal_id, routine_id = cell.goal_id, cell.routine_id
        routine = next((r for r in self.model.routines if r.id == routine_id), None)
        try:
            command = alignment_edit(self.store, goal_id, routine_id, values,
                                     self._command_text(values, routine.name if routine else ""), merge_key)
        except GoalwriterError as exc:
            self.panel.show_message(str(exc), error=True)
            return False
        if command is None:
            return False
        self.undo_stack.push(command)
        if command.failed is not None:
            self.panel.show_message(self.tr("Not saved: %s") % command.failed, error=True)
            self._refresh_goal(goal_id)
            return False
        self.panel.show_message("")
        self._refresh_goal(goal_id)
        return True

    def _command_text(self, values: dict[str, Any], routine_name: str) -> str:
        if "state" in values:
            return self.tr("Mark %s %s") % (routine_name, values["state"])
        if "note" in values:
            return self.tr("Note for %s") % routine_name
        if "support" in values:
            return self.tr("Support code for %s") % routine_name
        return self.tr("“Definitely addressed” in %s") % routine_name

    def _refresh_goal(self, goal_id: int) -> None:
        """Re-read what shows this goal: the student's matrix (in the class view, only that student's rows)."""
        if self.student_id is not None:
            self._load_student()
            return
        student = next((m.student.id for m in self.model.matrices if m.row(goal_id) is not None), None)
        if student is not None and self.job is None:
            self._refresh_students({student})

    def _refresh_students(self, student_ids: set[int]) -> None:
        matrices = []
        try:
            for matrix in self.model.matrices:
                fresh = student_matrix(self.store, matrix.student.id) if matrix.student.id in student_ids else matrix
                matrices.append(fresh)
        except NotFoundError:
            self._load_classroom()
            return
        self._show(matrices, class_view=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.rematch()

    def on_change(self, change: Change) -> None:
        """Refresh after a change in the store that can alter what is shown (once shown, when hidden)."""
        if self.student_id is None and self.classroom_id is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        if change.kind in ("alignment", "goal"):
            if self.student_id is not None:
                if change.parent_id in (self.student_id, None):
                    self._load_student()
            elif self.job is None and any(m.student.id == change.parent_id for m in self.model.matrices):
                self._refresh_students({change.parent_id})  # type: ignore[arg-type]
            elif change.parent_id is None:
                self.rematch()
        elif change.kind == "routine":
            classroom = self.classroom_id
            if classroom is None and self.model.matrices:
                classroom = self.model.matrices[0].classroom.id
            if change.parent_id in (classroom, None):
                self.rematch()
        elif change.kind in ("lexicon", "student", "classroom", "school", "caseload"):
            self.rematch()
