"""The student page: header, the student's goals, the class's day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from goalwriter.services import queries
from goalwriter.store.db import Store
from goalwriter.store.events import Change

ID_ROLE = Qt.ItemDataRole.UserRole


def routine_label(r) -> str:
    when = f"{r.start}–{r.end}" if r.start and r.end else (r.start or "")
    days = f" ({r.days})" if r.days and r.days.lower() not in ("daily", "mon-fri", "m-f") else ""
    return f"{when:>11}  {r.name}{days}".strip()


class StudentPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.student = None
        self.classroom = None
        self.setObjectName("studentPage")
        self.setAccessibleName(self.tr("Student page"))

        self.header = QLabel(self)
        self.header.setObjectName("studentHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)

        self.goal_list = QListWidget(self)
        self.goal_list.setObjectName("goalList")
        self.goal_list.setAccessibleName(self.tr("Goals of the student"))
        self.goal_list.setWordWrap(True)
        self.goal_detail = QTextBrowser(self)
        self.goal_detail.setObjectName("goalDetail")
        self.goal_detail.setAccessibleName(self.tr("Selected goal"))
        self.routine_list = QListWidget(self)
        self.routine_list.setObjectName("routineList")
        self.routine_list.setAccessibleName(self.tr("The classroom's day"))

        goals_tab = QSplitter(Qt.Orientation.Horizontal, self)
        goals_tab.addWidget(self.goal_list)
        goals_tab.addWidget(self.goal_detail)
        goals_tab.addWidget(self.routine_list)
        goals_tab.setSizes([300, 500, 300])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("studentTabs")
        self.tabs.addTab(goals_tab, self.tr("&Goals"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.goal_list.currentItemChanged.connect(self._show_goal)

    def show_student(self, student_id: int) -> None:
        self.student = queries.get_student(self.store, student_id)
        self.classroom = queries.get_classroom(self.store, self.student.classroom_id)
        school = queries.get_school(self.store, self.classroom.school_id)
        meeting = f" · IEP meeting {self.student.iep_meeting_date:%Y-%m-%d}" if self.student.iep_meeting_date else ""
        self.header.setText(f"{self.student.name} · {self.classroom.name} · {school.name}{meeting}")
        self.reload_goals()
        self.reload_routines()

    def reload_goals(self) -> None:
        current = self.goal_list.currentItem()
        keep = current.data(ID_ROLE) if current else None
        self.goal_list.clear()
        for index, goal in enumerate(queries.list_goals(self.store, self.student.id), start=1):
            label = f"{index}. {goal.area or 'Goal'}"
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, goal.id)
            item.setToolTip(goal.text)
            self.goal_list.addItem(item)
            if goal.id == keep:
                self.goal_list.setCurrentItem(item)
        if self.goal_list.currentItem() is None and self.goal_list.count():
            self.goal_list.setCurrentRow(0)
        if not self.goal_list.count():
            self.goal_detail.setPlainText(self.tr("No goals yet."))

    def reload_routines(self) -> None:
        self.routine_list.clear()
        for r in queries.list_routines(self.store, self.classroom.id):
            item = QListWidgetItem(routine_label(r))
            item.setData(ID_ROLE, r.id)
            item.setToolTip(r.description)
            self.routine_list.addItem(item)

    def _show_goal(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            self.goal_detail.clear()
            return
        goal = queries.get_goal(self.store, item.data(ID_ROLE))
        self.goal_detail.setPlainText(goal.text)

    def on_change(self, change: Change) -> None:
        if self.student is None:
            return
        if change.kind in ("goal", "objective"):
            self.reload_goals()
        elif change.kind == "routine":
            self.reload_routines()
        elif change.kind in ("student", "classroom", "school", "caseload"):
            self.show_student(self.student.id)
