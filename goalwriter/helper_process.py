"""Run one function in a separate Python process and get its result back.

For heavy pure-Python work started from the window (reading a large workbook): in a worker thread it
shares the interpreter lock with the window and can starve it for hundreds of milliseconds; in its own
process it cannot. The function is named by its import path, its arguments and result travel pickled
over the process's standard input and output, and the process is stopped at once on cancel.

    python -m goalwriter.helper_process     (what the parent starts; reads one request from stdin)
"""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from goalwriter.store.errors import GoalwriterError


class HelperError(GoalwriterError):
    """The helper process failed in a way its own exception could not carry back."""


class HelperCancelled(Exception):
    """The caller cancelled while the helper process was working."""


def run_in_process(
    target: str, *args: Any, cancelled: Callable[[], bool] | None = None, **kwargs: Any
) -> Any:
    """Call ``target`` ("package.module:function") with the arguments in a new process; return its
    result or raise its exception. ``cancelled()`` is polled; when it returns True the process is killed
    and :class:`HelperCancelled` raised."""
    request = pickle.dumps((target, args, kwargs))
    process = subprocess.Popen(
        [sys.executable, "-m", "goalwriter.helper_process"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out = err = b""
    try:
        pending: bytes | None = request
        while True:
            try:
                out, err = process.communicate(pending, timeout=0.05)
                break
            except subprocess.TimeoutExpired:
                pending = None  # the request went in with the first call
                if cancelled is not None and cancelled():
                    raise HelperCancelled from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    try:
        ok, value = pickle.loads(out)
    except Exception as exc:
        detail = err.decode(errors="replace").strip().splitlines()[-1:] or [f"exit code {process.returncode}"]
        raise HelperError(f"the helper process failed: {detail[0]}") from exc
    if not ok:
        if isinstance(value, str):
            raise HelperError(value)
        raise value
    return value


def _serve() -> None:
    target, args, kwargs = pickle.load(sys.stdin.buffer)
    module_name, _, name = target.partition(":")
    try:
        result = (True, getattr(importlib.import_module(module_name), name)(*args, **kwargs))
    except BaseException as exc:  # sent back and raised in the parent
        result = (False, exc)
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:  # an exception that cannot travel: send its message
            result = (False, str(exc) or type(exc).__name__)
    sys.stdout.buffer.write(pickle.dumps(result))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _serve()
