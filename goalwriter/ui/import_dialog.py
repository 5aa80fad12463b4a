"""Import the classroom's day from a file or from pasted cells, with a preview to check before storing.

Reading and parsing run in a worker (goalwriter.ui.workers), so a long schedule never stalls the window.
The preview shows every block as it will be stored, rows with problems marked with the reason; the
column mapping and the layout are guessed and can be changed, and the preview follows. The import
itself is one step on the undo stack.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from goalwriter.helper_process import HelperCancelled, run_in_process
from goalwriter.io.routine_import import (
    FIELDS,
    ColumnMapping,
    ParsedSchedule,
    RoutineDraft,
    parse_routines,
)
from goalwriter.io.tables import Grid, ImportCancelled, read_pasted
from goalwriter.services import queries
from goalwriter.services.routine_import import ImportResult, import_routines
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError
from goalwriter.ui import dialogs
from goalwriter.ui.commands import ServiceCommand
from goalwriter.ui.import_commands import ImportRoutinesCommand
from goalwriter.ui.workers import Cancelled, Job, run_with_progress, start_job

AnyIndex = QModelIndex | QPersistentModelIndex
PROBLEM_TINT = QColor("#fde8d7")
LEFT_OUT_TEXT = QColor("#8a8a8a")
PASTE_DELAY_MS = 350


_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_enabled = True


@contextlib.contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a worker builds many objects.

    A full collection holds the GIL for 100-250 ms on the app's heap; started from a worker that allocates
    a lot, it stalls the window just the same. Paused during the job, the new objects are collected right
    after, in short young-generation steps. Overlapping jobs keep it paused until the last one ends.
    """
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                gc.enable()


def _job_fn(work):
    """A worker function that pauses the cyclic collector while it runs and turns the readers'
    cancellation into the workers' one."""

    def fn(progress, cancelled):
        try:
            with collector_paused():
                return work(progress, cancelled)
        except ImportCancelled:
            raise Cancelled from None

    return fn


