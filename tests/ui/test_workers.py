"""Jobs run off the UI thread, report progress, and stop when cancelled."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThreadPool

from goalwriter.ui.workers import Cancelled, Job, run_with_progress, start_job


def test_job_runs_in_another_thread_and_reports(qtbot):
    main_thread = threading.get_ident()

    def work(progress, cancelled):
        for i in range(3):
            progress(i + 1, 3, f"step {i + 1}")
        return threading.get_ident()

    job = Job(work)
    steps = []
    job.signals.progress.connect(lambda done, total, text: steps.append(text))
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as blocker:
        QThreadPool.globalInstance().start(job)
    assert blocker.args[0] != main_thread
    qtbot.waitUntil(lambda: len(steps) == 3)
    assert steps == ["step 1", "step 2", "step 3"]


def test_cancel_stops_the_job(qtbot):
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            time.sleep(0.005)
        raise Cancelled

    job = start_job(work)
    assert started.wait(5)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        job.cancel()


def test_failure_reaches_the_ui_thread(qtbot):
    errors = []

    def work(progress, cancelled):
        raise ValueError("bad row 7")

    run_with_progress(None, "Working", work, on_done=lambda r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "bad row 7"
