"""The main window: caseload navigator on the left, the selected student's page on the right."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from goalwriter.services import caseload, queries
from goalwriter.services.demo import load_demo_caseload
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError
from goalwriter.store.events import Change
from goalwriter.ui import dialogs
from goalwriter.ui.bridge import ChangeBridge
from goalwriter.ui.caseload_tree import CASELOAD_KINDS, CaseloadTree
from goalwriter.ui.commands import AddCommand, DeleteCommand, ServiceCommand
from goalwriter.ui.student_page import StudentPage


class WelcomePage(QWidget):
    """Shown when nothing is selected; on an empty database it offers the sample caseload."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.title = QLabel(self)
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
                    "around, or add your first school.</p>"
                )
            )
        else:
            self.title.setText(self.tr("<h3>Pick a student in the caseload on the left.</h3>"))
        self.load_demo_button.setVisible(empty)
        self.add_school_button.setVisible(empty)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("mainWindow")
        self.setWindowTitle("goalwriter")
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        ServiceCommand.error_sink = self.show_error
        self.bridge = ChangeBridge(store, self)

        self.caseload_tree = CaseloadTree(store, self)
        self.welcome = WelcomePage(self)
        self.student_page = StudentPage(store, self)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.student_page)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.caseload_tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().showMessage(self.tr("Database: %s") % store.display_url, 8000)
        self._build_actions()

        self.caseload_tree.selected.connect(self._on_tree_selection)
        self.welcome.load_demo_button.clicked.connect(self.load_demo)
        self.welcome.add_school_button.clicked.connect(self.add_school)
        self.bridge.changed.connect(self._on_change)
        self._refresh_welcome()
        self.mark_saved()
        self._restore_settings()

    # -- actions --------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.add_school_action = self._action(self.tr("Add &school…"), self.add_school, name="addSchoolAction")
        self.add_classroom_action = self._action(
            self.tr("Add &classroom…"), self.add_classroom, name="addClassroomAction"
        )
        self.add_student_action = self._action(
            self.tr("Add s&tudent…"), self.add_student, "Ctrl+Shift+N", name="addStudentAction"
        )
        self.delete_record_action = self._action(
            self.tr("&Delete selected school, classroom or student…"), self.delete_selected, name="deleteRecordAction"
        )
        self.load_demo_action = self._action(self.tr("Load s&ample caseload"), self.load_demo, name="loadDemoAction")
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, name="quitAction")
        for action in (self.add_school_action, self.add_classroom_action, self.add_student_action):
            file_menu.addAction(action)
        file_menu.addAction(self.delete_record_action)
        file_menu.addSeparator()
        file_menu.addAction(self.load_demo_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("redoAction")
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            edit_menu.addAction(action)
            self.addAction(action)
        self.edit_menu = edit_menu
        self.view_menu = bar.addMenu(self.tr("&View"))

    # -- state ----------------------------------------------------------------------------------
    def mark_saved(self) -> None:
        self.saved_label.setText(self.tr("All changes saved ✓"))
        self.saved_label.setToolTip(self.tr("Every edit is saved as you make it. Undo with Ctrl+Z."))

    def show_error(self, exc: GoalwriterError) -> None:
        self.statusBar().showMessage(str(exc), 15000)
        QTimer.singleShot(0, lambda: dialogs.error(self, self.tr("Not saved"), str(exc)))

    def _refresh_welcome(self) -> None:
        self.welcome.set_empty(queries.is_empty(self.store))

    def _on_change(self, change: Change) -> None:
        if change.kind in CASELOAD_KINDS:
            self.caseload_tree.reload()
            self._refresh_welcome()
        self.student_page.on_change(change)
        self.mark_saved()

    def _on_tree_selection(self, kind: str, record_id: int) -> None:
        if kind == "student":
            try:
                self.student_page.show_student(record_id)
            except GoalwriterError as exc:
                self.show_error(exc)
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
            self.show_error(exc)
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
        name, ok = dialogs.ask_text(self, self.tr("Add classroom"), self.tr("Classroom (e.g. Grade 2 Room 14):"))
        if not (ok and name.strip()):
            return
        teacher, ok = dialogs.ask_text(self, self.tr("Add classroom"), self.tr("Teacher:"))
        if not ok:
            return
        command = AddCommand(
            self.store,
            self.tr("Add classroom"),
            "classroom",
            lambda: caseload.add_classroom(self.store, school_id, name, teacher),
        )
        if self.run(command):
            self.caseload_tree.select("classroom", command.record.id)

    def add_student(self) -> None:
        classroom_id = self._selected("classroom")
        if classroom_id is None:
            dialogs.info(self, self.tr("Add student"), self.tr("Pick the student's classroom in the caseload first."))
            return
        name, ok = dialogs.ask_text(self, self.tr("Add student"), self.tr("Student's name:"))
        if ok and name.strip():
            command = AddCommand(
                self.store,
                self.tr("Add student"),
                "student",
                lambda: caseload.add_student(self.store, classroom_id, name),
            )
            if self.run(command):
                self.open_student(command.record.id)

    def delete_selected(self) -> None:
        key = self.caseload_tree.current_key()
        if key is None:
            return
        kind, record_id = key
        item = self.caseload_tree.currentItem()
        question = self.tr("Delete the %s “%s” and everything in it? Undo (Ctrl+Z) brings it back.") % (
            kind,
            item.text(0),
        )
        if dialogs.confirm(self, self.tr("Delete"), question, self.tr("Delete")):
            self.run(DeleteCommand(self.store, self.tr("Delete %s") % kind, kind, record_id))

    # -- settings -------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.sync()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.bridge.detach()
        if ServiceCommand.error_sink == self.show_error:
            ServiceCommand.error_sink = None
        super().closeEvent(event)
