"""Export IEP documents as Word files: one student, a whole classroom, or the whole caseload.

The data comes from the database (the student, the class's day, the goals with their objectives, the
team's decisions merged with the matcher's suggestions in the alignment matrix, the OT services) and is
copied into plain :mod:`goalwriter.io.export_model` records, so the writer never sees the database.
Files are written through :mod:`goalwriter.io.safe_write`: every target is checked before anything is
written (open in Word, read-only, no such folder), each document goes to a temp file first, and the
whole set is moved into place at the end. A failure or a cancel leaves the folder exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from goalwriter.io import docx_writer
from goalwriter.io.docx_writer import Template, TemplateError
from goalwriter.io.export_model import (
    KIND_TITLES,
    KINDS,
    GoalInfo,
    Placement,
    RoutineInfo,
    ServiceInfo,
    StudentExport,
    deidentify,
    file_stem,
    initials_for,
)
from goalwriter.io.safe_write import StagedFiles, WriteError, check_target, clean_filename, unique_names
from goalwriter.services import queries
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError, ValidationError

if TYPE_CHECKING:
    from goalwriter.services.alignment import StudentMatrix

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
MatrixPicture = Callable[["StudentMatrix"], bytes]


class ExportError(GoalwriterError):
    """An export could not be written (the target, the folder or the template); nothing was changed."""


# -- gathering ---------------------------------------------------------------------------------------
def export_from_matrix(
    matrix: StudentMatrix,
    objectives: dict[int, Sequence[str]] | None = None,
    services: Iterable[ServiceInfo] = (),
    *,
    prepared_on: dt.date | None = None,
) -> StudentExport:
    """Copy a student's matrix into plain export data (no database access)."""
    student, classroom = matrix.student, matrix.classroom
    index = {r.id: i for i, r in enumerate(matrix.routines)}
    goals = []
    for number, row in enumerate(matrix.rows, start=1):
        goal = row.goal
        placements = tuple(
            Placement(
                routine_index=index[cell.routine_id],
                state="confirmed" if cell.state == "confirmed" else "suggested",
                reason=cell.reason,
                note=cell.note,
                support=cell.support,
                definitely=cell.definitely,
            )
            for cell in row.cells
            if cell.addressed
        )
        goals.append(
            GoalInfo(
                number=number,
                area=goal.area,
                text=goal.text,
                baseline=goal.baseline,
                condition=goal.condition,
                behavior=goal.behavior,
                criterion=goal.criterion,
                measurement=goal.measurement,
                reporting=goal.reporting,
                target_date=goal.target_date,
                objectives=tuple(t for t in (objectives or {}).get(goal.id, ()) if t.strip()),
                placements=placements,
                review=row.flag,
                per_week=row.per_week if placements else 0,
                thin=row.thin,
            )
        )
    return StudentExport(
        name=student.name,
        initials=student.initials or initials_for(student.name),
        grade=student.grade or classroom.grade,
        school=matrix.school.name,
        classroom=classroom.name,
        teacher=classroom.teacher,
        iep_meeting_date=student.iep_meeting_date,
        annual_review_date=student.annual_review_date,
        routines=tuple(RoutineInfo(r.name, r.start, r.end, r.days) for r in matrix.routines),
        goals=tuple(goals),
        services=tuple(services),
        prepared_on=prepared_on,
    )


def student_matrix(store: Store, student_id: int) -> StudentMatrix:
    from goalwriter.services.alignment import student_matrix as build

    return build(store, student_id)


def gather(
    store: Store, student_id: int, *, deidentified: bool = False, prepared_on: dt.date | None = None,
    matrix: StudentMatrix | None = None,
) -> StudentExport:
    """Everything one student's documents show, read from the database."""
    matrix = matrix or student_matrix(store, student_id)
    objectives = {row.goal.id: [o.text for o in queries.list_objectives(store, row.goal.id)] for row in matrix.rows}
    services = [ServiceInfo(s.minutes_per_week, s.model) for s in queries.list_services(store, student_id)
                if s.minutes_per_week > 0]
    data = export_from_matrix(matrix, objectives, services, prepared_on=prepared_on or dt.date.today())
    return deidentify(data) if deidentified else data


