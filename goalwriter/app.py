"""Starting the window: ``build_main_window(url)`` for tests and automation, ``main()`` for people."""

from __future__ import annotations

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


def main(database_url: str | None = None) -> int:
    """Run the app until its window closes. Errors opening the database are shown, not raised."""
    from goalwriter.store.errors import GoalwriterError

    app = ensure_application()
    try:
        window = build_main_window(database_url)
    except GoalwriterError as exc:
        from goalwriter.ui import dialogs

        print(f"goalwriter: error: {exc}", file=sys.stderr)
        dialogs.error(None, "goalwriter cannot start", str(exc))
        return 2
    window.show()
    return app.exec()
