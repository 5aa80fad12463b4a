"""DOCX export speed: one 8-goal draft, and a 70-student caseload exported in one batch.

A synthetic caseload (5 schools × 2 classrooms × 7 students, 14 routines a classroom, 8 goals with
objectives per student, a few team decisions each) is written to a temporary SQLite database. Then:

* one draft of an 8-goal student through the service (read the database, match, render, write safely),
  and the writer alone on the same data; the median of several runs of each; the target is 0.3 s a draft;
* one glance page the same way;
* ``export_caseload`` of all 70 students, both documents (140 files), with the time per document.

    .venv/bin/python bench/bench_export.py [--runs 7]

The last line of output is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from goalwriter.core.goals import GoalParts, compose_goal_sentence
from goalwriter.io import docx_writer
from goalwriter.services import export, queries
from goalwriter.services.alignment import set_alignment
from goalwriter.store import models as m
from goalwriter.store.db import open_store

TARGET_DRAFT_S = 0.3
DAY = [
    ("Arrival & unpack", "Unpack backpack, hang coat, hand in folder.", "08:30", "08:50"),
    ("Morning meeting", "Greeting and calendar on the carpet.", "08:50", "09:10"),
    ("Phonics", "Letter formation on whiteboards, dictation.", "09:10", "09:40"),
    ("Reading workshop", "Read to self, word work, work on writing.", "09:40", "10:40"),
    ("Snack & recess", "Open snack, then climbing, tag and four square.", "10:40", "11:10"),
    ("Writer's Workshop", "Journals and drafts on lined paper.", "11:10", "11:50"),
    ("Lunch", "Carry tray, open milk and containers.", "11:50", "12:20"),
    ("Math", "Manipulatives, math journal, rulers.", "12:25", "13:25"),
    ("Specials", "Art, PE, music, library.", "13:30", "14:15"),
    ("Science", "Investigations: measuring, cutting and gluing.", "14:15", "14:55"),
    ("Centers", "Playdough, puzzles, lacing, writing table.", "14:55", "15:10"),
    ("Computer lab", "Keyboarding and typing practice.", "10:00", "10:30"),
    ("Bathroom & handwashing", "Toilet, wash and dry hands.", "11:45", "11:50"),
    ("Pack-up & dismissal", "Copy homework into planner, pack backpack, zip jacket.", "15:10", "15:20"),
]
GOALS = [
    ("Handwriting", "given lined paper", "write 3 sentences with correct letter formation and spacing",
     "with 80% legible letters in 4 of 5 samples"),
    ("Organization", "given a visual checklist", "copy homework into his planner and pack his folder",
     "on 4 of 5 days"),
    ("Self-care", "with one verbal cue", "put on and zip his jacket", "in 4 of 5 opportunities"),
    ("Fine motor", "using loop scissors", "cut along a straight line", "within 1/4 inch in 3 of 4 trials"),
    ("Attention", "with a visual timer", "stay on task during independent work", "for 80% of intervals"),
    ("Keyboarding", "on a Chromebook", "type a paragraph using home-row keys", "at 10 words a minute"),
    ("Gross motor", "during recess and PE", "skip 20 feet and climb the ladder", "in 3 of 4 trials"),
    ("Feeding", "at lunch", "open milk cartons and containers", "independently in 4 of 5 lunches"),
]


def build_caseload(url: str) -> None:
    """70 students in 10 classrooms, written in one transaction."""
    store = open_store(url)
    with store.session() as session:
        for s in range(5):
            school = m.School(name=f"School {s + 1}", position=s)
            session.add(school)
            for c in range(2):
                room = m.Classroom(name=f"Room {c + 1}", teacher=f"Teacher {s}{c}", grade=str(c + 1), position=c)
                school.classrooms.append(room)
                for r, (name, what, start, end) in enumerate(DAY):
                    room.routines.append(m.Routine(name=name, description=what, days="Mon-Fri", start=start, end=end,
                                                   position=r))
                for p in range(7):
                    first, last = f"Student{s}{c}{p}", f"Family{p}"
                    student = m.Student(name=f"{first} {last}", initials=f"{first[0]}.{last[0]}.", grade=str(c + 1),
                                        iep_meeting_date=dt.date(2027, 3, 1), annual_review_date=dt.date(2028, 2, 28),
                                        position=p)
                    room.students.append(student)
                    student.services.append(m.Service(minutes_per_week=60, model="push-in"))
                    for g, (area, condition, behavior, criterion) in enumerate(GOALS):
                        parts = GoalParts(area=area, baseline=f"{first} does this in 1 of 5 tries.",
                                          condition=condition, behavior=behavior, criterion=criterion,
                                          measurement="work samples", reporting="quarterly",
                                          target_date=dt.date(2028, 2, 28))
                        goal = m.Goal(**parts.__dict__, text=compose_goal_sentence(parts, first), position=g)
                        goal.objectives += [m.Objective(text=f"{first} will take step {k + 1}.", position=k)
                                            for k in range(2)]
                        student.goals.append(goal)
    # a few decisions per student, through the service the matrix uses
    routines = {r.classroom_id: r for r in queries.list_routines(store)}
    for student in queries.list_students(store):
        for goal in queries.list_goals(store, student.id)[:2]:
            set_alignment(store, goal.id, routines[student.classroom_id].id, state="confirmed",
                          note="Practised here with a peer", support="P")
    store.close()


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="goalwriter-bench-export-") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        start = time.perf_counter()
        build_caseload(url)
        print(f"synthetic caseload: 70 students × 8 goals in {time.perf_counter() - start:.1f} s")
        store = open_store(url)
        student = queries.list_students(store)[0]
        export.export_student(store, student.id, "draft", folder / "warm-up.docx")  # load the lexicon once
        data = export.gather(store, student.id)
        template = docx_writer.load_template(None)
        draft_s = median_time(lambda: export.export_student(store, student.id, "draft", folder / "d.docx"), args.runs)
        glance_s = median_time(lambda: export.export_student(store, student.id, "glance", folder / "g.docx"), args.runs)
        render_draft_s = median_time(lambda: docx_writer.render("draft", data, template), args.runs)
        render_glance_s = median_time(lambda: docx_writer.render("glance", data, template), args.runs)
        print(f"one 8-goal draft:  {draft_s * 1000:6.0f} ms (writer alone {render_draft_s * 1000:.0f} ms; "
              f"target {TARGET_DRAFT_S * 1000:.0f} ms)")
        print(f"one glance page:   {glance_s * 1000:6.0f} ms (writer alone {render_glance_s * 1000:.0f} ms)")

        start = time.perf_counter()
        paths = export.export_caseload(store, folder / "batch")
        batch_s = time.perf_counter() - start
        store.close()
        per_document = batch_s / len(paths)
        print(f"70-student batch:  {len(paths)} documents in {batch_s:.1f} s, {per_document * 1000:.0f} ms a document")
    figures = {
        "draft_s": round(draft_s, 4),
        "draft_writer_s": round(render_draft_s, 4),
        "glance_s": round(glance_s, 4),
        "glance_writer_s": round(render_glance_s, 4),
        "target_draft_s": TARGET_DRAFT_S,
        "draft_within_target": draft_s <= TARGET_DRAFT_S,
        "batch_students": 70,
        "batch_documents": len(paths),
        "batch_s": round(batch_s, 2),
        "per_document_s": round(per_document, 4),
    }
    print(json.dumps(figures))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