# -- options -------------------------------------------------------------------------------------------
def normalize_kinds(kinds: str | Iterable[str]) -> tuple[str, ...]:
    """("draft", "glance") from "both", "draft", ["glance"], ...; a wrong name is a ValidationError."""
    if isinstance(kinds, str):
        kinds = KINDS if kinds == "both" else (kinds,)
    out = tuple(dict.fromkeys(kinds))
    unknown = [k for k in out if k not in KINDS]
    if unknown or not out:
        raise ValidationError(f"unknown document kind {', '.join(unknown) or '(none)'}; use draft, glance or both")
    return out


def open_template(template: str | Path | Template | None) -> Template:
    """The template to use (goalwriter's own when ``None``); an unusable one is an ExportError."""
    if isinstance(template, Template):
        return template
    try:
        return docx_writer.load_template(template)
    except TemplateError as exc:
        raise ExportError(str(exc)) from exc


def template_notes(template: str | Path | Template | None) -> list[str]:
    """What a district template lacks and what is used instead (empty for a complete one)."""
    return docx_writer.template_notes(open_template(template))


def file_name(data: StudentExport, kind: str) -> str:
    """E.g. "Rivera, Maya - IEP goals draft.docx", or "M.R. - IEP at a glance.docx" when de-identified."""
    return clean_filename(f"{file_stem(data, kind)}.docx")


def _label(student, deidentified: bool) -> str:
    return (student.initials or initials_for(student.name)) if deidentified else student.name


def suggested_file_name(store: Store, student_id: int, kind: str, deidentify: bool = False) -> str:
    """The usual file name of one student's document (what a Save dialog suggests)."""
    student = queries.get_student(store, student_id)
    return file_name(StudentExport(name=_label(student, deidentify), deidentified=deidentify), kind)


# -- writing ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Job:
    student_id: int
    kind: str
    target: Path
    label: str


def _render(store: Store, jobs: Sequence[_Job], template: Template, deidentified: bool,
            matrix_picture: MatrixPicture | None, progress: Progress | None, cancelled: Cancelled | None,
            create_folders: bool) -> list[Path]:
    """Check every target, stage every document, then move them all into place."""
    staged = StagedFiles()
    try:
        for job in jobs:
            check_target(job.target, missing_folder_ok=create_folders)
        today = dt.date.today()
        current: tuple[int, StudentExport, bytes | None] | None = None
        for done, job in enumerate(jobs):
            if cancelled is not None and cancelled():
                return []
            if progress is not None:
                progress(done, len(jobs), f"{job.label}: {KIND_TITLES[job.kind]}")
            if current is None or current[0] != job.student_id:
                matrix = student_matrix(store, job.student_id)
                data = gather(store, job.student_id, deidentified=deidentified, prepared_on=today, matrix=matrix)
                current = (job.student_id, data, matrix_picture(matrix) if matrix_picture is not None else None)
            _sid, data, picture = current
            staged.add(job.target, docx_writer.render(job.kind, data, template, picture),
                       create_folder=create_folders)
        if cancelled is not None and cancelled():
            return []
        written = staged.commit()
        if progress is not None:
            progress(len(jobs), len(jobs), "")
        return written
    except WriteError as exc:
        done = len(staged.committed)
        extra = f" ({done} of {len(jobs)} files were already in place)" if done else "; nothing was written"
        raise ExportError(f"{exc}{extra}") from exc
    finally:
        staged.discard()


