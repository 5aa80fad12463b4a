"""Helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from goalwriter.paths import resolve_database_url

if TYPE_CHECKING:
    from goalwriter.store.db import Store


def store_from_args(args) -> Store:
    from goalwriter.store.db import open_store  # loaded by the commands that need a database, not at start

    return open_store(resolve_database_url(getattr(args, "db", None)))


def print_rows(rows: Sequence[dict], columns: Sequence[str], fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, default=str, indent=2) + "\n")
        return
    print_table(([str(r.get(c, "")) for c in columns] for r in rows), columns, out)


def print_table(rows: Iterable[Sequence[str]], headers: Sequence[str], out=None) -> None:
    out = out or sys.stdout
    rows = [list(r) for r in rows]
    widths = [len(h) for h in headers]
    for r in rows:
        for i, cell in enumerate(r):
            widths[i] = min(max(widths[i], len(cell)), 70)

    def fit(cell: str, width: int) -> str:
        return cell if len(cell) <= width else cell[: width - 1] + "…"

    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in rows:
        out.write("  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
