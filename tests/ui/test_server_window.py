"""The window on the district's PostgreSQL server: it works, and two people cannot overwrite each other."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from goalwriter.services import queries
from goalwriter.services.demo import load_demo_caseload
from goalwriter.store import open_store
from goalwriter.ui import dialogs
from goalwriter.ui.main_window import MainWindow

pytestmark = pytest.mark.postgres


def open_window(qtbot, url):
    window = MainWindow(open_store(url))
    qtbot.addWidget(window)
    window.show()
    return window


def test_two_people_editing_one_goal_on_the_server(qtbot, pg_url, monkeypatch):
    seed = open_store(pg_url)
    load_demo_caseload(seed)
    maya = next(s for s in queries.list_students(seed) if s.name == "Maya Rivera")
    seed.close()
    errors = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: errors.append(text))

    ot, teacher = open_window(qtbot, pg_url), open_window(qtbot, pg_url)
    try:
        for w in (ot, teacher):
            w.workspace.open_student(maya.id)
        ot_tab = ot.workspace.student_page.goals_tab
        teacher_tab = teacher.workspace.student_page.goals_tab
        goal_id = ot_tab.goal.id
        assert teacher_tab.goal.id == goal_id

        ot_tab.criterion.selectAll()
        qtbot.keyClicks(ot_tab.criterion, "in 5 of 5 opportunities")
        ot_tab.commit_pending()
        teacher_tab.criterion.selectAll()
        qtbot.keyClicks(teacher_tab.criterion, "daily")
        teacher_tab.commit_pending()
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)

        assert "changed elsewhere" in errors[0]
        assert queries.get_goal(ot.store, goal_id).criterion == "in 5 of 5 opportunities"
        assert teacher_tab.criterion.text() == "in 5 of 5 opportunities"  # the stale edit is replaced, not kept
        teacher_tab.criterion.selectAll()
        qtbot.keyClicks(teacher_tab.criterion, "in 4 of 5 opportunities")
        teacher_tab.commit_pending()
        assert queries.get_goal(ot.store, goal_id).criterion == "in 4 of 5 opportunities"
    finally:
        for w in (ot, teacher):
            w.close()
            w.store.close()


def test_goal_bank_and_undo_on_the_server(qtbot, pg_url):
    seed = open_store(pg_url)
    load_demo_caseload(seed)
    seed.close()
    window = open_window(qtbot, pg_url)
    try:
        jayden = next(s for s in queries.list_students(window.store) if s.name == "Jayden Brooks")
        window.workspace.open_student(jayden.id)
        tab = window.workspace.student_page.goals_tab
        before = tab.goal_list.count()
        qtbot.keyClicks(tab.bank_search, "zipper coat")
        qtbot.keyClick(tab.bank_search, Qt.Key.Key_Return)
        assert tab.goal_list.count() == before + 1
        window.undo_stack.undo()
        assert len(queries.list_goals(window.store, jayden.id)) == before
    finally:
        window.close()
        window.store.close()
