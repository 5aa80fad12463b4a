"""Shared fixtures: offscreen Qt, tmp data and config folders, seeded databases on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

_ISOLATED = Path(tempfile.mkdtemp(prefix="goalwriter-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = str(_ISOLATED / "config")
os.environ["XDG_DATA_HOME"] = str(_ISOLATED / "data")
os.environ["GOALWRITER_DATA_DIR"] = str(_ISOLATED / "goalwriter-data")
os.environ.pop("GOALWRITER_DB", None)

import pytest  # noqa: E402

# The shared development data and tools sit beside the project (../shared); GOALWRITER_SHARED points
# elsewhere when a checkout lives somewhere else.
SHARED = Path(os.environ.get("GOALWRITER_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
ALIGNMENT_DEV = SHARED / "data" / "alignment-dev"
PG_ENV = "GOALWRITER_TEST_PG_URL"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'goalwriter.sqlite3'}"


@pytest.fixture
def store(sqlite_url):
    from goalwriter.store import open_store

    s = open_store(sqlite_url)
    yield s
    s.close()


@pytest.fixture
def demo_store(store):
    from goalwriter.services.demo import load_demo_caseload

    load_demo_caseload(store)
    return store


def _pg_admin_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("GOALWRITER_REQUIRE_PG") == "1":
            pytest.fail(f"{PG_ENV} is not set but the PostgreSQL tests are required (run them with `make test`)")
        pytest.skip(f"no PostgreSQL server: {PG_ENV} is not set (`make test` starts one)")
    return url


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database on the throwaway server; dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = _pg_admin_url()
    name = f"gw_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_url(request, tmp_path):
    """Runs a test once on SQLite and once on the real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'goalwriter.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_store(any_url):
    from goalwriter.store import open_store

    s = open_store(any_url)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, demo_store):
    """The real main window on the demo caseload (offscreen)."""
    from goalwriter.ui.main_window import MainWindow

    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    ran = [r for r in terminalreporter.stats.get("passed", []) if "postgres" in r.keywords]
    failed = [r for r in terminalreporter.stats.get("failed", []) if "postgres" in r.keywords]
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "postgres" in r.keywords]
    terminalreporter.write_line(
        f"PostgreSQL server-backed tests: {len(ran)} passed, {len(failed)} failed, {len(skipped)} skipped"
    )


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts with no remembered window state (QSettings live in the tmp config folder)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings().clear()
    yield


@pytest.fixture(autouse=True)
def _no_stale_error_sink():
    """Undo commands report errors to the last window; never let a closed window's sink leak into a test."""
    yield
    import sys

    commands = sys.modules.get("goalwriter.ui.commands")
    if commands is not None:
        commands.ServiceCommand.error_sink = None


def evaluate_alignment(labeled_set: Path) -> dict:
    """Score `goalwriter align` on a labeled set with the shared evaluation tool; its metrics as a dict."""
    import json
    import shlex
    import subprocess
    import sys

    tool = SHARED / "tools" / "eval_alignment.py"
    assert tool.is_file(), f"the shared evaluation tool is missing: {tool} (set GOALWRITER_SHARED)"
    command = f"{shlex.quote(sys.executable)} -m goalwriter align"
    result = subprocess.run(
        [sys.executable, str(tool), str(labeled_set), "--json", "--cmd", command],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
