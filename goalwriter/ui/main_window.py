"""The main window frame: menus, undo/redo, zoom and full screen, the status line, remembered geometry.

The window is built and shown before the database is opened, so it appears at once; the caseload
workspace (navigator and pages) is attached when the store is ready. This module therefore imports
nothing that loads SQLAlchemy; the workspace does.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from goalwriter.ui import dialogs

if TYPE_CHECKING:
    from goalwriter.store.db import Store
    from goalwriter.ui.workspace import Workspace

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.3, 2.6)


class MainWindow(QMainWindow):
    open_failed = Signal(str)  # the database could not be opened (the window has closed)
    store_attached = Signal()  # the caseload is on screen

    def __init__(self, store: Store | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.workspace: Workspace | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle("goalwriter")
        self.setAccessibleName(self.tr("goalwriter main window"))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self._base_point_size = QApplication.font().pointSizeF()
        self.zoom = 1.0

        self.opening_label = QLabel(self.tr("Opening your caseload…"), self)
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.opening_label)

        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setAccessibleName(self.tr("Save state"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_menus()
        self._restore_settings()
        if store is not None:
            self.attach_store(store)

    # -- the database ---------------------------------------------------------------------------
    def attach_store(self, store: Store, flagged: set[int] | None = None) -> None:
        """Show the caseload of an open store (called once, when the database is ready). ``flagged``: the
        students with a goal that never comes up in class, when already worked out."""
        from goalwriter.ui.commands import ServiceCommand
        from goalwriter.ui.workspace import Workspace

        self.store = store
        ServiceCommand.error_sink = self.show_error
        self.workspace = Workspace(store, self.undo_stack, self, flagged=flagged)
        self.workspace.saved_state.connect(self._on_saved_state)
        self.workspace.status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.setCentralWidget(self.workspace)
        self.opening_label = None
        self.workspace.install_menus(self)
        self.workspace.restore_state(QSettings())
        self.statusBar().showMessage(self.tr("Database: %s") % store.display_url, 8000)
        self._on_saved_state(True)
        self.store_attached.emit()

    def open_database_async(self, url: str) -> None:
        """Open the database off the UI thread; attach it, or say why it could not be opened."""
        from goalwriter.ui.workers import start_job

        def work(_progress, _cancelled):
            from goalwriter.store.db import open_store

            store = open_store(url)
            # Load the workspace's code and the matcher's lexicon here too, off the UI thread, so the
            # window keeps painting meanwhile; attaching then only builds widgets.
            from goalwriter.services.alignment import flagged_students
            from goalwriter.ui.goal_editor import shipped_goal_bank

            shipped_goal_bank()
            return store, flagged_students(store)

        def wire(job) -> None:
            job.signals.finished.connect(lambda result: self.attach_store(*result), Qt.ConnectionType.QueuedConnection)
            job.signals.failed.connect(self._open_failed, Qt.ConnectionType.QueuedConnection)

        self._open_job = start_job(work, connect=wire)

    def _open_failed(self, exc: BaseException) -> None:
        from goalwriter.store.errors import GoalwriterError

        text = str(exc) if isinstance(exc, GoalwriterError) else f"{type(exc).__name__}: {exc}"
        if self.opening_label is not None:
            self.opening_label.setText(self.tr("The database could not be opened:\n%s") % text)
        print(f"goalwriter: error: {text}", file=sys.stderr)
        dialogs.error(self, self.tr("goalwriter cannot open the database"), text)
        self.close()
        self.open_failed.emit(text)

    # -- menus ----------------------------------------------------------------------------------
    def action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        if name:
            act.setObjectName(name)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.quit_action = self.action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quitAction")

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("redoAction")
        for act in (self.undo_action, self.redo_action):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.edit_menu.addAction(act)
            self.addAction(act)
        self.edit_menu.addSeparator()

        self.zoom_in_action = self.action(self.tr("Zoom &in"), self.zoom_in, ["Ctrl+=", "Ctrl++"], "zoomInAction")
        self.zoom_out_action = self.action(self.tr("Zoom &out"), self.zoom_out, "Ctrl+-", "zoomOutAction")
        self.zoom_reset_action = self.action(self.tr("&Actual size"), self.zoom_reset, "Ctrl+0", "zoomResetAction")
        self.full_screen_action = self.action(
            self.tr("&Full screen (meeting mode)"), self.toggle_full_screen, "F11", "fullScreenAction"
        )
        self.full_screen_action.setCheckable(True)
        for act in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.full_screen_action):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.about_action = self.action(self.tr("&About goalwriter"), self.show_about, name="aboutAction")
        self.help_menu.addAction(self.about_action)

    def show_about(self) -> None:
        from goalwriter import __version__

        where = self.store.display_url if self.store else self.tr("not open")
        dialogs.info(
            self,
            self.tr("About goalwriter"),
            self.tr(
                "goalwriter %s\n\nWrite IEP goals beside the classroom day.\nStudent data stays on this computer "
                "unless you point goalwriter at a server.\n\nDatabase: %s"
            )
            % (__version__, where),
        )

    # -- meeting mode: zoom and full screen -------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
        font = QApplication.font()
        font.setPointSizeF(self._base_point_size * self.zoom)
        self.setFont(font)
        self.statusBar().showMessage(self.tr("Zoom %d%%") % round(self.zoom * 100), 2000)
        QSettings().setValue("view/zoom", self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-6), ZOOM_STEPS[0]))

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())
        QSettings().setValue("view/fullScreen", self.isFullScreen())

    # -- state ----------------------------------------------------------------------------------
    def _on_saved_state(self, saved: bool) -> None:
        if saved:
            self.saved_label.setText(self.tr("All changes saved ✓"))
            self.saved_label.setToolTip(self.tr("Every edit is saved as you make it. Undo with Ctrl+Z."))
        else:
            self.saved_label.setText(self.tr("Saving…"))

    def show_error(self, exc: Exception) -> None:
        self.statusBar().showMessage(str(exc), 15000)
        QTimer.singleShot(0, lambda: dialogs.error(self, self.tr("Not saved"), str(exc)))

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        zoom = float(settings.value("view/zoom", 1.0))
        if abs(zoom - 1.0) > 1e-6:
            self.set_zoom(zoom)
        if settings.value("view/fullScreen", False) in (True, "true"):
            QTimer.singleShot(0, self.showFullScreen)
            self.full_screen_action.setChecked(True)

    def save_settings(self) -> None:
        settings = QSettings()
        if not self.isFullScreen():
            settings.setValue("window/geometry", self.saveGeometry())
        if self.workspace is not None:
            self.workspace.save_state(settings)
        settings.sync()

    def closeEvent(self, event) -> None:
        if self.workspace is not None:
            self.workspace.flush_pending_edits()
        self.save_settings()
        if self.workspace is not None:
            self.workspace.detach()
        from goalwriter.ui.commands import ServiceCommand

        if ServiceCommand.error_sink == self.show_error:
            ServiceCommand.error_sink = None
        super().closeEvent(event)
