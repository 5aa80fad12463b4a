"""goalwriter.core must run without Qt or SQLAlchemy (scripts, workers, other front ends)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import goalwriter.core


def test_core_imports_neither_qt_nor_sqlalchemy():
    modules = [m.name for m in pkgutil.walk_packages(goalwriter.core.__path__, "goalwriter.core.")]
    code = (
        "import importlib, sys\n"
        f"for name in {['goalwriter.core', *modules]!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sqlalchemy'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
