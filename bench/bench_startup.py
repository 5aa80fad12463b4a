"""Start-up time: process start to the main window shown on the demo database, offscreen.

Beside it, a bare QApplication + empty QMainWindow started the same way in the same run, and the ratio
of the two medians. Each sample is a fresh Python process; the clock runs from just before the process
is spawned until it reports that its window has been shown and painted once.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 9]

The last line of output is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1360, 820)
w.show()
app.processEvents()
w.grab()
print("shown", flush=True)
"""

GOALWRITER = """
import sys
from goalwriter.app import build_main_window, ensure_application
app = ensure_application()
w = build_main_window(sys.argv[1])
w.show()
app.processEvents()
w.grab()
print("shown", flush=True)
"""


def sample(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    if line.strip() != "shown":
        raise SystemExit(f"bench_startup: the child process did not show its window (exit {proc.returncode})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        url = f"sqlite:///{Path(tmp) / 'demo.sqlite3'}"
        subprocess.run([sys.executable, "-m", "goalwriter", "--db", url, "demo"], check=True, capture_output=True)
        sample(BARE)  # warm the file cache for both
        sample(GOALWRITER, url)
        bare, app = [], []
        for _ in range(args.runs):  # interleaved, so drift affects both alike
            bare.append(sample(BARE))
            app.append(sample(GOALWRITER, url))
    figures = {
        "bench": "startup",
        "runs": args.runs,
        "goalwriter_median_s": round(statistics.median(app), 3),
        "goalwriter_worst_s": round(max(app), 3),
        "bare_qt_median_s": round(statistics.median(bare), 3),
        "ratio": round(statistics.median(app) / statistics.median(bare), 2),
        "target_ratio": 2.0,
    }
    print(f"goalwriter main window on the demo database: median {figures['goalwriter_median_s']:.3f} s "
          f"(worst {figures['goalwriter_worst_s']:.3f} s) over {args.runs} runs")
    print(f"bare QApplication + empty QMainWindow:        median {figures['bare_qt_median_s']:.3f} s")
    print(f"ratio {figures['ratio']:.2f} (target <= 2.0)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
