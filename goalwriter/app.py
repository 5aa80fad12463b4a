"""Starting the window: ``build_main_window(url)`` for tests and automation, ``main()`` for people."""

from __future__ import annotations

import gc
import sys

from goalwriter import APP_NAME, __version__
from goalwriter.paths import resolve_database_url


def ensure_application():
    """The QApplication, created once with the names QSettings needs."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("goalwriter")
    return app


def build_main_window(database_url: str | None = None):
    """Open the database and return the ready main window (not shown, no event loop)."""
    from goalwriter.store.db import open_store
    from goalwriter.ui.main_window import MainWindow

    ensure_application()
    store = open_store(resolve_database_url(database_url))
    return MainWindow(store)


def _install_error_hook(window) -> None:
    """An unexpected error in a slot is printed (with its traceback) and shown in one message box, instead of
    vanishing into the console; what was saved before it stays saved."""
    import traceback

    from goalwriter.store.errors import GoalwriterError
    from goalwriter.ui import dialogs

    def hook(kind, value, tb):
        traceback.print_exception(kind, value, tb)
        if isinstance(value, GoalwriterError):
            text = str(value)
        else:
            text = (
                f"{kind.__name__}: {value}\n\nEverything saved before this is safe. If it happens again, "
                "please note what you were doing."
            )
        dialogs.error(window, "Something went wrong", text)

    sys.excepthook = hook


def main(database_url: str | None = None) -> int:
    """Run the app until its window closes.

    The window is shown first and the database opened in the background, so the window appears at
    once; an error opening the database is shown in a message box (and on stderr).
    """
    from goalwriter.runtime import tune_collector
    from goalwriter.ui.main_window import MainWindow

    tune_collector()
    app = ensure_application()
    window = MainWindow()
    _install_error_hook(window)
    window.open_failed.connect(lambda _text: app.exit(2))
    # Once the caseload is up, move everything loaded so far out of the cyclic collector's way, so its
    # full passes stay short while the team types (they otherwise stall the window noticeably).
    window.store_attached.connect(lambda: (gc.collect(), gc.freeze()))
    window.show()
    window.open_database_async(resolve_database_url(database_url))
    return app.exec()
