"""Fixtures for the widget tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester


@pytest.fixture
def model_checker():
    """``model_checker(model)`` puts Qt's model checker on a model; the test fails on any complaint it logs
    (pytest-qt does not see the ``qt.modeltest`` category, so it is caught here)."""
    complaints: list[str] = []
    checkers = []

    def handler(mode, context, message):
        if context.category == "qt.modeltest":
            complaints.append(message)
        elif previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)

    def watch(model):
        checkers.append(QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning))
        return checkers[-1]

    yield watch
    qInstallMessageHandler(previous)
    assert complaints == []
