"""Load the sample caseload (templates/demo_caseload.toml) in one transaction."""

from __future__ import annotations

import tomllib

from goalwriter.core.goals import GoalParts, compose_goal_sentence
from goalwriter.services.caseload import initials_of
from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.events import Change
from goalwriter.templates import template_path

GOAL_PART_KEYS = ("area", "baseline", "condition", "behavior", "criterion", "measurement", "reporting", "target_date")


def demo_caseload() -> dict:
    with template_path("demo_caseload.toml").open("rb") as fh:
        return tomllib.load(fh)


def load_demo_caseload(store: Store) -> dict[str, int]:
    """Add the sample schools, classrooms, routines, students and goals; returns what was added."""
    data = demo_caseload()
    counts = {"schools": 0, "classrooms": 0, "routines": 0, "students": 0, "goals": 0}
    with store.session() as session:
        offset = session.query(m.School).count()
        for si, school_data in enumerate(data["school"]):
            school = m.School(name=school_data["name"], position=offset + si)
            session.add(school)
            counts["schools"] += 1
            for ci, class_data in enumerate(school_data.get("classroom", [])):
                classroom = m.Classroom(
                    name=class_data["name"], teacher=class_data["teacher"], grade=class_data["grade"], position=ci
                )
                school.classrooms.append(classroom)
                counts["classrooms"] += 1
                for ri, (name, description, days, start, end) in enumerate(class_data["routines"]):
                    classroom.routines.append(
                        m.Routine(name=name, description=description, days=days, start=start, end=end, position=ri)
                    )
                    counts["routines"] += 1
                for pi, student_data in enumerate(class_data.get("student", [])):
                    student = m.Student(
                        name=student_data["name"],
                        initials=initials_of(student_data["name"]),
                        grade=student_data.get("grade", class_data["grade"]),
                        iep_meeting_date=student_data.get("iep_meeting_date"),
                        annual_review_date=student_data.get("annual_review_date"),
                        position=pi,
                    )
                    classroom.students.append(student)
                    counts["students"] += 1
                    if "service" in student_data:
                        minutes, model = student_data["service"]
                        student.services.append(m.Service(minutes_per_week=minutes, model=model))
                    first_name = student_data["name"].split()[0]
                    for gi, goal_data in enumerate(student_data.get("goal", [])):
                        parts = {k: goal_data.get(k, "" if k != "target_date" else None) for k in GOAL_PART_KEYS}
                        text = compose_goal_sentence(GoalParts(**parts), first_name)
                        goal = m.Goal(**parts, text=text, text_edited=False, position=gi)
                        for oi, objective in enumerate(goal_data.get("objectives", [])):
                            goal.objectives.append(m.Objective(text=objective, position=oi))
                        student.goals.append(goal)
                        counts["goals"] += 1
    store.events.emit(Change("caseload", "imported"))
    return counts
