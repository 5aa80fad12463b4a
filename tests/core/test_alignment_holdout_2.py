"""Second held-out alignment set (tests/data/alignment-holdout-2): quality floors.

Runs the shared scorer (../shared/tools/eval_alignment.py) on the set with
`python -m goalwriter align`, exactly as a user of the file contract would, and checks
that the scores stay above floors set a few points under the measured values:

    strong_recall 0.8243, precision 0.7638, f1 0.7929, flag_recall 0.6 (3 of 5),
    flag_false 0.0244 (1 of 41)

The set is held out: do not tune the matcher against it. If a change to the matcher moves
these numbers, report it; do not edit the labels to follow the matcher.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import evaluate_alignment

SET = Path(__file__).resolve().parents[1] / "data" / "alignment-holdout-2"

FLOORS = {
    "strong_recall": 0.78,
    "precision": 0.72,
    "f1": 0.75,
    # 5 never-in-class goals, so this moves in steps of 0.2: the floor allows no loss.
    "flag_recall": 0.55,
}
# 41 goals with a natural fit: 0.07 allows at most 2 of them to be flagged never-in-class.
FLAG_FALSE_CEILING = 0.07


@pytest.fixture(scope="module")
def metrics() -> dict:
    return evaluate_alignment(SET)


def test_set_shape(metrics: dict) -> None:
    assert metrics["goals"] == 47
    assert metrics["pairs_judged"] == 610
    assert metrics["strong_pairs"] == 74
    assert metrics["never_goals"] == 5


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(metrics: dict, name: str) -> None:
    assert metrics[name] >= FLOORS[name], f"{name} {metrics[name]} below floor {FLOORS[name]}"


def test_few_false_never_flags(metrics: dict) -> None:
    assert metrics["flag_false"] <= FLAG_FALSE_CEILING, metrics
