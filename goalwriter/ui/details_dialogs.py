"""Small forms for the caseload: a student's details (with the OT service) and a classroom's details.

Each dialog offers a classmethod returning ``(values, accepted)`` so callers and tests have one place to
patch; the values are plain dicts ready for the service functions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

NO_DATE = QDate(2000, 1, 1)
SERVICE_MODELS = ("push-in", "pull-out", "consult")


def _date_edit(parent: QWidget, name: str, accessible: str, value: dt.date | None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(parent.tr("not set"))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value) if value else NO_DATE)
    return edit


def _date_value(edit: QDateEdit) -> dt.date | None:
    return None if edit.date() == NO_DATE else edit.date().toPython()


class _Form(QDialog):
    def __init__(self, parent: QWidget | None, title: str, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setStyleSheet("color: #a11;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def line(self, name: str, accessible: str, value: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def problem(self) -> str:
        return ""

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.accept()


class StudentDialog(_Form):
    """Name, initials, grade, IEP meeting and annual review dates, and the OT service."""

    def __init__(self, parent: QWidget | None, student=None, service=None):
        title = self.tr("Student details") if student else self.tr("Add student")
        super().__init__(parent, title)
        self.setObjectName("studentDialog")
        self.name = self.line("studentName", self.tr("Student's name"), student.name if student else "")
        self.initials = self.line(
            "studentInitials", self.tr("Initials"), student.initials if student else "",
            self.tr("made from the name when empty"),
        )
        self.grade = self.line("studentGrade", self.tr("Grade"), student.grade if student else "")
        self.meeting = _date_edit(self, "studentMeetingDate", self.tr("IEP meeting date"),
                                  student.iep_meeting_date if student else None)
        self.review = _date_edit(self, "studentReviewDate", self.tr("Annual review date"),
                                 student.annual_review_date if student else None)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("serviceMinutes")
        self.minutes.setAccessibleName(self.tr("OT minutes per week"))
        self.minutes.setRange(0, 2400)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min a week"))
        self.minutes.setSpecialValueText(self.tr("no OT service recorded"))
        self.minutes.setValue(service.minutes_per_week if service else 0)
        self.model = QComboBox(self)
        self.model.setObjectName("serviceModel")
        self.model.setAccessibleName(self.tr("How the service is delivered"))
        self.model.addItems(SERVICE_MODELS)
        self.model.setCurrentText(service.model if service else "push-in")
        for label, widget in (
            (self.tr("&Name"), self.name), (self.tr("&Initials"), self.initials), (self.tr("&Grade"), self.grade),
            (self.tr("IEP &meeting"), self.meeting), (self.tr("Annual &review"), self.review),
            (self.tr("OT &service"), self.minutes), (self.tr("&Delivered as"), self.model),
        ):
            self.form.addRow(label, widget)
        self.name.setFocus()

    def problem(self) -> str:
        if not self.name.text().strip():
            return self.tr("Please enter the student's name.")
        meeting, review = _date_value(self.meeting), _date_value(self.review)
        if meeting and review and review < meeting:
            return self.tr("The annual review cannot come before the IEP meeting.")
        return ""

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "initials": self.initials.text().strip(),
            "grade": self.grade.text().strip(),
            "iep_meeting_date": _date_value(self.meeting),
            "annual_review_date": _date_value(self.review),
            "service_minutes": self.minutes.value(),
            "service_model": self.model.currentText(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, student=None, service=None) -> tuple[dict[str, Any], bool]:
        dialog = cls(parent, student, service)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), accepted


class ClassroomDialog(_Form):
    def __init__(self, parent: QWidget | None, classroom=None):
        super().__init__(parent, self.tr("Classroom details") if classroom else self.tr("Add classroom"))
        self.setObjectName("classroomDialog")
        self.name = self.line("classroomName", self.tr("Classroom name"), classroom.name if classroom else "",
                              self.tr("e.g. Grade 2 Room 14"))
        self.teacher = self.line("classroomTeacher", self.tr("Teacher"), classroom.teacher if classroom else "")
        self.grade = self.line("classroomGrade", self.tr("Grade"), classroom.grade if classroom else "")
        for label, widget in ((self.tr("&Name"), self.name), (self.tr("&Teacher"), self.teacher),
                              (self.tr("&Grade"), self.grade)):
            self.form.addRow(label, widget)
        self.name.setFocus()

    def problem(self) -> str:
        return "" if self.name.text().strip() else self.tr("Please enter the classroom's name.")

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "teacher": self.teacher.text().strip(),
                "grade": self.grade.text().strip()}

    @classmethod
    def ask(cls, parent: QWidget | None, classroom=None) -> tuple[dict[str, Any], bool]:
        dialog = cls(parent, classroom)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.values(), accepted
