"""Long work off the UI thread: a job runs in the global QThreadPool and reports back by signals.

The job is a plain function ``fn(progress, cancelled)``. ``progress(done, total, text)`` may be called
from the worker thread (it only emits a signal); ``cancelled()`` returns True once the user pressed
Cancel, and the function should then stop early (raise :class:`Cancelled` or return). Widgets are
touched only in slots, on the UI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


class Cancelled(Exception):
    """Raised inside a job to stop after the user cancelled."""


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Job(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn, CancelledFn], Any]):
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the UI thread, which shows it
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


_RUNNING: set[Job] = set()


def start_job(
    fn: Callable[[ProgressFn, CancelledFn], Any], connect: Callable[[Job], None] | None = None
) -> Job:
    """Start ``fn`` in the thread pool. ``connect(job)`` runs before the job starts, so a quick job
    cannot finish before its signals are connected; keep the Job to cancel it."""
    job = Job(fn)
    _RUNNING.add(job)
    for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
        signal.connect(lambda *_a, j=job: _RUNNING.discard(j), Qt.ConnectionType.QueuedConnection)
    if connect is not None:
        connect(job)
    QThreadPool.globalInstance().start(job)
    return job


def run_with_progress(
    parent: QWidget | None,
    title: str,
    fn: Callable[[ProgressFn, CancelledFn], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_cancel: Callable[[], None] | None = None,
    delay_ms: int = 300,
    connect: Callable[[Job], None] | None = None,
) -> Job:
    """Run a job with a modal progress dialog (shown after ``delay_ms``) and a Cancel button.
    ``connect(job)``, if given, runs before the job starts (as for :func:`start_job`)."""
    dialog = QProgressDialog(title, parent.tr("Cancel") if parent else "Cancel", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job_ref: list[Job] = []

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def close_dialog() -> None:
        dialog.canceled.disconnect(job_ref[0].cancel)
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    def done(result: Any) -> None:
        close_dialog()
        on_done(result)

    def failed(exc: BaseException) -> None:
        close_dialog()
        on_error(exc)

    def cancelled() -> None:
        close_dialog()
        if on_cancel is not None:
            on_cancel()

    def wire(job: Job) -> None:
        job_ref.append(job)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
        job.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        job.signals.cancelled.connect(cancelled, Qt.ConnectionType.QueuedConnection)
        if connect is not None:
            connect(job)

    job = start_job(fn, connect=wire)
    return job

