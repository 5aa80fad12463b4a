"""`goalwriter list schools|classrooms|students|goals|routines`: ids and names for scripts."""

from __future__ import annotations

from goalwriter.cli.common import print_rows, store_from_args

WHAT = ("schools", "classrooms", "students", "goals", "routines")


def register(sub) -> None:
    p = sub.add_parser("list", help="print ids and names of schools, classrooms, students, goals or routines")
    p.add_argument("what", choices=WHAT)
    p.add_argument("--school", type=int, metavar="ID", help="only classrooms of this school")
    p.add_argument("--classroom", type=int, metavar="ID", help="only students or routines of this classroom")
    p.add_argument("--student", type=int, metavar="ID", help="only goals of this student")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=run)


def run(args) -> int:
    store = store_from_args(args)
    try:
        rows, columns = _rows(store, args)
    finally:
        store.close()
    print_rows(rows, columns, args.format)
    return 0


def _rows(store, args):
    from goalwriter.services import queries

    if args.school is not None:
        queries.get_school(store, args.school)
    if args.classroom is not None:
        queries.get_classroom(store, args.classroom)
    if args.student is not None:
        queries.get_student(store, args.student)
    if args.what == "schools":
        return [{"id": s.id, "name": s.name} for s in queries.list_schools(store)], ("id", "name")
    if args.what == "classrooms":
        schools = {s.id: s.name for s in queries.list_schools(store)}
        rows = [
            {"id": c.id, "name": c.name, "teacher": c.teacher, "grade": c.grade, "school_id": c.school_id,
             "school": schools[c.school_id]}
            for c in queries.list_classrooms(store, args.school)
        ]
        return rows, ("id", "name", "teacher", "grade", "school")
    if args.what == "students":
        rows = [
            {"id": s.id, "name": s.name, "initials": s.initials, "grade": s.grade, "classroom_id": s.classroom_id,
             "iep_meeting_date": s.iep_meeting_date.isoformat() if s.iep_meeting_date else None}
            for s in queries.list_students(store, args.classroom)
        ]
        return rows, ("id", "name", "initials", "grade", "classroom_id")
    if args.what == "goals":
        rows = [
            {"id": g.id, "student_id": g.student_id, "area": g.area, "position": g.position + 1, "text": g.text}
            for g in queries.list_goals(store, args.student)
        ]
        return rows, ("id", "student_id", "area", "text")
    rows = [
        {"id": r.id, "classroom_id": r.classroom_id, "name": r.name, "days": r.days, "start": r.start, "end": r.end}
        for r in queries.list_routines(store, args.classroom)
    ]
    return rows, ("id", "classroom_id", "name", "days", "start", "end")
