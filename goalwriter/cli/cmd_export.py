"""`goalwriter export`: IEP goals drafts and one-page "IEP at a glance" sheets as Word files.

    goalwriter export --student ID [--kind draft|glance|both] --out FILE.docx|DIR [--deidentify] [--template FILE]
    goalwriter export --classroom ID --out DIR [--kind ...]
    goalwriter export --all --out DIR [--kind ...]        (one folder per classroom)

Prints the path of every file written, one a line. Notes about a district template (styles it lacks
and what is used instead) go to stderr; they do not stop the export.
"""

from __future__ import annotations

import sys
from pathlib import Path

from goalwriter.cli.common import store_from_args


def register(sub) -> None:
    p = sub.add_parser(
        "export",
        help="write IEP documents (.docx): the goals draft and/or the one-page IEP at a glance",
        description="Write IEP documents as Word files: the goals draft for the IEP and the one-page "
        "“IEP at a glance” for the teacher. Prints the path of each file written.",
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--student", type=int, metavar="ID", help="one student (ids: goalwriter list students)")
    who.add_argument("--classroom", type=int, metavar="ID", help="every student of a classroom")
    who.add_argument("--all", action="store_true", help="every student of the caseload, one folder per classroom")
    p.add_argument(
        "--kind",
        choices=("draft", "glance", "both"),
        help="which document (default: draft for --student, both for --classroom and --all)",
    )
    p.add_argument("--out", required=True, metavar="PATH", help="a .docx file (one document) or a folder")
    p.add_argument(
        "--deidentify", action="store_true", help="initials instead of the student's name, in the text and file names"
    )
    p.add_argument("--template", metavar="FILE", help="a district .docx or .dotx whose styles and letterhead to use")
    p.set_defaults(run=run)


def run(args) -> int:
    from goalwriter.services import export  # python-docx loads only for this command

    out = Path(args.out)
    batch = args.student is None
    if batch and out.suffix.lower() == ".docx":
        raise export.ExportError(f"--out must be a folder when exporting several students, not “{out.name}”")
    template = export.open_template(args.template)
    for note in export.template_notes(template):
        print(f"goalwriter: note: {note}", file=sys.stderr)
    store = store_from_args(args)
    try:
        options = {"deidentify": args.deidentify, "template": template}
        if not batch:
            kind = args.kind or "draft"
            as_folder = out.is_dir() or not out.suffix  # "exports/" or "exports": a folder, created if needed
            if kind == "both" and not as_folder:
                raise export.ExportError(f"--kind both writes two files; --out must be a folder, not “{out.name}”")
            if as_folder:
                paths = export.export_students(store, [args.student], out, kind, **options)
            else:
                paths = [export.export_student(store, args.student, kind, out, **options)]
        elif args.classroom is not None:
            paths = export.export_classroom(store, args.classroom, out, args.kind or "both", **options)
        else:
            paths = export.export_caseload(store, out, args.kind or "both", **options)
    finally:
        store.close()
    for path in paths:
        print(path)
    return 0
