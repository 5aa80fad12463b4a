"""A crash or a kill loses nothing that was committed: what was typed and saved survives SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from goalwriter.services import queries
from goalwriter.store import open_store

CHILD = textwrap.dedent(
    """
    import os, sys, signal
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from goalwriter.app import build_main_window
    from goalwriter.services import queries

    window = build_main_window(sys.argv[1])
    window.show()
    student = next(s for s in queries.list_students(window.store) if s.name == "Ethan Park")
    window.workspace.open_student(student.id)
    tab = window.workspace.student_page.goals_tab
    tab.new_goal()
    QTest.keyClicks(tab.behavior, "hang up his backpack and coat in his locker")
    while tab.has_pending():          # the pause in typing commits the edit
        QTest.qWait(50)
    print("saved", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_typed_goal_survives_a_kill(demo_store, tmp_path):
    url = demo_store.url
    demo_store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", CHILD, url], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "saved"
    store = open_store(url)
    try:
        ethan = next(s for s in queries.list_students(store) if s.name == "Ethan Park")
        texts = [g.text for g in queries.list_goals(store, ethan.id)]
    finally:
        store.close()
    assert any("hang up his backpack and coat in his locker" in t for t in texts)
