"""The caseload workspace: the navigator (schools > classrooms > students) beside the selected page."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from goalwriter.services import alignment, caseload, queries
from goalwriter.services.demo import load_demo_caseload
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError
from goalwriter.store.events import Change
from goalwriter.ui import dialogs
from goalwriter.ui.bridge import ChangeBridge
from goalwriter.ui.caseload_tree import CASELOAD_KINDS, CaseloadFilter, CaseloadTree
from goalwriter.ui.commands import AddCommand, DeleteCommand, EditCommand, ServiceCommand
from goalwriter.ui.details_dialogs import ClassroomDialog, StudentDialog
from goalwriter.ui.student_page import StudentPage


class WelcomePage(QWidget):
    """Shown when no student is selected; on an empty database it offers the sample caseload."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.title = QLabel(self)
        self.title.setObjectName("welcomeText")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.load_demo_button = QPushButton(self.tr("Load sample caseload"), self)
        self.load_demo_button.setObjectName("loadDemoButton")
        self.load_demo_button.setAccessibleName(self.tr("Load sample caseload"))
        self.add_school_button = QPushButton(self.tr("Add a school…"), self)
        self.add_school_button.setObjectName("addSchoolButton")
        self.add_school_button.setAccessibleName(self.tr("Add a school"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        for button in (self.load_demo_button, self.add_school_button):
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_empty(self, empty: bool) -> None:
        if empty:
            self.title.setText(
                self.tr(
                    "<h2>Welcome to goalwriter</h2><p>Your caseload is empty. Load the sample caseload to look "
                    "around, or add your first school.</p><p>Everything you type is saved as you go, on this "
                    "computer.</p>"
                )
            )
        else:
            self.title.setText(self.tr("<h3>Pick a student in the caseload on the left.</h3>"))
        self.load_demo_button.setVisible(empty)
        self.add_school_button.setVisible(empty)


class Workspace(QSplitter):
    saved_state = Signal(bool)  # True when every edit is stored
    status = Signal(str)

    def __init__(
        self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None, flagged: set[int] | None = None
    ):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.store = store
        self.undo_stack = undo_stack
        self.setObjectName("mainSplitter")
        self.bridge = ChangeBridge(store, self)

        self.caseload_tree = CaseloadTree(store, self)
        self.caseload_tree.setMinimumWidth(160)
        self.welcome = WelcomePage(self)
        self.student_page = StudentPage(store, undo_stack, self)
        self.student_page.saved_state.connect(self.saved_state)
        self.student_page.edit_requested.connect(self.edit_student)
        self.student_page.status.connect(self.status)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.student_page)
        self.caseload_filter = CaseloadFilter(self.caseload_tree, self)
        navigator = QWidget(self)
        navigator.setObjectName("caseloadNavigator")
        column = QVBoxLayout(navigator)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.caseload_filter)
        column.addWidget(self.caseload_tree, 1)
        self.addWidget(navigator)
        self.addWidget(self.pages)
        self.setStretchFactor(1, 1)
        self.setSizes([250, 1100])

        self.caseload_tree.selected.connect(self._on_tree_selection)
        self.caseload_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.caseload_tree.customContextMenuRequested.connect(self._tree_menu)
        self.caseload_tree.itemActivated.connect(lambda item, _col: self.edit_selected()
                                                 if self.caseload_tree.key_of(item)[0] != "student" else None)
        self.welcome.load_demo_button.clicked.connect(self.load_demo)
        self.welcome.add_school_button.clicked.connect(self.add_school)
        self.bridge.changed.connect(self._on_change)
        self._refresh_welcome()
        if flagged is None:
            self.refresh_flags()
        else:
            self.caseload_tree.set_flags(flagged)

    def install_menus(self, window) -> None:
        file_menu = window.file_menu
        first = file_menu.actions()[0] if file_menu.actions() else None
        self.add_school_action = window.action(self.tr("Add &school…"), self.add_school, name="addSchoolAction")
        self.add_classroom_action = window.action(
            self.tr("Add &classroom…"), self.add_classroom, name="addClassroomAction"
        )
        self.add_student_action = window.action(
            self.tr("Add s&tudent…"), self.add_student, "Ctrl+Shift+N", "addStudentAction"
        )
        self.edit_record_action = window.action(
            self.tr("&Edit details of the selected school, classroom or student…"), self.edit_selected, "Ctrl+E",
            "editRecordAction",
        )
        self.delete_record_action = window.action(
            self.tr("&Delete selected school, classroom or student…"), self.delete_selected, name="deleteRecordAction"
        )
        self.find_student_action = window.action(
            self.tr("&Find a student…"), self.find_student, "Ctrl+Shift+F", "findStudentAction"
        )
        self.load_demo_action = window.action(self.tr("Load s&ample caseload"), self.load_demo, name="loadDemoAction")
        for act in (self.add_school_action, self.add_classroom_action, self.add_student_action,
                    self.edit_record_action, self.delete_record_action):
            file_menu.insertAction(first, act)
        file_menu.insertAction(first, self.find_student_action)
        file_menu.insertSeparator(first)
        file_menu.insertAction(first, self.load_demo_action)
        file_menu.insertSeparator(first)
        self.student_page.install_menus(window)
        tools = window.menuBar().addMenu(self.tr("&Tools"))
        tools.setObjectName("toolsMenu")
        window.menuBar().insertMenu(window.help_menu.menuAction(), tools)
        self.user_words_action = window.action(
            self.tr("Your school's &words…"), self.edit_user_words, name="userWordsAction"
        )
        tools.addAction(self.user_words_action)

    def find_student(self) -> None:
        self.caseload_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.caseload_filter.selectAll()

    # -- selection ------------------------------------------------------------------------------
    def _refresh_welcome(self) -> None:
        self.welcome.set_empty(queries.is_empty(self.store))

    def _on_change(self, change: Change) -> None:
        if change.kind in CASELOAD_KINDS:
            self.caseload_tree.reload()
            self._refresh_welcome()
        self.student_page.on_change(change)
        self._refresh_flags_after(change)

    def refresh_flags(self, student_ids: list[int] | None = None) -> None:
        """Work out which students have a goal that never comes up in class (all, or the ones given)."""
        flagged = alignment.flagged_students(self.store, student_ids)
        self.caseload_tree.set_flags(flagged, None if student_ids is None else set(student_ids))

    def _refresh_flags_after(self, change: Change) -> None:
        if change.kind in ("goal", "alignment") and change.parent_id is not None:
            self.refresh_flags([change.parent_id])
        elif change.kind == "student" and change.action in ("added", "restored", "updated"):
            self.refresh_flags(list(change.ids))
        elif change.kind == "routine" and change.parent_id is not None:
            self.refresh_flags([s.id for s in queries.list_students(self.store, change.parent_id)])
        elif change.kind in ("lexicon", "caseload", "classroom", "school", "goal", "routine"):
            self.refresh_flags()

    def _on_tree_selection(self, kind: str, record_id: int) -> None:
        self.student_page.flush_pending_edits()
        if kind == "student":
            try:
                self.student_page.show_student(record_id)
            except GoalwriterError as exc:
                self.status.emit(str(exc))
                return
            self.pages.setCurrentWidget(self.student_page)
        else:
            self.pages.setCurrentWidget(self.welcome)

    def open_student(self, student_id: int) -> bool:
        return self.caseload_tree.select("student", student_id)

    # -- caseload edits -------------------------------------------------------------------------
    def run(self, command: ServiceCommand) -> bool:
        self.undo_stack.push(command)
        return command.failed is None

    def load_demo(self) -> None:
        self.welcome.load_demo_button.setEnabled(False)
        try:
            load_demo_caseload(self.store)
        except GoalwriterError as exc:
            dialogs.error(self, self.tr("Sample caseload"), str(exc))
            return
        finally:
            self.welcome.load_demo_button.setEnabled(True)
        students = queries.list_students(self.store)
        if students:
            self.open_student(students[0].id)

    def _selected(self, kind: str) -> int | None:
        item = self.caseload_tree.currentItem()
        while item is not None:
            key = self.caseload_tree.key_of(item)
            if key and key[0] == kind:
                return key[1]
            item = item.parent()
        return None

    def add_school(self) -> None:
        name, ok = dialogs.ask_text(self, self.tr("Add school"), self.tr("School name:"))
        if ok and name.strip():
            command = AddCommand(
                self.store, self.tr("Add school"), "school", lambda: caseload.add_school(self.store, name)
            )
            if self.run(command):
                self.caseload_tree.select("school", command.record.id)

    def add_classroom(self) -> None:
        school_id = self._selected("school")
        if school_id is None:
            schools = queries.list_schools(self.store)
            if not schools:
                dialogs.info(self, self.tr("Add classroom"), self.tr("Add a school first."))
                return
            school_id = schools[0].id
        values, ok = ClassroomDialog.ask(self)
        if not ok:
            return
        command = AddCommand(
            self.store, self.tr("Add classroom"), "classroom",
            lambda: caseload.add_classroom(self.store, school_id, **values),
        )
        if self.run(command):
            self.caseload_tree.select("classroom", command.record.id)

    def add_student(self) -> None:
        classroom_id = self._selected("classroom")
        if classroom_id is None:
            dialogs.info(self, self.tr("Add student"), self.tr("Pick the student's classroom in the caseload first."))
            return
        values, ok = StudentDialog.ask(self)
        if not ok:
            return
        minutes, model = values.pop("service_minutes"), values.pop("service_model")
        name = values.pop("name")

        def create():
            student = caseload.add_student(self.store, classroom_id, name, **values)
            if minutes:
                caseload.set_service(self.store, student.id, minutes, model)
            return student

        command = AddCommand(self.store, self.tr("Add student"), "student", create)
        if self.run(command):
            self.open_student(command.record.id)

    def edit_selected(self) -> None:
        """Edit the details of the school, classroom or student selected in the navigator."""
        key = self.caseload_tree.current_key()
        if key is None:
            return
        kind, record_id = key
        if kind == "school":
            school = queries.get_school(self.store, record_id)
            name, ok = dialogs.ask_text(self, self.tr("Rename school"), self.tr("School name:"), school.name)
            if ok and name.strip() and name.strip() != school.name:
                self.run(EditCommand(
                    self.store, self.tr("Rename school"), "school", record_id, {"name": school.name},
                    {"name": name.strip()},
                    lambda v, ver: caseload.rename_school(self.store, record_id, ver, v["name"]), school.version,
                ))
        elif kind == "classroom":
            room = queries.get_classroom(self.store, record_id)
            values, ok = ClassroomDialog.ask(self, room)
            old = {k: getattr(room, k) for k in values}
            if ok and values != old:
                self.run(EditCommand(
                    self.store, self.tr("Edit classroom"), "classroom", record_id, old, values,
                    lambda v, ver: caseload.update_classroom(self.store, record_id, ver, **v), room.version,
                ))
        else:
            self.edit_student(record_id)

    def edit_student(self, student_id: int) -> None:
        student = queries.get_student(self.store, student_id)
        services = queries.list_services(self.store, student_id)
        service = services[0] if services else None
        values, ok = StudentDialog.ask(self, student, service)
        if not ok:
            return
        new_service = (values.pop("service_minutes"), values.pop("service_model"))
        old_service = (service.minutes_per_week, service.model) if service else (0, "push-in")
        old = {k: getattr(student, k) for k in values}
        if not values["initials"]:
            values["initials"] = caseload.initials_of(values["name"])
        commands = []
        if values != old:
            commands.append(EditCommand(
                self.store, self.tr("Edit student"), "student", student_id, old, values,
                lambda v, ver: caseload.update_student(self.store, student_id, ver, **v), student.version,
            ))
        if new_service != old_service and (new_service[0] or old_service[0]):
            commands.append(EditCommand(
                self.store, self.tr("Edit OT service"), "service", student_id,
                {"minutes": old_service[0], "model": old_service[1]},
                {"minutes": new_service[0], "model": new_service[1]},
                lambda v, _ver: caseload.set_service(self.store, student_id, v["minutes"], v["model"]),
            ))
        if not commands:
            return
        self.undo_stack.beginMacro(self.tr("Edit student details"))
        for command in commands:
            self.run(command)
        self.undo_stack.endMacro()

    def _tree_menu(self, pos: QPoint) -> None:
        item = self.caseload_tree.itemAt(pos)
        if item is not None:
            self.caseload_tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.setObjectName("caseloadMenu")
        kind = self.caseload_tree.key_of(item)[0] if item is not None else ""
        menu.addAction(self.add_school_action)
        if kind:
            menu.addAction(self.add_classroom_action)
        if kind in ("classroom", "student"):
            menu.addAction(self.add_student_action)
        if kind:
            menu.addSeparator()
            menu.addAction(self.edit_record_action)
            menu.addAction(self.delete_record_action)
        menu.exec(self.caseload_tree.viewport().mapToGlobal(pos))

    def delete_selected(self) -> None:
        key = self.caseload_tree.current_key()
        if key is None:
            return
        kind, record_id = key
        item = self.caseload_tree.currentItem()
        question = self.tr("Delete the %s “%s” and everything in it? Undo (Ctrl+Z) brings it back.") % (
            kind,
            item.text(0).rstrip(" ●"),
        )
        if dialogs.confirm(self, self.tr("Delete"), question, self.tr("Delete")):
            self.run(DeleteCommand(self.store, self.tr("Delete %s") % kind, kind, record_id))

    def edit_user_words(self) -> None:
        """The words the school uses for its blocks and skills ("Daily 5", "Motor Lab"), for the matcher."""
        from goalwriter.ui.lexicon_dialog import LexiconDialog

        self.student_page.flush_pending_edits()
        classroom = self.student_page.classroom
        LexiconDialog.run(self.window(), self.store, self.undo_stack, classroom.id if classroom else None)

    # -- state ----------------------------------------------------------------------------------
    def flush_pending_edits(self) -> None:
        self.student_page.flush_pending_edits()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("window/splitter", self.saveState())
        key = self.caseload_tree.current_key()
        if key and key[0] == "student":
            settings.setValue("caseload/student", key[1])

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("window/splitter")
        if state is not None:
            self.restoreState(state)
        student = settings.value("caseload/student")
        if student is not None:
            with contextlib.suppress(TypeError, ValueError):
                self.open_student(int(student))

    def detach(self) -> None:
        self.bridge.detach()
