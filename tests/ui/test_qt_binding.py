"""The Qt binding itself: a release that mishandles references would crash the app after a while."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit


def test_calls_returning_nothing_keep_the_reference_to_none(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for _ in range(500):
        edit.setText("x")
    assert sys.getrefcount(None) >= before - 50
