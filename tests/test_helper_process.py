"""Work run in a separate process: results, exceptions and cancelling come back as they should."""

from __future__ import annotations

import time

import pytest

from goalwriter.helper_process import HelperCancelled, HelperError, run_in_process
from goalwriter.io.tables import ImportFileError


def test_result_comes_back():
    assert run_in_process("goalwriter.core.days:format_days", [0, 2, 4]) == "Mon, Wed, Fri"


def test_a_readers_error_keeps_file_line_and_reason(tmp_path):
    bad = tmp_path / "day.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileError) as caught:
        run_in_process("goalwriter.io.tables:read_file", str(bad))
    assert caught.value.source.endswith("day.xlsx") and caught.value.reason


def test_an_unexpected_error_comes_back_as_itself():
    with pytest.raises(AttributeError, match="no_such_function"):
        run_in_process("goalwriter.core.days:no_such_function")


def test_a_helper_that_dies_is_reported_in_one_line():
    with pytest.raises(HelperError, match="helper process failed"):
        run_in_process("os:_exit", 3)


def test_cancel_stops_the_process_at_once():
    started = time.perf_counter()
    with pytest.raises(HelperCancelled):
        run_in_process("time:sleep", 30, cancelled=lambda: time.perf_counter() - started > 0.3)
    assert time.perf_counter() - started < 5
