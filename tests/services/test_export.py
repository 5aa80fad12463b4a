"""Exports from a real database: what the team decided shows in the documents, and files are written safely."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from goalwriter.io.safe_write import lock_files
from goalwriter.services import caseload, export, goals, queries, routines
from goalwriter.services.alignment import set_alignment
from goalwriter.store.errors import NotFoundError, ValidationError


@pytest.fixture
def out(tmp_path) -> Path:
    """The export folder (the test database lives in tmp_path itself)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def student_named(store, name):
    return next(s for s in queries.list_students(store) if s.name == name)


def texts(doc, style=None):
    return [p.text for p in doc.paragraphs if style is None or p.style.name == style]


def everything(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    parts += [p.text for p in doc.sections[0].header.paragraphs]
    return "\n".join(parts)


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_draft_of_a_demo_student_carries_the_database(demo_store, out):
    maya = student_named(demo_store, "Maya Rivera")
    path = export.export_student(demo_store, maya.id, "draft", out)
    assert path == out / "Rivera, Maya - IEP goals draft.docx"
    doc = docx.Document(path)
    stored = queries.list_goals(demo_store, maya.id)
    assert texts(doc, "Heading 1")[:3] == ["Goal 1: Self-care", "Goal 2: Fine motor", "Goal 3: Visual motor"]
    assert texts(doc, "GW Goal Sentence") == [g.text for g in stored]
    objectives = [o.text for o in queries.list_objectives(demo_store, stored[0].id)]
    assert texts(doc, "List Number") == objectives
    info = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert info[0] == ["Student", "Maya Rivera", "Grade", "Pre-K"]
    assert info[1] == ["School", "Maple Grove Elementary", "Classroom", "Pre-K Room 3 (Ms. Delgado)"]
    assert info[2] == ["IEP meeting", "March 4, 2027", "Annual review", "March 3, 2028"]
    assert info[3][:2] == ["OT services", "60 minutes a week, push-in (in the classroom)"]
    assert f"Prepared {dt.date.today():%B} {dt.date.today().day}, {dt.date.today().year}" in (
        doc.sections[0].footer.paragraphs[-1].text)


def test_the_teams_decisions_show_in_both_documents(demo_store, out):
    maya = student_named(demo_store, "Maya Rivera")
    goal = queries.list_goals(demo_store, maya.id)[0]
    day = queries.list_routines(demo_store, maya.classroom_id)
    arrival, outdoor = day[0], day[5]
    set_alignment(demo_store, goal.id, arrival.id, state="confirmed", note="Picture card by the coat hook",
                  support="P", definitely=True)
    set_alignment(demo_store, goal.id, outdoor.id, state="rejected")
    draft = docx.Document(export.export_student(demo_store, maya.id, "draft", out))
    table = next(t for t in draft.tables if t.rows[0].cells[1].text == "Routine")
    rows = {r.cells[1].text.split("\n")[0]: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["Arrival & cubbies"][0] == "✓ ★"
    assert rows["Arrival & cubbies"][3].startswith("Picture card by the coat hook")
    assert rows["Arrival & cubbies"][4] == "P (peer)"
    assert "Outdoor play" not in rows  # rejected by the team
    assert all(r[0] == "○" for name, r in rows.items() if name != "Arrival & cubbies")

    glance = docx.Document(export.export_student(demo_store, maya.id, "glance", out))
    assert glance.sections[0].orientation == WD_ORIENT.LANDSCAPE
    grid = glance.tables[0]
    assert [c.text.split("\n")[0] for c in grid.rows[0].cells[1:]] == [r.name for r in day]
    assert grid.rows[0].cells[1].text == "Arrival & cubbies\n8:00–8:20"
    assert grid.rows[1].cells[1].text == "✓★ P¹"
    assert grid.rows[1].cells[6].text == ""  # Outdoor play, rejected
    assert "¹ Arrival & cubbies, goal 1: Picture card by the coat hook" in texts(glance)


def test_deidentified_documents_and_file_names_use_initials(demo_store, out):
    maya = student_named(demo_store, "Maya Rivera")
    goal = queries.list_goals(demo_store, maya.id)[0]
    routine = queries.list_routines(demo_store, maya.classroom_id)[0]
    set_alignment(demo_store, goal.id, routine.id, state="confirmed", note="Maya hangs her coat first")
    paths = export.export_students(demo_store, [maya.id], out, "both", deidentify=True)
    assert [p.name for p in paths] == ["M.R. - IEP goals draft.docx", "M.R. - IEP at a glance.docx"]
    for path in paths:
        text = everything(docx.Document(path))
        assert "Maya" not in text and "Rivera" not in text
        assert "M.R." in text
    assert "M.R. hangs her coat first" in everything(docx.Document(paths[1]))


def test_classroom_batch_writes_every_student_and_reports_progress(demo_store, out):
    maya = student_named(demo_store, "Maya Rivera")
    seen = []
    paths = export.export_classroom(demo_store, maya.classroom_id, out, progress=lambda *a: seen.append(a))
    assert [p.name for p in paths] == [
        "Rivera, Maya - IEP goals draft.docx", "Rivera, Maya - IEP at a glance.docx",
        "Grant, Theo - IEP goals draft.docx", "Grant, Theo - IEP at a glance.docx",
    ]
    assert files_in(out) == sorted(p.name for p in paths)
    assert [s[0] for s in seen] == [0, 1, 2, 3, 4] and all(s[1] == 4 for s in seen)
    assert seen[2][2] == "Theo Grant: IEP goals draft"
    assert docx.Document(paths[3]).sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_caseload_batch_makes_one_folder_per_classroom(demo_store, out):
    paths = export.export_caseload(demo_store, out / "IEP exports", kinds="glance")
    assert len(paths) == 8
    folders = sorted({p.parent.name for p in paths})
    assert folders == [
        "Maple Grove Elementary - Grade 2 Room 14",
        "Maple Grove Elementary - Pre-K Room 3",
        "Riverside Middle School - Bridges Life Skills (ages 14-18)",
        "Riverside Middle School - Grade 6 Team Cedar",
    ]
    assert "Maple Grove Elementary - Pre-K Room 3/Rivera, Maya - IEP at a glance.docx" in files_in(
        out / "IEP exports")


def test_cancel_leaves_the_folder_as_it_was(demo_store, out):
    (out / "keep.txt").write_text("already here")
    calls = []

    def progress(done, total, text):
        calls.append(done)

    paths = export.export_caseload(demo_store, out, progress=progress, cancelled=lambda: len(calls) >= 5)
    assert paths == []
    assert files_in(out) == ["keep.txt"]  # no documents, no temp files, no empty class folders


def test_a_document_open_in_word_stops_the_batch_before_anything_is_written(demo_store, out):
    maya = student_named(demo_store, "Maya Rivera")
    (out / "~$ant, Theo - IEP goals draft.docx").write_bytes(b"owner")
    message = "“Grant, Theo - IEP goals draft.docx” is open in Word"
    with pytest.raises(export.ExportError, match=re.escape(message)) as info:
        export.export_classroom(demo_store, maya.classroom_id, out)
    assert "nothing was written" in str(info.value)
    assert files_in(out) == ["~$ant, Theo - IEP goals draft.docx"]


def test_a_failure_while_moving_files_into_place_says_what_was_written(demo_store, out, monkeypatch):
    import goalwriter.io.safe_write as safe_write

    maya = student_named(demo_store, "Maya Rivera")
    real_replace = safe_write.os.replace
    moved = []

    def replace_then_fail(src, dst):
        if moved:
            raise PermissionError(13, "Permission denied")
        moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(safe_write.os, "replace", replace_then_fail)
    with pytest.raises(export.ExportError, match=r"cannot replace .*\(1 of 4 files were already in place\)"):
        export.export_classroom(demo_store, maya.classroom_id, out)
    assert files_in(out) == ["Rivera, Maya - IEP goals draft.docx"]


def test_student_without_goals_and_classroom_without_routines(store, out):
    school = caseload.add_school(store, "Hillside Elementary")
    room = caseload.add_classroom(store, school.id, "Kindergarten A", "Ms. Ode", "K")
    empty = caseload.add_student(store, room.id, "Ana de la Cruz")
    nora = caseload.add_student(store, room.id, "Nora Quinn")
    goals.add_goal(store, nora.id, area="Fine motor", behavior="snip paper with scissors", criterion="in 4 of 5 trials")
    paths = export.export_classroom(store, room.id, out)
    assert [p.name for p in paths] == [
        "de la Cruz, Ana - IEP goals draft.docx", "de la Cruz, Ana - IEP at a glance.docx",
        "Quinn, Nora - IEP goals draft.docx", "Quinn, Nora - IEP at a glance.docx",
    ]
    assert "No goals have been written for this student yet." in texts(docx.Document(paths[0]))
    assert "Services" not in texts(docx.Document(paths[0]), "Heading 1")
    nora_draft = docx.Document(paths[2])
    assert any("the classroom has no routines yet" in t for t in texts(nora_draft, "GW Note"))
    bullets = texts(nora_draft, "List Bullet")
    assert bullets == ["Goal 1: Fine motor: the classroom has no routines yet"]
    nora_glance = docx.Document(paths[3])
    assert any("The classroom day has no routines yet" in t for t in texts(nora_glance))
    assert empty.id != nora.id


@pytest.mark.parametrize(
    ("name", "draft_name", "initials_name"),
    [
        ("José Núñez", "Núñez, José - IEP goals draft.docx", "J.N. - IEP goals draft.docx"),
        ("Siobhán O'Brien", "O'Brien, Siobhán - IEP goals draft.docx", "S.O. - IEP goals draft.docx"),
        ("李雷", "李雷 - IEP goals draft.docx", "李. - IEP goals draft.docx"),
    ],
)
def test_names_from_many_languages_survive(store, out, name, draft_name, initials_name):
    school = caseload.add_school(store, "École Saint-Laurent")
    room = caseload.add_classroom(store, school.id, "Classe 2 · 😀", "Mme Lévesque", "2")
    routines.add_routine(store, room.id, "Writer's Workshop ✏️", "journals and drafts", "Mon-Fri", "10:00", "10:40")
    student = caseload.add_student(store, room.id, name)
    goals.add_goal(store, student.id, area="Handwriting", behavior="write 3 sentences in his journal 📓",
                   criterion="with 80% legible letters")
    path = export.export_student(store, student.id, "draft", out)
    assert path.name == draft_name
    text = everything(docx.Document(path))
    assert name in text and "journal 📓" in text and "Classe 2 · 😀" in text
    glance = export.export_student(store, student.id, "glance", out)
    assert "Writer's Workshop ✏️" in everything(docx.Document(glance))
    hidden = export.export_student(store, student.id, "draft", out, deidentify=True)
    assert hidden.name == initials_name
    assert name not in everything(docx.Document(hidden))


def test_district_template_is_used_and_a_bad_one_refused(demo_store, out):
    maya = student_named(demo_store, "Maya Rivera")
    district = docx.Document()
    district.sections[0].header.paragraphs[0].text = "Springfield Public Schools"
    district.save(out / "district.docx")
    assert any("GW Goal Sentence" in n for n in export.template_notes(out / "district.docx"))
    template = out / "district.docx"
    path = export.export_student(demo_store, maya.id, "draft", out / "out.docx", template=template)
    doc = docx.Document(path)
    assert doc.sections[0].header.paragraphs[0].text == "Springfield Public Schools"
    assert len(texts(doc, "Intense Quote")) == 3
    (out / "broken.docx").write_text("not a Word file")
    with pytest.raises(export.ExportError, match=re.escape("“broken.docx” is not a Word document")):
        export.export_classroom(demo_store, maya.classroom_id, out / "batch", template=out / "broken.docx")
    assert not (out / "batch").exists()


def test_matrix_picture_goes_into_the_documents(demo_store, out):
    from tests.io.test_docx_writer import tiny_png

    maya = student_named(demo_store, "Maya Rivera")
    asked = []

    def picture(matrix):
        asked.append(matrix.student.id)
        return tiny_png()

    paths = export.export_students(demo_store, [maya.id], out, matrix_picture=picture)
    assert asked == [maya.id]  # drawn once for both documents
    assert [len(docx.Document(p).inline_shapes) for p in paths] == [1, 1]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda s, t: export.export_student(s, 4242, "draft", t), NotFoundError, "no student with id 4242"),
        (lambda s, t: export.export_student(s, 1, "poster", t), ValidationError, "unknown document kind poster"),
        (lambda s, t: export.export_student(s, 1, "both", t / "x.docx"), ValidationError, "one document kind"),
        (lambda s, t: export.export_student(s, 1, "draft", t / "x.txt"), export.ExportError, "is not a .docx"),
        (lambda s, t: export.export_student(s, 1, "draft", t / "no" / "x.docx"), export.ExportError, "does not exist"),
        (lambda s, t: export.export_classroom(s, 99, t), NotFoundError, "no classroom with id 99"),
    ],
)
def test_bad_requests_are_refused_clearly(demo_store, out, call, error, message):
    with pytest.raises(error, match=re.escape(message)):
        call(demo_store, out)
    assert files_in(out) == []


