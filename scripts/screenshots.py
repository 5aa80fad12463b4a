"""Render the screens offscreen into docs/images/ (used by the README and docs).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="goalwriter-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    from goalwriter.app import ensure_application
    from goalwriter.services import queries
    from goalwriter.services.demo import load_demo_caseload
    from goalwriter.store import open_store
    from goalwriter.ui.main_window import MainWindow

    app = ensure_application()
    store = open_store(f"sqlite:///{tmp / 'demo.sqlite3'}")
    load_demo_caseload(store)
    window = MainWindow(store)
    window.resize(1500, 900)
    window.show()
    app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    names = sys.argv[1:] or ["goal-editor"]

    def student(name: str) -> int:
        return next(s.id for s in queries.list_students(store) if s.name == name)

    if "goal-editor" in names:
        window.workspace.open_student(student("Jayden Brooks"))
        app.processEvents()
        window.grab().save(str(OUT / "goal-editor.png"))
        print(OUT / "goal-editor.png")
    if "never-in-class" in names:
        window.workspace.open_student(student("Theo Grant"))
        tab = window.workspace.student_page.goals_tab
        tab.goal_list.setCurrentRow(2)
        app.processEvents()
        window.grab().save(str(OUT / "never-in-class.png"))
        print(OUT / "never-in-class.png")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
