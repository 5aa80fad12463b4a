"""The matcher on the shared labeled development set, scored by the shared evaluation tool, meets the bar."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import ALIGNMENT_DEV, SHARED

EVAL = SHARED / "tools" / "eval_alignment.py"
ROOT = Path(__file__).resolve().parents[2]


def test_development_set_meets_the_acceptance_bar():
    command = f"{shlex.quote(sys.executable)} -m goalwriter align"
    result = subprocess.run(
        [sys.executable, str(EVAL), str(ALIGNMENT_DEV), "--json", "--cmd", command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert metrics["goals"] == 49
    assert metrics["strong_recall"] >= 0.85
    assert metrics["precision"] >= 0.85
    assert metrics["flag_recall"] >= 0.8
    assert metrics["flag_false"] <= 0.05