class DraftTableModel(QAbstractTableModel):
    """The drafts of an import, one row each: status, source line, name, days, times, problems, description."""

    COLUMNS = ("status", "line", "name", "days", "start", "end", "problems", "description")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.drafts: tuple[RoutineDraft, ...] = ()
        self.skip_problems = True
        self.line_word = self.tr("Line")
        self._warning = None
        self._ok = None

    def set_drafts(self, drafts: tuple[RoutineDraft, ...], line_word: str) -> None:
        self.beginResetModel()
        self.drafts = drafts
        self.line_word = line_word
        self.endResetModel()

    def set_skip_problems(self, skip: bool) -> None:
        self.skip_problems = skip
        if self.drafts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.drafts) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "status": "", "line": self.line_word, "name": self.tr("Block"), "days": self.tr("Days"),
            "start": self.tr("Start"), "end": self.tr("End"), "description": self.tr("What happens"),
            "problems": self.tr("Problem"),
        }
        return titles[self.COLUMNS[section]]

    def _left_out(self, draft: RoutineDraft) -> bool:
        return not draft.name or (self.skip_problems and not draft.ok)

    def _icon(self, ok: bool):
        if self._warning is None:
            from PySide6.QtWidgets import QApplication

            style = QApplication.style()
            self._warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._ok = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        return self._ok if ok else self._warning

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        draft = self.drafts[index.row()]
        column = self.COLUMNS[index.column()]
        problems = "; ".join(draft.problems)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "status":
                if draft.ok:
                    return self.tr("OK") if role == Qt.ItemDataRole.AccessibleTextRole else ""
                return self.tr("Left out") if self._left_out(draft) else self.tr("Problem")
            if column == "line":
                return str(draft.source_line)
            if column == "problems":
                return problems
            if column == "days":
                return draft.days or self.tr("every day")
            return getattr(draft, column).replace("\n", " ")
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            return self._icon(draft.ok)
        if role == Qt.ItemDataRole.ToolTipRole:
            if draft.problems:
                lines = "\n".join(f"• {p}" for p in draft.problems)
                tail = self.tr("This row will be left out.") if self._left_out(draft) else self.tr(
                    "This row will be imported as shown.")
                return f"{lines}\n{tail}"
            if column == "description" and draft.description:
                return draft.description
            return None
        if role == Qt.ItemDataRole.BackgroundRole and draft.problems:
            return QBrush(PROBLEM_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and self._left_out(draft):
            return QBrush(LEFT_OUT_TEXT)
        if role == Qt.ItemDataRole.FontRole and self._left_out(draft):
            font = QFont()
            font.setStrikeOut(column in ("name", "days", "start", "end", "description"))
            return font
        return None


class ImportDialog(QDialog):
    """Choose a file or paste cells, check the preview, adjust the columns, import as one undo step."""

    preview_updated = Signal()  # after every preview change (tests and the bench wait on it)
    load_failed = Signal(str)

    def __init__(self, store: Store, classroom_id: int, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.classroom_id = classroom_id
        self.undo_stack = undo_stack
        self.classroom = queries.get_classroom(store, classroom_id)
        self.existing = len(queries.list_routines(store, classroom_id))
        self.parsed: ParsedSchedule | None = None
        self.import_result: ImportResult | None = None
        self.path: str | None = None
        self._jobs: set[Job] = set()
        self._generation = 0
        self._busy = False
        self._importing = False
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import the day — %s") % self.classroom.name)
        self.setAccessibleName(self.tr("Import the classroom's day"))
        self.setAcceptDrops(True)
        self.resize(980, 680)
        self._build()
        self._update_state()

    # -- building -----------------------------------------------------------------------------------
    def _named(self, widget: QWidget, name: str, accessible: str, tip: str = "") -> QWidget:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        if tip:
            widget.setToolTip(tip)
            widget.setAccessibleDescription(tip)
        return widget

    def _build(self) -> None:
        intro = QLabel(self)
        intro.setObjectName("introLabel")
        intro.setWordWrap(True)
        intro.setText(self.tr(
            "Bring in the day of <b>%s</b> from an Excel sheet, a Word table or a CSV file, or paste the cells. "
            "A list (one row per block) and a weekly grid (Time | Monday | Tuesday …) are both understood."
        ) % self.classroom.name.replace("&", "&amp;").replace("<", "&lt;"))

        # source: a file or pasted cells
        self.source_tabs = self._named(QTabWidget(self), "sourceTabs", self.tr("Where the day comes from"))
        file_page = QWidget(self.source_tabs)
        file_page.setObjectName("filePage")
        self.path_edit = self._named(QLineEdit(file_page), "filePathEdit", self.tr("Schedule file"),
                                     self.tr("Type a path and press Enter, choose a file, or drop one here"))
        self.path_edit.setPlaceholderText(self.tr("No file chosen — .xlsx, .docx, .csv or .txt"))
        self.choose_button = self._named(QPushButton(self.tr("Choose file…"), file_page), "chooseFileButton",
                                         self.tr("Choose a schedule file"))
        self.part_label = QLabel(self.tr("Sheet:"), file_page)
        self.part_combo = self._named(QComboBox(file_page), "partCombo", self.tr("Sheet or table to read"))
        self.part_label.setBuddy(self.part_combo)
        file_row = QHBoxLayout(file_page)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addSpacing(12)
        file_row.addWidget(self.part_label)
        file_row.addWidget(self.part_combo)
        paste_page = QWidget(self.source_tabs)
        paste_page.setObjectName("pastePage")
        self.paste_box = self._named(QPlainTextEdit(paste_page), "pasteBox", self.tr("Pasted cells"),
                                     self.tr("Cells copied from Excel, Google Sheets or Word"))
        self.paste_box.setPlaceholderText(self.tr(
            "Select the schedule's cells in Excel, Google Sheets or Word, copy them, and paste them here (Ctrl+V).\n"
            "One block per line also works, e.g. “8:30-9:15 Morning meeting”."))
        self.paste_box.setTabChangesFocus(True)
        self.paste_box.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        paste_layout = QVBoxLayout(paste_page)
        paste_layout.addWidget(self.paste_box)
        self.source_tabs.addTab(file_page, self.tr("From a file"))
        self.source_tabs.addTab(paste_page, self.tr("Paste cells"))
        self.source_tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        # how to read it: layout and columns
        read_box = QGroupBox(self.tr("How to read it"), self)
        read_box.setObjectName("readBox")
        self.list_radio = self._named(QRadioButton(self.tr("List — one row per block"), read_box),
                                      "layoutListRadio", self.tr("Layout: list, one row per block"))
        self.grid_radio = self._named(QRadioButton(self.tr("Weekly grid — a column per day"), read_box),
                                      "layoutGridRadio", self.tr("Layout: weekly grid, a column per day"))
        self.layout_group = QButtonGroup(self)
        self.layout_group.addButton(self.list_radio)
        self.layout_group.addButton(self.grid_radio)
        self.list_radio.setChecked(True)
        self.detected_label = QLabel(read_box)
        self.detected_label.setObjectName("detectedLayoutLabel")
        layout_row = QHBoxLayout()
        layout_row.addWidget(QLabel(self.tr("Layout:"), read_box))
        layout_row.addWidget(self.list_radio)
        layout_row.addWidget(self.grid_radio)
        layout_row.addWidget(self.detected_label, 1)
        field_titles = {
            "name": self.tr("Block name"), "time": self.tr("Time"), "start": self.tr("Start"),
            "end": self.tr("End"), "days": self.tr("Days"), "description": self.tr("What happens"),
        }
        self.combos: dict[str, QComboBox] = {}
        columns = QGridLayout()
        columns.setHorizontalSpacing(10)
        for i, name in enumerate(FIELDS):
            label = QLabel(field_titles[name] + ":", read_box)
            combo = self._named(QComboBox(read_box), f"{name}ColumnCombo",
                                self.tr("Column for %s") % field_titles[name].lower())
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            label.setBuddy(combo)
            self.combos[name] = combo
            columns.addWidget(label, i // 3, (i % 3) * 2, Qt.AlignmentFlag.AlignRight)
            columns.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            combo.activated.connect(lambda _i, f=name: self._mapping_changed(f))
        for c in (1, 3, 5):
            columns.setColumnStretch(c, 1)
        self.day_columns_label = QLabel(read_box)
        self.day_columns_label.setObjectName("dayColumnsLabel")
        self.day_columns_label.setWordWrap(True)
        read_layout = QVBoxLayout(read_box)
        read_layout.addLayout(layout_row)
        read_layout.addLayout(columns)
        read_layout.addWidget(self.day_columns_label)

        # preview
        self.model = DraftTableModel(self)
        self.table = self._named(QTableView(self), "previewTable", self.tr("Preview of the blocks to import"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((86, 46, 180, 104, 54, 54, 250)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Import summary"))
        # a fixed height: new text never moves the preview, so the table is not repainted while a worker runs
        # (every repaint calls the model from the UI thread, which then waits for the worker's GIL turns)
        self.summary_label.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 4)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("QLabel#errorLabel { color: #a4262c; font-weight: bold; }")
        self.error_label.setAccessibleName(self.tr("Why the file could not be read"))
        self.error_label.hide()

        # options and buttons
        self.skip_check = self._named(QCheckBox(self.tr("Leave out rows with problems"), self), "skipProblemsCheck",
                                      self.tr("Leave out rows with problems"),
                                      self.tr("When off, rows with problems are imported as shown, to fix afterwards"))
        self.skip_check.setChecked(True)
        self.append_radio = self._named(QRadioButton(self), "appendRadio",
                                        self.tr("Add to the routines already there"))
        self.replace_radio = self._named(QRadioButton(self), "replaceRadio",
                                         self.tr("Replace the routines already there"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.append_radio)
        self.mode_group.addButton(self.replace_radio)
        self.append_radio.setChecked(True)
        if self.existing:
            self.append_radio.setText(self.tr("Add after the routine already there") if self.existing == 1
                                      else self.tr("Add after the %1 routines already there").replace(
                                          "%1", str(self.existing)))
            self.replace_radio.setText(self.tr("Replace them (Undo brings them back)"))
        else:
            self.append_radio.setText(self.tr("The classroom has no routines yet"))
            self.append_radio.setEnabled(False)
            self.replace_radio.hide()
        options = QHBoxLayout()
        options.addWidget(self.skip_check)
        options.addSpacing(24)
        options.addWidget(self.append_radio)
        options.addWidget(self.replace_radio)
        options.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("importButtons")
        self.import_button = self._named(
            self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole), "importButton",
            self.tr("Import the blocks"))
        self.cancel_button = self._named(
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel), "cancelButton", self.tr("Cancel"))
        self.import_button.setDefault(True)
        self.import_button.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("Import 00000 blocks")) + 36)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.source_tabs)
        layout.addWidget(read_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(options)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.path_edit.returnPressed.connect(lambda: self.load_file(self.path_edit.text().strip()))
        self.part_combo.activated.connect(self._part_changed)
        self._paste_timer = QTimer(self)
        self._paste_timer.setSingleShot(True)
        self._paste_timer.setInterval(PASTE_DELAY_MS)
        self._paste_timer.timeout.connect(self.read_paste)
        self.paste_box.textChanged.connect(self._paste_timer.start)
        self.list_radio.toggled.connect(self._layout_changed)
        self.skip_check.toggled.connect(self._skip_changed)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)

    # -- reading --------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        filters = self.tr("Schedules (*.xlsx *.xlsm *.docx *.csv *.tsv *.txt);;All files (*)")
        path = dialogs.open_file(self, self.tr("Import the day"), filters)
        if path:
            self.load_file(path)

    def load_file(self, path: str, sheet: str | None = None, table: int | None = None) -> None:
        """Read a file in a worker with progress and cancel; the preview shows it when done."""
        if not path:
            return
        self.source_tabs.setCurrentIndex(0)
        self.path = path
        self.path_edit.setText(path)
        name = Path(path).name

        def work(progress, cancelled):
            # In a helper process: reading a big workbook is heavy Python work that, in a thread, could
            # starve the window of the interpreter lock.
            try:
                return run_in_process(
                    "goalwriter.io.routine_import:read_routines", path, sheet=sheet, table=table, cancelled=cancelled
                )
            except HelperCancelled:
                raise Cancelled from None

        self._run(self.tr("Reading %s…") % name, work, with_dialog=True)

    def read_paste(self) -> None:
        """Read the pasted cells (after typing pauses) in a worker."""
        self._paste_timer.stop()
        text = self.paste_box.toPlainText()
        if not text.strip():
            self._cancel_jobs()
            self.parsed = None
            self._show_parsed(None)
            return
        self.path = None

        def work(progress, cancelled):
            return parse_routines(read_pasted(text, cancelled=cancelled), cancelled=cancelled)

        self._run(self.tr("Reading the pasted cells…"), work, with_dialog=False)

    def reparse(self, mapping: ColumnMapping | None = None, layout: str | None = None, guess: bool = False) -> None:
        """Read the same grid again with another mapping or layout (``guess``: the mapping guessed afresh)."""
        if self.parsed is None:
            return
        grid: Grid = self.parsed.grid
        mapping = None if guess else mapping or self.parsed.mapping
        layout = layout or self.parsed.layout

        def work(progress, cancelled):
            return parse_routines(grid, mapping, layout, cancelled=cancelled)

        self._run(self.tr("Reading the rows again…"), work, with_dialog=len(grid.rows) > 2000)

    def _run(self, title: str, work, with_dialog: bool) -> None:
        self._cancel_jobs()
        self._generation += 1
        generation = self._generation
        self._busy = True
        self.error_label.hide()
        self._update_state()
        fn = _job_fn(work)
        if with_dialog:
            run_with_progress(self, title, fn, on_done=lambda r: self._job_done(generation, r),
                              on_error=lambda e: self._job_failed(generation, e),
                              on_cancel=lambda: self._job_cancelled(generation), connect=self._track)
        else:
            def wire(job: Job) -> None:
                queued = Qt.ConnectionType.QueuedConnection
                job.signals.finished.connect(lambda r: self._job_done(generation, r), queued)
                job.signals.failed.connect(lambda e: self._job_failed(generation, e), queued)
                job.signals.cancelled.connect(lambda: self._job_cancelled(generation), queued)
                self._track(job)

            start_job(fn, connect=wire)

    def _track(self, job: Job) -> None:
        self._jobs.add(job)
        for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            signal.connect(lambda *_a, j=job: self._jobs.discard(j), Qt.ConnectionType.QueuedConnection)

    def _cancel_jobs(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def _job_done(self, generation: int, parsed: ParsedSchedule) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.parsed = parsed
        self._show_parsed(parsed)

    def _job_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy = False
        message = str(exc) if isinstance(exc, GoalwriterError) else self.tr("Could not read it: %s") % exc
        self.parsed = None
        self.error_label.setText(message)
        self.error_label.show()
        self._show_parsed(None)
        self.load_failed.emit(message)

    def _job_cancelled(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._update_state()
        self.preview_updated.emit()

    # -- showing -------------------------------------------------------------------------------------
    def _show_parsed(self, parsed: ParsedSchedule | None) -> None:
        line_word = self.tr("Line")
        if parsed is not None and parsed.grid.kind in ("xlsx", "docx"):
            line_word = self.tr("Row")
        self.model.set_drafts(parsed.drafts if parsed else (), line_word)
        self.model.set_skip_problems(self.skip_check.isChecked())
        self._fill_mapping(parsed)
        self._fill_parts(parsed)
        self._update_state()
        self.preview_updated.emit()

    def _fill_mapping(self, parsed: ParsedSchedule | None) -> None:
        grid_layout = parsed is not None and parsed.layout == "grid"
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), -1)
            if parsed is not None:
                for column, label in enumerate(parsed.columns):
                    combo.addItem(label, column)
                column = parsed.mapping.column(name)
                combo.setCurrentIndex(combo.findData(column if column is not None else -1))
            combo.setEnabled(parsed is not None and (not grid_layout or name == "time"))
            combo.blockSignals(False)
        for radio in (self.list_radio, self.grid_radio):
            radio.blockSignals(True)
        (self.grid_radio if grid_layout else self.list_radio).setChecked(True)
        for radio in (self.list_radio, self.grid_radio):
            radio.blockSignals(False)
        if parsed is None:
            self.detected_label.setText("")
            self.day_columns_label.hide()
            return
        detected = self.tr("weekly grid") if parsed.detected_layout == "grid" else self.tr("list")
        self.detected_label.setText(self.tr("(looks like a %s)") % detected)
        if grid_layout:
            names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
            days = ", ".join(f"{parsed.columns[c].split(':')[0]} = {names[d]}" for c, d in parsed.mapping.day_columns)
            self.day_columns_label.setText(self.tr("Day columns: %s. Each block becomes one routine with its days.")
                                           % days)
            self.day_columns_label.show()
        else:
            self.day_columns_label.hide()

    def _fill_parts(self, parsed: ParsedSchedule | None) -> None:
        parts = parsed.grid.parts if parsed is not None and parsed.grid.kind in ("xlsx", "docx") else ()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        for part in parts:
            self.part_combo.addItem(part)
        if parts:
            self.part_combo.setCurrentIndex(parsed.grid.part_index)
        self.part_combo.blockSignals(False)
        many = len(parts) > 1
        self.part_label.setText(self.tr("Sheet:") if parsed and parsed.grid.kind == "xlsx" else self.tr("Table:"))
        self.part_label.setVisible(many)
        self.part_combo.setVisible(many)

    def importable(self) -> tuple[RoutineDraft, ...]:
        return self.parsed.importable(self.skip_check.isChecked()) if self.parsed else ()

    def _update_state(self) -> None:
        drafts = self.importable()
        count = len(drafts)
        self.import_button.setEnabled(bool(count) and not self._busy)
        if count:
            self.import_button.setText(self.tr("Import 1 block") if count == 1
                                       else self.tr("Import %1 blocks").replace("%1", str(count)))
        else:
            self.import_button.setText(self.tr("Import"))
        self.summary_label.setText(self._summary())

    def _summary(self) -> str:
        parsed = self.parsed
        if self._busy and not self._importing:
            return self.tr("Reading…")
        if parsed is None and self.error_label.isVisibleTo(self):
            return self.tr("Nothing to import. Choose another file, or copy the cells and paste them.")
        if parsed is None:
            return self.tr("Choose a file or paste cells to see the blocks here before anything is stored.")
        parts = []
        if parsed.message and not parsed.drafts:
            parts.append(self.tr("Nothing to import: %s.") % parsed.message)
        else:
            read = len(parsed.drafts)
            parts.append(self.tr("1 block read") if read == 1 else self.tr("%1 blocks read").replace("%1", str(read)))
            bad = len(parsed.with_problems)
            if bad:
                if self.skip_check.isChecked():
                    parts.append(self.tr("%n with problems will be left out", "", bad))
                else:
                    parts.append(self.tr("%n with problems will be imported as shown", "", bad))
        reasons = Counter(s.reason for s in parsed.skipped if s.reason != "header row")
        if reasons:
            listed = ", ".join(f"{n} {reason}" for reason, n in reasons.items())
            parts.append(self.tr("rows passed over: %s") % listed)
        notes = "; ".join(parsed.grid.notes)
        text = " · ".join(parts)
        return f"{text}\n{notes[:1].upper()}{notes[1:]}." if notes else text

    # -- changes -------------------------------------------------------------------------------------
    def _mapping_changed(self, field_name: str) -> None:
        if self.parsed is None:
            return
        column = self.combos[field_name].currentData()
        mapping = self.parsed.mapping.with_column(field_name, None if column is None or column < 0 else column)
        self.reparse(mapping=mapping)

    def set_column(self, field_name: str, column: int | None) -> None:
        """Choose the column of a field, as picking it in its combo box does."""
        combo = self.combos[field_name]
        combo.setCurrentIndex(combo.findData(-1 if column is None else column))
        self._mapping_changed(field_name)

    def _layout_changed(self) -> None:
        if self.parsed is None:
            return
        layout = "list" if self.list_radio.isChecked() else "grid"
        if layout != self.parsed.layout:
            self.reparse(layout=layout, guess=True)

    def _part_changed(self, index: int) -> None:
        if self.parsed is None or not self.path:
            return
        if self.parsed.grid.kind == "xlsx":
            self.load_file(self.path, sheet=self.part_combo.itemText(index))
        else:
            self.load_file(self.path, table=index)

    def _skip_changed(self, skip: bool) -> None:
        self.model.set_skip_problems(skip)
        self._update_state()

    # -- importing -----------------------------------------------------------------------------------
    def start_import(self) -> None:
        """Store the importable drafts in a worker, then put the import on the undo stack and close."""
        drafts = self.importable()
        if not drafts or self._busy:
            return
        replace = self.replace_radio.isChecked()
        store, classroom_id = self.store, self.classroom_id
        self._busy = self._importing = True
        self._update_state()

        def work(progress, cancelled):
            progress(0, 0, "")
            with collector_paused():
                return import_routines(store, classroom_id, drafts, replace, announce=False)

        run_with_progress(
            self, self.tr("Importing %1 blocks…").replace("%1", str(len(drafts))), work,
            on_done=lambda result: self._imported(drafts, replace, result),
            on_error=self._import_failed,
            connect=self._track,
        )

    def _imported(self, drafts: tuple[RoutineDraft, ...], replace: bool, result: ImportResult) -> None:
        command = ImportRoutinesCommand(self.store, self.classroom_id, drafts, replace, done=result)
        self.undo_stack.push(command)
        self.import_result = command.result
        self._busy = self._importing = False
        self.accept()

    def _import_failed(self, exc: BaseException) -> None:
        self._busy = self._importing = False
        message = str(exc) if isinstance(exc, GoalwriterError) else self.tr("Unexpected error: %s") % exc
        self.error_label.setText(self.tr("Nothing was imported: %s") % message)
        self.error_label.show()
        self._update_state()
        if ServiceCommand.error_sink is None:
            dialogs.error(self, self.tr("Import"), self.tr("Nothing was imported.\n\n%s") % message)

    # -- drag and drop -------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.load_file(files[0])

    def reject(self) -> None:
        self._cancel_jobs()
        super().reject()

    # -- entry point ---------------------------------------------------------------------------------
    @classmethod
    def run(
        cls, parent: QWidget | None, store: Store, classroom_id: int, undo_stack: QUndoStack, path: str | None = None
    ) -> tuple[ImportResult | None, bool]:
        """Show the dialog (reading ``path`` straight away when given); returns (result, imported).

        The import is on ``undo_stack`` when imported is True.
        """
        dialog = cls(store, classroom_id, undo_stack, parent)
        if path:
            QTimer.singleShot(0, dialog, lambda: dialog.load_file(path))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.import_result
        dialog.dispose()
        return result, accepted and result is not None

    def dispose(self) -> None:
        """Delete the dialog once no worker still reports to it."""
        if not self._jobs:
            self.deleteLater()
            return
        for job in list(self._jobs):
            for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
                signal.connect(self._dispose_when_idle, Qt.ConnectionType.QueuedConnection)

    def _dispose_when_idle(self, *_args) -> None:
        if not self._jobs:
            self.deleteLater()

