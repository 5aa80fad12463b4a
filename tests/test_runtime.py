"""The process-wide collector setting the app and the command line start with."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from goalwriter.runtime import NEW_OBJECTS_PER_PASS, tune_collector


@pytest.fixture
def threshold():
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_raises_the_first_threshold_and_keeps_the_others(threshold) -> None:
    gc.set_threshold(700, 10, 10)
    tune_collector()
    assert gc.get_threshold() == (NEW_OBJECTS_PER_PASS, 10, 10)


def test_never_lowers_it_and_leaves_a_switched_off_collector_off(threshold) -> None:
    gc.set_threshold(50_000, 5, 5)
    tune_collector()
    assert gc.get_threshold() == (50_000, 5, 5)
    gc.set_threshold(0, 10, 10)
    tune_collector()
    assert gc.get_threshold()[0] == 0


def test_the_command_line_starts_with_it() -> None:
    code = "import gc, goalwriter.cli; print(gc.get_threshold()[0])"
    before = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    code = (
        "import gc, contextlib, io, goalwriter.cli as c\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    c.main(['--help'])\n"
        "print(gc.get_threshold()[0])"
    )
    after = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert int(before) < NEW_OBJECTS_PER_PASS <= int(after)