def export_student(
    store: Store,
    student_id: int,
    kind: str = "draft",
    out_path: str | Path | None = None,
    deidentify: bool = False,
    template: str | Path | Template | None = None,
    matrix_picture: MatrixPicture | None = None,
) -> Path:
    """Write one document of one student. ``out_path`` is a .docx file, or a folder to put it in by its usual name."""
    kinds = normalize_kinds(kind)
    if len(kinds) != 1:
        raise ValidationError("one document kind at a time for a single file; export both into a folder instead")
    kind = kinds[0]
    student = queries.get_student(store, student_id)
    chosen = open_template(template)
    target = Path(out_path) if out_path is not None else Path.cwd()
    if target.is_dir():
        target = target / suggested_file_name(store, student_id, kind, deidentify)
    elif target.suffix.lower() != ".docx":
        raise ExportError(f"“{target}” is not a .docx file name")
    job = _Job(student_id, kind, target, _label(student, deidentify))
    return _render(store, [job], chosen, deidentify, matrix_picture, None, None, create_folders=False)[0]


def _jobs_for(students, folder: Path, kinds: Sequence[str], deidentified: bool) -> list[_Job]:
    plans = []
    for student in students:
        label = _label(student, deidentified)
        for kind in kinds:
            stem = file_stem(StudentExport(name=label, deidentified=deidentified), kind)
            plans.append((student, kind, clean_filename(f"{stem}.docx"), label))
    names = unique_names(name for _s, _k, name, _l in plans)
    return [_Job(s.id, k, folder / n, label) for (s, k, _name, label), n in zip(plans, names, strict=True)]


def export_students(
    store: Store,
    student_ids: Sequence[int],
    out_dir: str | Path,
    kinds: str | Iterable[str] = KINDS,
    deidentify: bool = False,
    template: str | Path | Template | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    matrix_picture: MatrixPicture | None = None,
) -> list[Path]:
    """The chosen students' documents, each kind asked for, into ``out_dir``; [] when cancelled."""
    kinds = normalize_kinds(kinds)
    students = [queries.get_student(store, sid) for sid in student_ids]
    chosen = open_template(template)
    if not students:
        raise ExportError("there are no students to export")
    jobs = _jobs_for(students, Path(out_dir), kinds, deidentify)
    return _render(store, jobs, chosen, deidentify, matrix_picture, progress, cancelled, create_folders=True)


def export_classroom(
    store: Store,
    classroom_id: int,
    out_dir: str | Path,
    kinds: str | Iterable[str] = KINDS,
    deidentify: bool = False,
    template: str | Path | Template | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    matrix_picture: MatrixPicture | None = None,
) -> list[Path]:
    """Every student of a classroom, each kind asked for, into ``out_dir``; [] when cancelled."""
    queries.get_classroom(store, classroom_id)
    students = [s.id for s in queries.list_students(store, classroom_id)]
    return export_students(store, students, out_dir, kinds, deidentify, template, progress, cancelled, matrix_picture)


def export_caseload(
    store: Store,
    out_dir: str | Path,
    kinds: str | Iterable[str] = KINDS,
    deidentify: bool = False,
    template: str | Path | Template | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    matrix_picture: MatrixPicture | None = None,
) -> list[Path]:
    """Every student of every classroom, one folder per classroom ("School - Classroom") under ``out_dir``."""
    kinds = normalize_kinds(kinds)
    chosen = open_template(template)
    out = Path(out_dir)
    jobs: list[_Job] = []
    folders = []
    for node in queries.caseload_tree(store):
        for classroom, students in node.classrooms:
            if students:
                folders.append((clean_filename(f"{node.school.name} - {classroom.name}", "classroom"), students))
    for folder, students in zip(unique_names(f for f, _s in folders), (s for _f, s in folders), strict=True):
        jobs += _jobs_for(students, out / folder, kinds, deidentify)
    if not jobs:
        raise ExportError("the caseload has no students to export")
    return _render(store, jobs, chosen, deidentify, matrix_picture, progress, cancelled, create_folders=True)