def test_export_reads_the_same_on_sqlite_and_postgresql(any_store, out):
    from goalwriter.services.demo import load_demo_caseload

    load_demo_caseload(any_store)
    jayden = student_named(any_store, "Jayden Brooks")
    paths = export.export_classroom(any_store, jayden.classroom_id, out, kinds="draft")
    assert [p.name for p in paths] == ["Brooks, Jayden - IEP goals draft.docx", "Ramos, Sofia - IEP goals draft.docx"]
    doc = docx.Document(paths[0])
    assert texts(doc, "Heading 1")[:3] == ["Goal 1: Handwriting", "Goal 2: Organization", "Goal 3: Gross motor"]
    assert lock_files(paths[0]) == []


def test_file_names_are_safe_on_windows_and_never_collide(store, out):
    school = caseload.add_school(store, "Lakeview: North/South Campus")
    room = caseload.add_classroom(store, school.id, "Room 5*", "Mr. Diaz", "3")
    odd = caseload.add_student(store, room.id, 'Mary-Kate "MK" O\'Neil/Smith?')
    caseload.add_student(store, room.id, "Sam Lee")
    caseload.add_student(store, room.id, "Sam Lee")
    paths = export.export_caseload(store, out, kinds="draft")
    assert [str(p.relative_to(out)) for p in paths] == [
        "Lakeview- North-South Campus - Room 5/O'Neil-Smith, Mary-Kate 'MK' - IEP goals draft.docx",
        "Lakeview- North-South Campus - Room 5/Lee, Sam - IEP goals draft.docx",
        "Lakeview- North-South Campus - Room 5/Lee, Sam - IEP goals draft (2).docx",
    ]
    assert texts(docx.Document(paths[0]), "GW Subtitle")[0].startswith(odd.name)
