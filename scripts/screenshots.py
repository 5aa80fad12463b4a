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
    names = sys.argv[1:] or ["goal-editor", "never-in-class", "matrix-tab", "alignment-matrix", "documents"]

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
    if "matrix-tab" in names or "alignment-matrix" in names:
        _team_decisions(store, student("Jayden Brooks"))
    if "matrix-tab" in names:
        window.workspace.open_student(student("Jayden Brooks"))
        page = window.workspace.student_page
        page.tabs.setCurrentWidget(page.matrix_view)
        app.processEvents()
        window.grab().save(str(OUT / "matrix-tab.png"))
        print(OUT / "matrix-tab.png")
    if "alignment-matrix" in names:
        from goalwriter.services.alignment import student_matrix
        from goalwriter.ui.matrix_picture import render_matrix_png

        render_matrix_png(student_matrix(store, student("Jayden Brooks")), OUT / "alignment-matrix.png")
        print(OUT / "alignment-matrix.png")
    if "documents" in names:
        _documents(store, student("Maya Rivera"), student("Theo Grant"), tmp)
    window.close()
    store.close()


def _documents(store, maya: int, theo: int, tmp: Path) -> None:
    """Export the demo documents and render their pages with LibreOffice (scripts/render_docx.sh)."""
    import shutil
    import subprocess

    from goalwriter.services import alignment, queries
    from goalwriter.services.export import export_student

    matrix = alignment.student_matrix(store, maya)
    block = {r.name: r.id for r in queries.list_routines(store, matrix.classroom.id)}
    coat, scissors, shapes = (row.goal.id for row in matrix.rows[:3])
    decide = alignment.set_alignment
    decide(store, coat, block["Arrival & cubbies"], state="confirmed", definitely=True, support="A",
           note="Picture sequence card taped inside the cubby")
    decide(store, coat, block["Pack-up & dismissal"], state="confirmed", support="N",
           note="Zip up before lining up for the bus")
    decide(store, scissors, block["Small group"], state="confirmed", definitely=True, support="P",
           note="Loop scissors and thick-line strips in the tray")
    decide(store, shapes, block["Small group"], state="confirmed", note="Copy shapes on the slanted easel first")
    folder = tmp / "documents"
    folder.mkdir()
    draft = export_student(store, maya, "draft", folder / "draft.docx")
    glance = export_student(store, maya, "glance", folder / "glance.docx")
    review = export_student(store, theo, "draft", folder / "review.docx")
    pages = tmp / "pages"
    subprocess.run(["bash", str(ROOT / "scripts" / "render_docx.sh"), str(pages), str(draft), str(glance),
                    str(review)], check=True)
    last_review = sorted(pages.glob("review-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))[-1]
    for source, name in ((pages / "draft-1.png", "export-draft-1.png"), (pages / "draft-2.png", "export-draft-2.png"),
                         (pages / "glance-1.png", "export-glance.png"), (last_review, "export-draft-review.png")):
        shutil.copy(source, OUT / name)
        print(OUT / name)


def _team_decisions(store, student_id: int) -> None:
    """A few decisions as a team would make them in the meeting (only in this throwaway database)."""
    from goalwriter.services import alignment, goals, queries

    matrix = alignment.student_matrix(store, student_id)
    rows = matrix.rows
    by_name = {r.name: r.id for r in queries.list_routines(store, matrix.classroom.id)}
    handwriting, organization, gross_motor = (row.goal.id for row in rows[:3])
    decide = alignment.set_alignment
    decide(store, handwriting, by_name["Writer's Workshop"], state="confirmed", definitely=True, support="N",
           note="Journal entry: check spacing with the spacing tool")
    decide(store, handwriting, by_name["Phonics"], state="confirmed", support="P",
           note="Dictation sentences on lined whiteboards")
    decide(store, handwriting, by_name["Math"], state="rejected")
    decide(store, organization, by_name["Pack-up & dismissal"], state="confirmed", definitely=True, support="A",
           note="Planner copy from the board before the bell")
    decide(store, organization, by_name["Arrival & unpack"], state="confirmed", support="N")
    decide(store, gross_motor, by_name["Snack & recess"], state="confirmed", definitely=True, support="P",
           note="Climbing ladder at recess with a peer")
    shoelaces = goals.add_goal(store, student_id, area="Self-care", behavior="tie his shoelaces with a double knot",
                               criterion="in 3 of 4 trials")
    for cell in alignment.student_matrix(store, student_id).row(shoelaces.id).addressed:
        decide(store, shoelaces.id, cell.routine_id, state="rejected")


if __name__ == "__main__":
    main()
