"""`goalwriter align --goals G --routines R [--format json|csv|table] [--lexicon FILE]`.

Matches every goal of goals.csv against the routines of its classroom in routines.csv, as the file
contract (../shared/contracts/alignment-files.md) defines. Works on the files alone: it opens no
database. Bad input ends with one line naming the file, the line and the problem, exit status 2,
and nothing on stdout.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from goalwriter.store.errors import GoalwriterError

FORMATS = ("json", "csv", "table")


class LexiconFileError(GoalwriterError):
    """A --lexicon file that cannot be used."""


def register(sub) -> None:
    p = sub.add_parser(
        "align",
        help="match goals to the routines where they can be worked on in class (CSV files in, JSON/CSV/table out)",
        description="Match each goal of GOALS to the routines of its classroom in ROUTINES.",
    )
    p.add_argument(
        "--goals", required=True, type=Path, metavar="GOALS", help="goals.csv (id,student,classroom,text[,domain])"
    )
    p.add_argument(
        "--routines", required=True, type=Path, metavar="ROUTINES",
        help="routines.csv (id,classroom,name[,description,days,start,end])",
    )
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: %(default)s)")
    p.add_argument(
        "--lexicon", type=Path, action="append", default=[], metavar="FILE",
        help="a TOML file of your own words for skills and activity types (see docs/LEXICON.md); may be repeated",
    )
    p.add_argument(
        "--threshold", type=float, default=None, metavar="SCORE",
        help="lowest score shown as a match (default: the app's own, %(default)s means that)",
    )
    p.set_defaults(run=run)


def align(goals, routines, lexicon_files=(), threshold=None):
    """(goal row, GoalMatch) for every goal, in file order; routines are prepared once per classroom."""
    from goalwriter.core.lexicon import LexiconError, load_lexicon
    from goalwriter.core.matching import DEFAULT_THRESHOLD, Matcher, RoutineText

    try:
        lexicon = load_lexicon(extra_files=lexicon_files)
    except LexiconError as exc:
        raise LexiconFileError(str(exc)) from exc
    if threshold is not None and not 0 <= threshold <= 1:
        raise GoalwriterError(f"--threshold must be between 0 and 1, not {threshold}")
    matcher = Matcher(lexicon, DEFAULT_THRESHOLD if threshold is None else threshold)
    by_class: dict[str, list] = {}
    for r in routines:
        by_class.setdefault(r.classroom, []).append(
            RoutineText(id=r.id, name=r.name, description=r.description, days=r.days, start=r.start, end=r.end)
        )
    results = {}
    for classroom, rs in by_class.items():
        mine = [g for g in goals if g.classroom == classroom]
        day = matcher.prepare(rs)
        for g, m in zip(mine, matcher.match_many([(g.text, g.domain) for g in mine], day), strict=True):
            results[id(g)] = m
    return [(g, results[id(g)]) for g in goals]


def run(args) -> int:
    from goalwriter.io.alignment_csv import read_alignment_files

    goals, routines = read_alignment_files(args.goals, args.routines)
    results = align(goals, routines, args.lexicon, args.threshold)
    names = {r.id: r.name for r in routines}
    text = {"json": _json, "csv": _csv, "table": _table}[args.format](results, names)
    sys.stdout.write(text)
    return 0


def _json(results, names) -> str:
    goals = [
        {
            "id": g.id,
            "classroom": g.classroom,
            "matches": [{"routine": p.routine_id, "score": round(p.score, 3), "why": list(p.why)} for p in m.matches],
            "never_in_class": m.never_in_class,
        }
        for g, m in results
    ]
    return json.dumps({"goals": goals}, ensure_ascii=False, indent=2) + "\n"


def _csv(results, names) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["goal_id", "classroom", "routine_id", "routine", "score", "why", "never_in_class", "thin_coverage",
         "opportunities_per_week"]
    )
    for g, m in results:
        flags = [str(m.never_in_class).lower(), str(m.thin_coverage).lower(), m.opportunities_per_week]
        if not m.matches:
            writer.writerow([g.id, g.classroom, "", "", "", "", *flags])
        for p in m.matches:
            why = "; ".join(p.why)
            writer.writerow([g.id, g.classroom, p.routine_id, names[p.routine_id], f"{p.score:.3f}", why, *flags])
    return out.getvalue()


def _table(results, names) -> str:
    lines = []
    for g, m in results:
        head = f"{g.id} ({g.classroom})"
        if m.skills:
            head += f"  skills: {', '.join(m.skills)}"
        lines.append(head)
        if m.never_in_class:
            lines.append("  ! never comes up in class")
            for p in m.nearest:
                lines.append(f"    nearest {p.score:.2f}  {names[p.routine_id]}  ({'; '.join(p.why)})")
        for p in m.matches:
            lines.append(f"  {p.score:.2f}  {names[p.routine_id]}  ({'; '.join(p.why)})")
        if m.matches:
            thin = "  ! thin coverage" if m.thin_coverage else ""
            lines.append(f"  {len(m.matches)} blocks, {m.opportunities_per_week}× a week{thin}")
        lines.append("")
    return "\n".join(lines)
