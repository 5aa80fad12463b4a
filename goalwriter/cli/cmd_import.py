"""`goalwriter import routines FILE --classroom ID`: a teacher's day from CSV, XLSX, DOCX or text.

The file is read and checked before the database is touched; a file that cannot be read, or rows with
problems (unless --skip-problems), end in one line naming the file, the line and the reason, exit
status 2, and nothing stored.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from goalwriter.cli.common import print_table, store_from_args

if TYPE_CHECKING:
    from goalwriter.io.routine_import import ParsedSchedule

LAYOUT_CHOICES = ("auto", "list", "grid")  # goalwriter.io.routine_import.LAYOUTS, without loading it at start

SHOWN = 100  # routines listed after an import; a longer list ends with a count


def register(sub) -> None:
    p = sub.add_parser("import", help="import data from files (the classroom's day)")
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=type(p))
    what.required = True
    r = what.add_parser(
        "routines",
        help="import a classroom's routines from a .csv, .xlsx, .docx or text file",
        description="Import a classroom's day: a list (one row per block) or a weekly grid (Time | Monday | ...).",
    )
    r.add_argument("file", metavar="FILE", help="the schedule: .csv, .tsv, .txt, .xlsx or .docx")
    r.add_argument("--classroom", type=int, required=True, metavar="ID", help="the classroom (see `list classrooms`)")
    r.add_argument("--replace", action="store_true", help="replace the classroom's routines instead of adding to them")
    r.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first that is not empty)")
    r.add_argument("--table", type=int, metavar="N", help="the Word table to read, from 1 (default: the likeliest)")
    r.add_argument("--layout", choices=LAYOUT_CHOICES, default="auto", help="list or weekly grid (default: detect)")
    r.add_argument("--skip-problems", action="store_true", help="leave out rows with problems instead of refusing")
    r.add_argument("--dry-run", action="store_true", help="show what would be imported; store nothing")
    r.set_defaults(run=run_routines)


def _check(parsed: ParsedSchedule, skip_problems: bool) -> None:
    from goalwriter.io.tables import ImportFileError

    grid = parsed.grid
    if parsed.message and not parsed.drafts:
        raise ImportFileError(grid.source, parsed.message)
    bad = parsed.with_problems
    if bad and not skip_problems:
        first = bad[0]
        more = f" ({len(bad)} rows have problems; fix them or use --skip-problems)" if len(bad) > 1 else (
            " (fix it or use --skip-problems)")
        raise grid.error(f"{first.problems[0]}{more}", first.source_line)
    if not parsed.importable(skip_problems):
        raise ImportFileError(grid.source, "every row has a problem; nothing to import")


def _describe_skipped(parsed: ParsedSchedule) -> str:
    counts = Counter(s.reason for s in parsed.skipped if s.reason != "header row")
    return "; ".join(f"{n} × {reason}" for reason, n in counts.items())


def run_routines(args) -> int:
    from goalwriter.io.routine_import import read_routines
    from goalwriter.io.tables import ImportFileError
    from goalwriter.services import queries
    from goalwriter.services.routine_import import import_routines

    table = None
    if args.table is not None:
        if args.table < 1:
            raise ImportFileError(args.file, "--table counts from 1")
        table = args.table - 1
    parsed = read_routines(args.file, sheet=args.sheet, table=table, layout=args.layout)
    _check(parsed, args.skip_problems)
    drafts = parsed.importable(args.skip_problems)
    store = store_from_args(args)
    try:
        classroom = queries.get_classroom(store, args.classroom)
        existing = len(queries.list_routines(store, classroom.id))
        if args.dry_run:
            stored = drafts
            verb = "Would import"
        else:
            stored = import_routines(store, classroom.id, drafts, replace=args.replace)
            verb = "Imported"
    finally:
        store.close()
    layout = "weekly grid" if parsed.layout == "grid" else "list"
    replaced = f", replacing its {existing}" if args.replace and existing else ""
    print(f"{verb} {len(stored)} routine(s) into {classroom.name}{replaced} (read as a {layout}"
          f"{', ' + parsed.grid.part if parsed.grid.part else ''}).")
    for note in parsed.grid.notes:
        print(f"Note: {note}.")
    left_out = len(parsed.drafts) - len(drafts)
    if left_out:
        print(f"Left out {left_out} row(s) with problems.")
    skipped = _describe_skipped(parsed)
    if skipped:
        print(f"Skipped rows: {skipped}.")
    rows = ([r.start, r.end, r.days or "every day", r.name] for r in list(stored)[:SHOWN])
    print_table(rows, ("start", "end", "days", "name"))
    if len(stored) > SHOWN:
        print(f"… and {len(stored) - SHOWN} more.")
    if args.dry_run:
        print("Dry run: nothing was saved.")
    return 0
