"""The Goals tab: the student's goals, the structured goal editor, and, live beside it, where in class the
goal comes up and whether it is written well.

Typing updates the sentence at once and the analysis (quality check, matching against the class's day,
the panels) after a short pause; the edit itself is committed to the database when typing pauses, when
the focus moves on, or before undo, as one undo step per field.
"""

from __future__ import annotations

import functools
import time
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from goalwriter.core.goal_bank import GoalBankIndex, fill_template, load_goal_bank
from goalwriter.core.goals import GoalParts, compose_goal_sentence
from goalwriter.core.plaintext import goal_plain_text, goals_plain_text
from goalwriter.core.quality import check_goal
from goalwriter.io.export_model import brief_reason
from goalwriter.services import alignment, goals, queries
from goalwriter.services.records import ClassroomRec, GoalRec, RoutineRec, StudentRec
from goalwriter.store.db import Store
from goalwriter.store.events import Change
from goalwriter.ui.commands import (
    AddCommand,
    DeleteCommand,
    EditCommand,
    GoalEditCommand,
    MoveCommand,
    alignment_edit,
)
from goalwriter.ui.hanging_indent import HangingIndentDelegate

ID_ROLE = Qt.ItemDataRole.UserRole
ANALYSIS_DELAY_MS = 60
COMMIT_DELAY_MS = 700
NO_DATE = QDate(2000, 1, 1)
AREAS = (
    "Handwriting", "Keyboarding", "Scissors", "Fine motor", "Visual motor", "Self-care", "Feeding",
    "Sensory and self-regulation", "Attention", "Organization", "Transitions", "Gross motor",
    "Social participation", "Vocational", "Money and community", "Hygiene", "Toileting", "Play",
)
REPORTING_CHOICES = (
    "quarterly with report cards", "each grading period", "every 9 weeks", "monthly", "three times a year",
)
TEXT_FIELDS = ("condition", "behavior", "criterion", "measurement")


@functools.cache
def shipped_goal_bank() -> GoalBankIndex:
    """The goal bank that ships with goalwriter, indexed for search (built once per process)."""
    return GoalBankIndex(load_goal_bank())


