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

# What `goalwriter` does at start (goalwriter.app.main): the window is shown at once and the database is
# opened in the background; "ready" is reported when the caseload is on screen.
GOALWRITER = """
import sys
import goalwriter.cli  # what `goalwriter` loads before it starts the window
from goalwriter.app import ensure_application
from goalwriter.ui.main_window import MainWindow
app = ensure_application()
w = MainWindow()
w.show()
app.processEvents()
w.grab()
print("shown", flush=True)
def ready():
    app.processEvents()
    w.grab()
    print("ready", w.workspace.caseload_tree.topLevelItemCount(), flush=True)
    app.quit()
w.store_attached.connect(ready)
w.open_database_async(sys.argv[1])
app.exec()
"""


def sample(code: str, *args: str) -> tuple[float, float]:
    """Seconds from spawning the process to its window shown, and to its content ready (same for bare Qt)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    shown = time.perf_counter() - start
    if line.strip() != "shown":
        raise SystemExit(f"bench_startup: the child process did not show its window (exit {proc.wait()})")
    ready = shown
    if args:
        line = proc.stdout.readline()
        ready = time.perf_counter() - start
        if not line.startswith("ready") or line.split()[1] == "0":
            raise SystemExit(f"bench_startup: the caseload did not appear ({line.strip()!r})")
    proc.wait()
    return shown, ready


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
        bare, shown, ready = [], [], []
        for _ in range(args.runs):  # interleaved, so drift affects both alike
            bare.append(sample(BARE)[0])
            s, r = sample(GOALWRITER, url)
            shown.append(s)
            ready.append(r)
    bare_median = statistics.median(bare)
    figures = {
        "bench": "startup",
        "runs": args.runs,
        "bare_qt_median_s": round(bare_median, 3),
        "window_shown_median_s": round(statistics.median(shown), 3),
        "window_shown_worst_s": round(max(shown), 3),
        "caseload_ready_median_s": round(statistics.median(ready), 3),
        "caseload_ready_worst_s": round(max(ready), 3),
        "ratio_shown": round(statistics.median(shown) / bare_median, 2),
        "ratio_ready": round(statistics.median(ready) / bare_median, 2),
        "target_ratio": 2.0,
    }
    print(f"bare QApplication + empty QMainWindow:      median {bare_median:.3f} s over {args.runs} runs")
    print(f"goalwriter main window shown:               median {figures['window_shown_median_s']:.3f} s "
          f"(worst {figures['window_shown_worst_s']:.3f} s), ratio {figures['ratio_shown']:.2f} (target <= 2.0)")
    print(f"goalwriter caseload of the demo database on screen: median {figures['caseload_ready_median_s']:.3f} s "
          f"(worst {figures['caseload_ready_worst_s']:.3f} s), ratio {figures['ratio_ready']:.2f}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
