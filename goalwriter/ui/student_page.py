"""The student page: who the student is, and tabs for goals, the classroom day, the matrix and export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from goalwriter.services import queries
from goalwriter.store.db import Store
from goalwriter.store.events import Change
from goalwriter.ui.alignment_matrix import AlignmentMatrixView
from goalwriter.ui.export_panel import ExportPanel
from goalwriter.ui.goal_editor import GoalsTab
from goalwriter.ui.routine_editor import RoutineEditor


class StudentPage(QWidget):
    saved_state = Signal(bool)
    status = Signal(str)
    edit_requested = Signal(int)  # the student's id: open the details form

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.student = None
        self.classroom = None
        self.setObjectName("studentPage")
        self.setAccessibleName(self.tr("Student page"))

        self.header = QLabel(self)
        self.header.setObjectName("studentHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.goals_tab = GoalsTab(store, undo_stack, self)
        self.goals_tab.saved_state.connect(self.saved_state)
        self.goals_tab.status.connect(self.status)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("studentTabs")
        self.tabs.setAccessibleName(self.tr("Student page sections"))
        self.routine_editor = RoutineEditor(store, undo_stack, self)
        self.matrix_view = AlignmentMatrixView(store, undo_stack, self)
        self.export_panel = ExportPanel(store, self)
        self.tabs.addTab(self.goals_tab, self.tr("&Goals"))
        self.tabs.addTab(self.routine_editor, self.tr("&Classroom day"))
        self.tabs.addTab(self.matrix_view, self.tr("&Matrix"))
        self.tabs.addTab(self.export_panel, self.tr("E&xport"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.details_button = QToolButton(self)
        self.details_button.setObjectName("editStudentButton")
        self.details_button.setText(self.tr("Details…"))
        self.details_button.setAccessibleName(self.tr("Edit the student's details"))
        self.details_button.setToolTip(self.tr("Name, grade, IEP meeting and review dates, OT service (Ctrl+E)"))
        self.details_button.clicked.connect(lambda: self.student and self.edit_requested.emit(self.student.id))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.details_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def install_menus(self, window) -> None:
        self.goals_tab.install_menus(window)

    def show_student(self, student_id: int) -> None:
        self.student = queries.get_student(self.store, student_id)
        self.classroom = queries.get_classroom(self.store, self.student.classroom_id)
        school = queries.get_school(self.store, self.classroom.school_id)
        self._set_header(school.name)
        self.goals_tab.set_student(self.student, self.classroom)
        self.routine_editor.set_classroom(self.classroom.id)
        self.export_panel.set_student(self.student.id)
        self.matrix_view.show_student(self.student.id)

    def _on_tab_changed(self, _index: int) -> None:
        self.flush_pending_edits()

    def _set_header(self, school_name: str) -> None:
        s, c = self.student, self.classroom
        bits = [c.name + (f" ({c.teacher})" if c.teacher else ""), school_name]
        if s.iep_meeting_date:
            bits.append(self.tr("IEP meeting %s") % f"{s.iep_meeting_date:%Y-%m-%d}")
        if s.annual_review_date:
            bits.append(self.tr("annual review %s") % f"{s.annual_review_date:%Y-%m-%d}")
        self.header.setText(
            f"<span style='font-size:x-large; font-weight:600'>{_esc(s.name)}</span>"
            f"&nbsp;&nbsp;<span style='color:#555'>{_esc(' · '.join(bits))}</span>"
        )

    def flush_pending_edits(self) -> None:
        self.goals_tab.flush_pending_edits()

    def on_change(self, change: Change) -> None:
        if self.student is None:
            return
        if change.kind in ("student", "classroom", "school", "caseload"):
            try:
                self.show_student(self.student.id)
            except Exception:  # the student was deleted; the navigator moves on
                self.student = None
            return
        self.goals_tab.on_change(change)
        self.routine_editor.on_change(change)
        self.matrix_view.on_change(change)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
