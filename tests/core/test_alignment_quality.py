"""The matcher on the shared labeled development set, scored by the shared evaluation tool, meets the bar."""

from __future__ import annotations

from tests.conftest import ALIGNMENT_DEV, evaluate_alignment


def test_development_set_meets_the_acceptance_bar():
    metrics = evaluate_alignment(ALIGNMENT_DEV)
    assert metrics["goals"] == 49
    assert metrics["strong_recall"] >= 0.85
    assert metrics["precision"] >= 0.85
    assert metrics["flag_recall"] >= 0.8
    assert metrics["flag_false"] <= 0.05