class SharedUndoFilter(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in a text box to the window's undo stack, so there is one undo history
    (not a private one per text box that the database never hears about)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Returning True leaves the override unaccepted, so the window's Undo/Redo shortcut handles the key.
        return event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination().toCombined() == QKeySequence("Ctrl+Shift+Z")[0].toCombined()
        )


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class GoalsTab(QWidget):
    saved_state = Signal(bool)
    status = Signal(str)
    analysed = Signal()  # after the live panels were updated (tests and benchmarks wait for it)

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.student: StudentRec | None = None
        self.classroom: ClassroomRec | None = None
        self.routines: tuple[RoutineRec, ...] = ()
        self.goal: GoalRec | None = None
        self.decisions: dict = {}
        self.flags: dict[int, str] = {}
        self._loading = False
        self._dirty: set[str] = set()
        self._hand_edited = False
        self.last_analysis_ms = 0.0
        self.last_row: alignment.GoalRow | None = None
        self._undo_filter = SharedUndoFilter(self)
        self._bank_index = shipped_goal_bank()
        self._bank = self._bank_index.templates

        self._analysis_timer = QTimer(self, singleShot=True, interval=ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self.analyse)
        self._commit_timer = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._commit_timer.timeout.connect(self.commit_pending)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("goalsSplitter")
        splitter.addWidget(self._build_goal_column())
        splitter.addWidget(self._build_editor())
        splitter.addWidget(self._build_side_column())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([250, 560, 380])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._set_editor_enabled(False)

    # -- building -------------------------------------------------------------------------------
    def _build_goal_column(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("goalColumn")
        self.goal_list = _named(QListWidget(box), "goalList", self.tr("Goals of the student"))
        self.goal_list.setWordWrap(True)
        self.goal_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.goal_list.currentItemChanged.connect(self._on_goal_selected)
        self.new_goal_button = _named(QPushButton(self.tr("+ New goal"), box), "newGoalButton", self.tr("New goal"))
        self.new_goal_button.setToolTip(self.tr("Add a goal (Ctrl+N)"))
        self.new_goal_button.clicked.connect(self.new_goal)
        self.delete_goal_button = _named(QToolButton(box), "deleteGoalButton", self.tr("Delete goal"))
        self.delete_goal_button.setText(self.tr("Delete"))
        self.delete_goal_button.setToolTip(self.tr("Delete the selected goal (Ctrl+Shift+Delete); undo brings it back"))
        self.delete_goal_button.clicked.connect(self.delete_goal)
        self.goal_up_button = _named(QToolButton(box), "goalUpButton", self.tr("Move goal up"))
        self.goal_up_button.setText("↑")
        self.goal_up_button.setToolTip(self.tr("Move the goal up (Alt+Up in the list)"))
        self.goal_up_button.clicked.connect(lambda: self.move_goal(-1))
        self.goal_down_button = _named(QToolButton(box), "goalDownButton", self.tr("Move goal down"))
        self.goal_down_button.setText("↓")
        self.goal_down_button.setToolTip(self.tr("Move the goal down (Alt+Down in the list)"))
        self.goal_down_button.clicked.connect(lambda: self.move_goal(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_goal_button, 1)
        for b in (self.goal_up_button, self.goal_down_button, self.delete_goal_button):
            buttons.addWidget(b)
        for key, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            act = QAction(self.goal_list)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(lambda _=False, s=step: self.move_goal(s))
            self.goal_list.addAction(act)

        bank_label = QLabel(self.tr("<b>Goal bank</b>"), box)
        self.bank_search = _named(QLineEdit(box), "goalBankSearch", self.tr("Search the goal bank"))
        self.bank_search.setPlaceholderText(self.tr("Search: scissors, zipper, typing…"))
        self.bank_search.setClearButtonEnabled(True)
        self.bank_search.textChanged.connect(self._search_bank)
        self.bank_search.returnPressed.connect(self._use_top_template)
        self.bank_results = _named(QListWidget(box), "goalBankResults", self.tr("Goal bank templates"))
        self.bank_results.setWordWrap(True)
        self.bank_results.itemActivated.connect(self._use_template_item)
        self.bank_results.setToolTip(self.tr("Double-click or press Enter to add the template as a new goal"))
        bank_label.setBuddy(self.bank_search)

        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 0, 6)
        title = QLabel(self.tr("<b>Goals</b>"), box)
        title.setBuddy(self.goal_list)
        layout.addWidget(title)
        layout.addWidget(self.goal_list, 3)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(bank_label)
        layout.addWidget(self.bank_search)
        layout.addWidget(self.bank_results, 2)
        self._search_bank("")
        return box

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = _named(QLineEdit(self), name, accessible)
        edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self._undo_filter)
        return edit

    def _build_editor(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("goalEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor = QWidget(scroll)
        self.editor = _named(editor, "goalEditor", self.tr("Goal editor"))

        self.area = _named(QComboBox(editor), "goalArea", self.tr("Area of need"))
        self.area.setEditable(True)
        self.area.addItems(AREAS)
        self.area.setCurrentText("")
        self.area.lineEdit().installEventFilter(self._undo_filter)
        self.area.currentTextChanged.connect(lambda _t: self._part_edited("area"))
        self.baseline = _named(QPlainTextEdit(editor), "goalBaseline", self.tr("Baseline, present level"))
        self.baseline.setPlaceholderText(self.tr("What the student does now, with a number if you have one"))
        self.baseline.setTabChangesFocus(True)
        self.baseline.setUndoRedoEnabled(False)
        self.baseline.installEventFilter(self._undo_filter)
        self.baseline.setFixedHeight(self.baseline.fontMetrics().lineSpacing() * 3 + 14)
        self.baseline.textChanged.connect(lambda: self._part_edited("baseline"))
        self.condition = self._line("goalCondition", self.tr("Condition"), self.tr("given…, with…, during…"))
        self.behavior = self._line(
            "goalBehavior", self.tr("Behavior"), self.tr("what the student will do, e.g. copy a 3-line sentence")
        )
        self.criterion = self._line(
            "goalCriterion", self.tr("Criterion"), self.tr("how well: in 4 of 5 trials, 80% of…, for 10 minutes")
        )
        self.measurement = self._line(
            "goalMeasurement", self.tr("Measurement method"), self.tr("work samples, data sheets, observation")
        )
        for field in TEXT_FIELDS:
            getattr(self, field).textEdited.connect(lambda _t, f=field: self._part_edited(f))
        self.reporting = _named(QComboBox(editor), "goalReporting", self.tr("Reporting frequency"))
        self.reporting.setEditable(True)
        self.reporting.addItems(REPORTING_CHOICES)
        self.reporting.setCurrentText("")
        self.reporting.lineEdit().installEventFilter(self._undo_filter)
        self.reporting.currentTextChanged.connect(lambda _t: self._part_edited("reporting"))
        self.target_date = _named(QDateEdit(editor), "goalTargetDate", self.tr("Target date"))
        self.target_date.setCalendarPopup(True)
        self.target_date.setMinimumDate(NO_DATE)
        self.target_date.setSpecialValueText(self.tr("none"))
        self.target_date.setDisplayFormat("yyyy-MM-dd")
        self.target_date.dateChanged.connect(lambda _d: self._part_edited("target_date"))

        self.sentence = _named(QPlainTextEdit(editor), "goalText", self.tr("Goal sentence"))
        self.sentence.setTabChangesFocus(True)
        self.sentence.setUndoRedoEnabled(False)
        self.sentence.installEventFilter(self._undo_filter)
        self.sentence.setMinimumHeight(self.sentence.fontMetrics().lineSpacing() * 5 + 14)
        self.sentence.textChanged.connect(self._sentence_edited)
        self.hand_banner = QFrame(editor)
        self.hand_banner.setObjectName("handEditedBanner")
        self.hand_banner.setStyleSheet(
            "#handEditedBanner { background: #fff4d6; border: 1px solid #d9b44a; border-radius: 4px; }"
        )
        banner_text = QLabel(
            self.tr("You edited the sentence by hand, so changes to the parts above no longer change it."),
            self.hand_banner,
        )
        banner_text.setWordWrap(True)
        self.recompose_button = _named(
            QPushButton(self.tr("Recompose from parts"), self.hand_banner),
            "recomposeButton",
            self.tr("Recompose the sentence from the parts"),
        )
        self.recompose_button.clicked.connect(self.recompose)
        banner_layout = QHBoxLayout(self.hand_banner)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(self.recompose_button)
        self.hand_banner.hide()

        self.objective_list = _named(QListWidget(editor), "objectiveList", self.tr("Objectives"))
        self.objective_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.objective_list.setWordWrap(True)
        self.objective_list.itemChanged.connect(self._objective_edited)
        self.objective_list.setMinimumHeight(90)
        self.add_objective_button = _named(
            QPushButton(self.tr("+ Objective"), editor), "addObjectiveButton", self.tr("Add objective")
        )
        self.add_objective_button.setToolTip(self.tr("Add a short-term objective (Ctrl+Shift+O)"))
        self.add_objective_button.clicked.connect(self.add_objective)
        self.remove_objective_button = _named(
            QToolButton(editor), "removeObjectiveButton", self.tr("Remove objective")
        )
        self.remove_objective_button.setText(self.tr("Remove"))
        self.remove_objective_button.clicked.connect(self.remove_objective)
        self.objective_up_button = _named(QToolButton(editor), "objectiveUpButton", self.tr("Move objective up"))
        self.objective_up_button.setText("↑")
        self.objective_up_button.clicked.connect(lambda: self.move_objective(-1))
        self.objective_down_button = _named(
            QToolButton(editor), "objectiveDownButton", self.tr("Move objective down")
        )
        self.objective_down_button.setText("↓")
        self.objective_down_button.clicked.connect(lambda: self.move_objective(1))
        for key, slot in (("Alt+Up", lambda: self.move_objective(-1)), ("Alt+Down", lambda: self.move_objective(1)),
                          ("Delete", self.remove_objective)):
            act = QAction(self.objective_list)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            self.objective_list.addAction(act)
        objective_buttons = QHBoxLayout()
        objective_buttons.addWidget(self.add_objective_button)
        objective_buttons.addStretch(1)
        for b in (self.objective_up_button, self.objective_down_button, self.remove_objective_button):
            objective_buttons.addWidget(b)

        self.student_title = QLabel(editor)
        self.student_title.setObjectName("goalTitle")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = (
            (self.tr("&Area"), self.area),
            (self.tr("&Baseline"), self.baseline),
            (self.tr("Con&dition"), self.condition),
            (self.tr("Be&havior"), self.behavior),
            (self.tr("C&riterion"), self.criterion),
            (self.tr("&Measured by"), self.measurement),
            (self.tr("Re&ported"), self.reporting),
            (self.tr("&Target date"), self.target_date),
        )
        for label, widget in rows:
            form.addRow(label, widget)
        sentence_label = QLabel(self.tr("<b>Goal &sentence</b> — composed from the parts; you can edit it"), editor)
        sentence_label.setBuddy(self.sentence)
        objectives_label = QLabel(self.tr("<b>&Objectives</b> (short-term benchmarks)"), editor)
        objectives_label.setBuddy(self.objective_list)
        layout = QVBoxLayout(editor)
        layout.addWidget(self.student_title)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(sentence_label)
        layout.addWidget(self.sentence)
        layout.addWidget(self.hand_banner)
        layout.addSpacing(6)
        layout.addWidget(objectives_label)
        layout.addWidget(self.objective_list, 1)
        layout.addLayout(objective_buttons)
        scroll.setWidget(editor)
        return scroll

    def _build_side_column(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("sideColumn")
        self.never_banner = _named(QLabel(box), "neverInClassBanner", self.tr("Never comes up in class"))
        self.never_banner.setWordWrap(True)
        self.never_banner.setTextFormat(Qt.TextFormat.RichText)
        self.never_banner.setStyleSheet(
            "#neverInClassBanner { background: #fde2e1; color: #7a1010; border: 1px solid #c94a4a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.never_banner.hide()
        self.class_matches = _named(QListWidget(box), "classMatches", self.tr("Where in class the goal comes up"))
        self.class_matches.setWordWrap(True)
        self.class_matches.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.class_matches.setItemDelegate(HangingIndentDelegate(self.class_matches))
        self.class_matches.setToolTip(self.tr("Double-click or Enter: confirm ✓, reject ✗, or leave it to the match ○"))
        self.class_matches.itemActivated.connect(lambda item: self.cycle_routine(item.data(ID_ROLE)))
        self.coverage = QLabel(box)
        self.coverage.setObjectName("coverageSummary")
        self.routine_list = _named(QListWidget(box), "routineList", self.tr("The classroom's day"))
        self.routine_list.setToolTip(self.tr(
            "The class's day; blocks where this goal comes up are marked. Double-click or Enter on a block "
            "to confirm ✓, reject ✗, or leave it to the match ○."))
        self.routine_list.itemActivated.connect(lambda item: self.cycle_routine(item.data(ID_ROLE)))
        self.quality = _named(QListWidget(box), "qualityChecklist", self.tr("Goal quality checklist"))
        self.quality.setWordWrap(True)
        self.quality.setItemDelegate(HangingIndentDelegate(self.quality))
        where = QLabel(self.tr("<b>Where in class</b>"), box)
        where.setBuddy(self.class_matches)
        day = QLabel(self.tr("<b>The day</b>"), box)
        day.setBuddy(self.routine_list)
        quality = QLabel(self.tr("<b>Quality check</b>"), box)
        quality.setBuddy(self.quality)
        inner = QSplitter(Qt.Orientation.Vertical, box)
        inner.setObjectName("sideSplitter")
        top = QWidget(inner)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(where)
        top_layout.addWidget(self.never_banner)
        top_layout.addWidget(self.class_matches, 1)
        top_layout.addWidget(self.coverage)
        middle = QWidget(inner)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(day)
        middle_layout.addWidget(self.routine_list)
        bottom = QWidget(inner)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(quality)
        bottom_layout.addWidget(self.quality)
        inner.addWidget(top)
        inner.addWidget(bottom)
        inner.addWidget(middle)
        inner.setSizes([320, 330, 200])
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addWidget(inner)
        return box

    def install_menus(self, window) -> None:
        menu = window.menuBar().addMenu(self.tr("&Goal"))
        menu.setObjectName("goalMenu")
        window.menuBar().insertMenu(window.view_menu.menuAction(), menu)
        self.new_goal_action = window.action(self.tr("&New goal"), self.new_goal, "Ctrl+N", "newGoalAction")
        self.delete_goal_action = window.action(
            self.tr("&Delete goal"), self.delete_goal, "Ctrl+Shift+Delete", "deleteGoalAction"
        )
        self.add_objective_action = window.action(
            self.tr("Add &objective"), self.add_objective, "Ctrl+Shift+O", "addObjectiveAction"
        )
        self.recompose_action = window.action(
            self.tr("&Recompose sentence from parts"), self.recompose, "Ctrl+Shift+R", "recomposeAction"
        )
        self.copy_goal_action = window.action(
            self.tr("&Copy goal as plain text"), self.copy_goal, "Ctrl+Shift+C", "copyGoalAction"
        )
        self.copy_all_action = window.action(
            self.tr("Copy &all goals as plain text"), self.copy_all_goals, "Ctrl+Alt+C", "copyAllGoalsAction"
        )
        self.find_bank_action = window.action(
            self.tr("Search the goal &bank"), self.focus_bank, "Ctrl+F", "goalBankAction"
        )
        for act in (self.new_goal_action, self.delete_goal_action, self.add_objective_action,
                    self.recompose_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.copy_goal_action)
        menu.addAction(self.copy_all_action)
        menu.addSeparator()
        menu.addAction(self.find_bank_action)

    # -- loading --------------------------------------------------------------------------------
    def set_student(self, student: StudentRec, classroom: ClassroomRec) -> None:
        self.flush_pending_edits()
        self.student = student
        self.classroom = classroom
        self.goal = None
        self.student_title.setText(self.tr("<b>%s</b>") % student.name)
        self.reload_routines()
        self.reload_goals()

    def reload_routines(self) -> None:
        if self.classroom is None:
            return
        self.routines = tuple(queries.list_routines(self.store, self.classroom.id))
        self.routine_list.clear()
        for r in self.routines:
            item = QListWidgetItem(routine_label(r))
            item.setData(ID_ROLE, r.id)
            item.setToolTip(r.description or r.name)
            self.routine_list.addItem(item)
        self.analyse()

    def reload_goals(self) -> None:
        """Refill the goal list (keeping the current goal) and the flags shown beside each goal."""
        if self.student is None:
            return
        keep = self.goal.id if self.goal else None
        matrix = alignment.student_matrix(self.store, self.student.id)
        self.flags = {row.goal.id: row.flag for row in matrix.rows}
        self.goal_list.blockSignals(True)
        self.goal_list.clear()
        for index, row in enumerate(matrix.rows, start=1):
            item = QListWidgetItem()
            item.setData(ID_ROLE, row.goal.id)
            self._label_goal_item(item, index, row.goal, row.flag)
            self.goal_list.addItem(item)
            if row.goal.id == keep:
                self.goal_list.setCurrentItem(item)
        self.goal_list.blockSignals(False)
        if self.goal_list.currentItem() is None and self.goal_list.count():
            self.goal_list.setCurrentRow(0)
        self._on_goal_selected(self.goal_list.currentItem())

    def _label_goal_item(self, item: QListWidgetItem, index: int, goal: GoalRec, flag: str) -> None:
        title = goal.area or self.tr("Goal")
        summary = goal.behavior or goal.text
        if len(summary) > 70:
            summary = summary[:68].rstrip() + "…"
        mark = "  ⚠" if flag else ""
        item.setText(f"{index}. {title}{mark}\n{summary}" if summary else f"{index}. {title}{mark}")
        item.setToolTip(goal.text + (f"\n\n⚠ {flag}" if flag else ""))
        item.setForeground(QColor("#a11") if flag else QColor())
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Goal {index}, {title}" + (f", {flag}" if flag else ""))

    def _on_goal_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.commit_pending()
        if item is None:
            self.goal = None
            self._set_editor_enabled(False)
            self._clear_panels()
            return
        try:
            self.goal = queries.get_goal(self.store, item.data(ID_ROLE))
        except Exception:  # deleted meanwhile
            self.goal = None
            return
        self._set_editor_enabled(True)
        self._load_goal_into_editor()
        self._reload_decisions()
        self.reload_objectives()
        self.analyse()

    def _reload_decisions(self) -> None:
        self.decisions = (
            {(a.goal_id, a.routine_id): a for a in queries.list_alignments(self.store, [self.goal.id])}
            if self.goal
            else {}
        )

    def _set_editor_enabled(self, enabled: bool) -> None:
        self.editor.setEnabled(enabled)
        for b in (self.delete_goal_button, self.goal_up_button, self.goal_down_button):
            b.setEnabled(enabled)

    def _load_goal_into_editor(self) -> None:
        g = self.goal
        assert g is not None
        self._loading = True
        try:
            if self.area.currentText() != g.area:
                self.area.setCurrentText(g.area)
            if self.baseline.toPlainText() != g.baseline:
                self.baseline.setPlainText(g.baseline)
            for field in TEXT_FIELDS:
                widget: QLineEdit = getattr(self, field)
                if widget.text() != getattr(g, field):
                    widget.setText(getattr(g, field))
                    if not widget.hasFocus():
                        widget.setCursorPosition(0)  # show the start of a long part, not its end
            if self.reporting.currentText() != g.reporting:
                self.reporting.setCurrentText(g.reporting)
            date = QDate(g.target_date) if g.target_date else NO_DATE
            if self.target_date.date() != date:
                self.target_date.setDate(date)
            if self.sentence.toPlainText() != g.text:
                self.sentence.setPlainText(g.text)
            self._hand_edited = g.text_edited
            self.hand_banner.setVisible(g.text_edited)
        finally:
            self._loading = False
        self._dirty.clear()

    def reload_objectives(self) -> None:
        self.objective_list.blockSignals(True)
        current = self.objective_list.currentRow()
        self.objective_list.clear()
        if self.goal is not None:
            for o in queries.list_objectives(self.store, self.goal.id):
                item = QListWidgetItem(o.text)
                item.setData(ID_ROLE, (o.id, o.version))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.objective_list.addItem(item)
        if 0 <= current < self.objective_list.count():
            self.objective_list.setCurrentRow(current)
        self.objective_list.blockSignals(False)

    # -- typing ---------------------------------------------------------------------------------
    def _parts_from_widgets(self) -> GoalParts:
        date = self.target_date.date()
        return GoalParts(
            area=self.area.currentText().strip(),
            baseline=self.baseline.toPlainText().strip(),
            condition=self.condition.text(),
            behavior=self.behavior.text(),
            criterion=self.criterion.text(),
            measurement=self.measurement.text(),
            reporting=self.reporting.currentText(),
            target_date=None if date == NO_DATE else date.toPython(),
        )

    def _composed(self, parts: GoalParts | None = None) -> str:
        name = self.student.short_name if self.student else "the student"
        return compose_goal_sentence(parts or self._parts_from_widgets(), name)

    def _part_edited(self, field: str) -> None:
        if self._loading or self.goal is None:
            return
        self._dirty.add(field)
        if not self._hand_edited:
            self._loading = True
            self.sentence.setPlainText(self._composed())
            self._loading = False
        self._schedule()

    def _sentence_edited(self) -> None:
        if self._loading or self.goal is None:
            return
        text = self.sentence.toPlainText()
        self._hand_edited = text.strip() != self._composed() and bool(text.strip())
        self.hand_banner.setVisible(self._hand_edited)
        self._dirty.add("text")
        self._schedule()

    def _schedule(self) -> None:
        self.saved_state.emit(False)
        self._analysis_timer.start()
        self._commit_timer.start()

    def has_pending(self) -> bool:
        return bool(self._dirty)

    def commit_pending(self) -> None:
        """Store what was typed since the last commit, as one undoable edit."""
        self._commit_timer.stop()
        if not self._dirty or self.goal is None:
            self._dirty.clear()
            return
        parts = self._parts_from_widgets()
        changes: dict[str, Any] = {}
        for field in self._dirty - {"text"}:
            value = getattr(parts, field)
            if value != getattr(self.goal, field):
                changes[field] = value
        if "text" in self._dirty or self._hand_edited != self.goal.text_edited:
            changes["text"] = self.sentence.toPlainText().strip()
            changes["text_edited"] = self._hand_edited
        self._dirty.clear()
        if not changes:
            self.saved_state.emit(True)
            return
        merge_key = ",".join(sorted(changes))
        label = self.tr("Edit goal %s") % ", ".join(sorted(k for k in changes if k != "text_edited"))
        command = GoalEditCommand(self.store, label, self.goal, changes, merge_key)
        self.undo_stack.push(command)
        if command.failed is None and command.result is not None:
            self.goal = command.result
        elif command.failed is not None and self.goal is not None:
            self._reload_current_goal()
        self.saved_state.emit(True)

    def flush_pending_edits(self) -> None:
        self.commit_pending()
        self.objective_list.setCurrentItem(self.objective_list.currentItem())  # ends an open cell editor

    def recompose(self) -> None:
        if self.goal is None:
            return
        self.commit_pending()
        old = {"text": self.goal.text, "text_edited": self.goal.text_edited}
        new = {"text": goals.composed_text(self.store, self.goal), "text_edited": False}
        command = EditCommand(
            self.store, self.tr("Recompose goal sentence"), "goal", self.goal.id, old, new,
            lambda values, version, gid=self.goal.id: goals.restore_goal_fields(self.store, gid, version, values),
            version=self.goal.version,
        )
        self.undo_stack.push(command)

    # -- analysis (per keystroke, after a short pause) --------------------------------------------
    def analyse(self) -> None:
        """Quality check, matching against the class's day, and the side panels, for the goal as typed."""
        self._analysis_timer.stop()
        if self.goal is None or self.classroom is None:
            self._clear_panels()
            return
        started = time.perf_counter()
        parts = self._parts_from_widgets()
        text = self.sentence.toPlainText()
        match = alignment.matcher_for(self.store).match(
            text, alignment.prepared_day(self.store, self.classroom.id, self.routines), parts.area
        )
        live_goal = self.goal
        row = alignment.build_row(live_goal, self.routines, match, self.decisions)
        self.last_row = row
        self._show_matches(row)
        self._show_quality(check_goal(parts, text, bool(row.addressed)))
        flag = row.flag
        if self.flags.get(self.goal.id) != flag:
            self.flags[self.goal.id] = flag
            item = self.goal_list.currentItem()
            if item is not None:
                self._label_goal_item(item, self.goal_list.row(item) + 1, self.goal, flag)
        self.last_analysis_ms = (time.perf_counter() - started) * 1000
        self.analysed.emit()

    def _show_matches(self, row: alignment.GoalRow) -> None:
        names = {r.id: r for r in self.routines}
        self.class_matches.clear()
        shown = sorted(
            (c for c in row.cells if c.addressed or c.state == "rejected"),
            key=lambda c: (not c.addressed, -c.score),
        )
        for cell in shown:
            routine = names[cell.routine_id]
            mark = {"confirmed": "✓", "rejected": "✗"}.get(cell.state, "○")
            per_week = self.tr("%d×/week") % cell.per_week
            lines = [f"{mark} {routine.name}  ·  {per_week}"]
            if cell.why:
                lines.append("    " + brief_reason("; ".join(cell.why), 1))
            if cell.note:
                lines.append("    " + self.tr("Note: %s") % cell.note)
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, cell.routine_id)
            state_text = {"confirmed": self.tr("confirmed by the team"), "rejected": self.tr("rejected by the team")}
            item.setToolTip(
                f"{routine.name} ({routine_label(routine)})\n"
                + (state_text.get(cell.state, self.tr("suggested")) + f", score {cell.score:.2f}\n")
                + "\n".join(cell.why)
            )
            if cell.state == "rejected":
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QColor("#777"))
            self.class_matches.addItem(item)
        addressed = {c.routine_id for c in row.addressed}
        cells = {c.routine_id: c for c in row.cells}
        for i in range(self.routine_list.count()):
            item = self.routine_list.item(i)
            on = item.data(ID_ROLE) in addressed
            routine = names.get(item.data(ID_ROLE))
            if routine is None:
                continue
            cell = cells.get(routine.id)
            mark = {"confirmed": "✓", "rejected": "✗"}.get(cell.state if cell else "", "○" if on else " ")
            item.setText(f"{mark}  {routine_label(routine)}")
            font = item.font()
            font.setBold(on)
            item.setFont(font)
        flag = row.flag
        if flag:
            nearest = [names[p.routine_id].name for p in row.match.nearest if p.routine_id in names]
            hint = (
                self.tr("Closest blocks: %s. Could the goal name one of them, or the class activity where the "
                        "skill is practiced?") % ", ".join(nearest)
                if nearest
                else self.tr("Try rewording the goal toward something the class does every day, or add the "
                             "block where the skill is practiced to the class's day.")
            )
            self.never_banner.setText(f"<b>⚠ {flag[0].upper()}{flag[1:]}.</b><br>{hint}")
            self.never_banner.show()
            self.coverage.setText("")
        else:
            self.never_banner.hide()
            blocks = len(row.addressed)
            text = self.tr("%d blocks · %d opportunities a week") % (blocks, row.per_week)
            if row.thin:
                text += self.tr(" — thin: only once a week")
            self.coverage.setText(text)

    def _show_quality(self, items) -> None:
        self.quality.clear()
        for it in items:
            mark = "✓" if it.ok else "✗"
            entry = QListWidgetItem(f"{mark} {it.label}" + ("" if it.ok else f"\n    {it.message}"))
            entry.setToolTip(it.message)
            entry.setData(ID_ROLE, it.key)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, f"{it.label}: {'ok' if it.ok else it.message}")
            if not it.ok:
                entry.setForeground(QColor("#8a1c1c"))
            self.quality.addItem(entry)

    def _clear_panels(self) -> None:
        self.class_matches.clear()
        self.quality.clear()
        self.never_banner.hide()
        self.coverage.setText("")

    def cycle_routine(self, routine_id: int) -> None:
        """The team's decision for this goal in one block: suggested ○ → confirmed ✓ → rejected ✗ → ○."""
        if self.goal is None or self.last_row is None:
            return
        self.commit_pending()
        cell = self.last_row.cell(routine_id)
        if cell is None:
            return
        state = alignment.next_state(cell.state)
        name = next((r.name for r in self.routines if r.id == routine_id), "")
        command = alignment_edit(self.store, self.goal.id, routine_id, {"state": state},
                                 self.tr("Mark %s %s") % (name, state))
        if command is not None:
            self.undo_stack.push(command)
            words = {"confirmed": self.tr("confirmed"), "rejected": self.tr("rejected"),
                     "suggested": self.tr("left to the match")}
            self.status.emit(self.tr("%s: %s for this goal.") % (name, words[state]))

    # -- goal list edits --------------------------------------------------------------------------
    def _select_goal(self, goal_id: int) -> None:
        for i in range(self.goal_list.count()):
            if self.goal_list.item(i).data(ID_ROLE) == goal_id:
                self.goal_list.setCurrentRow(i)
                return

    def new_goal(self, parts: dict[str, Any] | None = None, objectives: tuple[str, ...] = ()) -> None:
        if self.student is None:
            return
        self.commit_pending()
        values = dict(parts or {})
        values.setdefault("target_date", self.student.annual_review_date)
        sid = self.student.id
        command = AddCommand(
            self.store, self.tr("New goal"), "goal",
            lambda: goals.add_goal(self.store, sid, objectives=objectives, **values),
        )
        self.undo_stack.push(command)
        if command.failed is None:
            self._select_goal(command.record.id)
            self.behavior.setFocus() if not parts else self.criterion.setFocus()

    def delete_goal(self) -> None:
        if self.goal is None:
            return
        self.commit_pending()
        index = self.goal_list.currentRow() + 1
        command = DeleteCommand(self.store, self.tr("Delete goal %d") % index, "goal", self.goal.id)
        self.undo_stack.push(command)
        if command.failed is None:
            self.status.emit(self.tr("Deleted goal %d. Undo (Ctrl+Z) brings it back.") % index)

    def move_goal(self, step: int) -> None:
        if self.goal is None:
            return
        self.commit_pending()
        row = self.goal_list.currentRow()
        target = row + step
        if not 0 <= target < self.goal_list.count():
            return
        self.undo_stack.push(MoveCommand(self.store, self.tr("Move goal"), "goal", self.goal.id, target))

    # -- objectives -----------------------------------------------------------------------------
    def add_objective(self) -> None:
        if self.goal is None:
            return
        gid = self.goal.id
        command = AddCommand(
            self.store, self.tr("Add objective"), "objective", lambda: goals.add_objective(self.store, gid, "")
        )
        self.undo_stack.push(command)
        if command.failed is None:
            row = self.objective_list.count() - 1
            self.objective_list.setCurrentRow(row)
            self.objective_list.setFocus()
            self.objective_list.editItem(self.objective_list.item(row))

    def _objective_edited(self, item: QListWidgetItem) -> None:
        objective_id, version = item.data(ID_ROLE)
        old = queries.get_objective(self.store, objective_id)
        text = item.text().strip()
        if text == old.text:
            return
        command = EditCommand(
            self.store, self.tr("Edit objective"), "objective", objective_id, {"text": old.text}, {"text": text},
            lambda values, ver, oid=objective_id: goals.edit_objective(self.store, oid, ver, values["text"]),
            version=version,
        )
        self.undo_stack.push(command)

    def remove_objective(self) -> None:
        item = self.objective_list.currentItem()
        if item is None:
            return
        objective_id, _version = item.data(ID_ROLE)
        self.undo_stack.push(DeleteCommand(self.store, self.tr("Remove objective"), "objective", objective_id))

    def move_objective(self, step: int) -> None:
        item = self.objective_list.currentItem()
        if item is None:
            return
        target = self.objective_list.row(item) + step
        if not 0 <= target < self.objective_list.count():
            return
        objective_id, _version = item.data(ID_ROLE)
        self.undo_stack.push(MoveCommand(self.store, self.tr("Move objective"), "objective", objective_id, target))
        self.objective_list.setCurrentRow(target)

    # -- goal bank ------------------------------------------------------------------------------
    def focus_bank(self) -> None:
        self.bank_search.setFocus()
        self.bank_search.selectAll()

    def _search_bank(self, text: str) -> None:
        self.bank_results.clear()
        for template, _score in self._bank_index.search(text, limit=25):
            item = QListWidgetItem(f"{template.title}\n    {template.domain}")
            item.setData(ID_ROLE, template.id)
            item.setToolTip(f"{template.behavior}\n{template.criterion}")
            self.bank_results.addItem(item)
        if self.bank_results.count():
            self.bank_results.setCurrentRow(0)

    def _use_top_template(self) -> None:
        item = self.bank_results.currentItem() or self.bank_results.item(0)
        if item is not None:
            self._use_template_item(item)

    def _use_template_item(self, item: QListWidgetItem) -> None:
        template = next(t for t in self._bank if t.id == item.data(ID_ROLE))
        self.use_template(template)

    def use_template(self, template) -> None:
        """Add the template as a new goal with its parts and objectives filled for this student."""
        if self.student is None:
            return
        filled = fill_template(template, self.student.short_name)
        objectives = tuple(filled.pop("objectives", ()))
        parts = {k: v for k, v in filled.items() if k in GoalEditCommand.SNAPSHOT_FIELDS}
        self.new_goal(parts, objectives)
        self.status.emit(self.tr("Added “%s” from the goal bank; fill in the blanks (___).") % template.title)

    # -- copy out -------------------------------------------------------------------------------
    def copy_goal(self) -> None:
        if self.goal is None:
            return
        self.commit_pending()
        objectives = [o.text for o in queries.list_objectives(self.store, self.goal.id)]
        text = goal_plain_text(
            self.goal_list.currentRow() + 1, self.goal.area, self.goal.text, self.goal.baseline, objectives
        )
        QGuiApplication.clipboard().setText(text)
        self.status.emit(self.tr("Copied goal %d as plain text.") % (self.goal_list.currentRow() + 1))

    def copy_all_goals(self) -> None:
        if self.student is None:
            return
        self.commit_pending()
        rows = [
            (g.area, g.text, g.baseline, [o.text for o in queries.list_objectives(self.store, g.id)])
            for g in queries.list_goals(self.store, self.student.id)
        ]
        QGuiApplication.clipboard().setText(goals_plain_text(rows, heading=f"{self.student.name} - IEP goals"))
        self.status.emit(self.tr("Copied all %d goals as plain text.") % len(rows))

    # -- changes from elsewhere -------------------------------------------------------------------
    def _reload_current_goal(self) -> None:
        if self.goal is None:
            return
        try:
            self.goal = queries.get_goal(self.store, self.goal.id)
        except Exception:
            self.goal = None
            return
        self._load_goal_into_editor()

    def on_change(self, change: Change) -> None:
        if self.student is None:
            return
        if change.kind == "goal":
            if change.action == "updated" and self.goal is not None and change.ids == (self.goal.id,):
                self._reload_current_goal()
                self._refresh_current_label()
                self.analyse()
            else:
                self.reload_goals()
        elif change.kind == "objective":
            if self.goal is not None and change.parent_id == self.goal.id:
                self.reload_objectives()
        elif change.kind == "alignment":
            self._reload_decisions()
            self.reload_goals() if change.parent_id == self.student.id else self.analyse()
        elif change.kind == "routine":
            self.reload_routines()
            self.reload_goals()
        elif change.kind == "lexicon":
            self.reload_goals()

    def _refresh_current_label(self) -> None:
        item = self.goal_list.currentItem()
        if item is not None and self.goal is not None:
            self._label_goal_item(item, self.goal_list.row(item) + 1, self.goal, self.flags.get(self.goal.id, ""))


def routine_label(r: RoutineRec) -> str:
    when = f"{r.start}–{r.end}" if r.start and r.end else (r.start or "")
    days = f" ({r.days})" if r.days and r.days.lower() not in ("daily", "mon-fri", "m-f", "") else ""
    return f"{when}  {r.name}{days}".strip()
