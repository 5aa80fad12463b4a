"""The DOCX writer, on hand-made export data: read every document back and check text, tables and styles."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from lxml import etree

from goalwriter.io import docx_writer
from goalwriter.io.docx_writer import TemplateError, load_template, render, template_notes
from goalwriter.io.export_model import (
    GoalInfo,
    Placement,
    RoutineInfo,
    ServiceInfo,
    StudentExport,
    deidentify,
    file_stem,
    initials_for,
    sort_name,
)

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden"
REGENERATE = os.environ.get("GOALWRITER_REGEN_GOLDEN") == "1"

DAY = (
    ("Arrival & unpack", "08:30", "08:50", ""),
    ("Morning meeting", "08:50", "09:10", ""),
    ("Phonics", "09:10", "09:40", ""),
    ("Reading workshop", "09:40", "10:40", ""),
    ("Snack & recess", "10:40", "11:10", ""),
    ("Writer's Workshop", "11:10", "11:50", ""),
    ("Lunch", "11:50", "12:20", ""),
    ("Math", "12:25", "13:25", ""),
    ("Specials", "13:30", "14:15", ""),
    ("Science / social studies", "14:15", "14:55", ""),
    ("Centers", "14:55", "15:10", "M/W/F"),
    ("Library", "15:00", "15:10", "Fri"),
    ("Bathroom & handwashing", "10:00", "10:10", ""),
    ("Pack-up & dismissal", "14:55", "15:10", ""),
)
AREAS = ("Handwriting", "Organization", "Gross motor", "Self-care", "Fine motor", "Attention", "Keyboarding",
         "Sensory and self-regulation")


def make_export(name: str = "Jayden Brooks", goals: int = 8, routines: int = 14) -> StudentExport:
    """A typical student: 8 goals across a 14-block day, with notes, support codes and one goal not in the day."""
    first = name.split(maxsplit=1)[0]
    day = tuple(RoutineInfo(*r) for r in DAY[:routines])
    out = []
    for n in range(1, goals + 1):
        placements: tuple[Placement, ...] = ()
        if routines and n != 5:
            placements = (
                Placement(n % routines, "confirmed", "handwriting → journals",
                          f"Slant board for goal {n}" if n % 2 else "", "P" if n % 3 == 0 else "", n == 1),
                Placement((n + 3) % routines, "suggested", "writing tools in use", "", "A" if n == 2 else ""),
            )
        out.append(GoalInfo(
            number=n,
            area=AREAS[(n - 1) % len(AREAS)],
            text=f"By February 10, 2028, given lined paper, {first} will write 3 sentences with spacing (goal {n}).",
            baseline=f"{first} writes 45% of letters legibly." if n != 3 else "",
            condition="given lined paper with a highlighted baseline",
            behavior="write 3 sentences with correct letter formation and spacing between words",
            criterion="with 80% of letters legible in 4 of 5 samples",
            measurement="work samples scored with a legibility rubric",
            reporting="quarterly with report cards",
            target_date=dt.date(2028, 2, 10),
            objectives=(f"{first} will form lowercase letters from the top.", "Leave a finger space.") if n < 3 else (),
            placements=placements,
            review="" if placements else "never comes up in class: no routine of the day calls for this skill",
            per_week=10 if placements else 0,
            thin=n == 7,
        ))
    return StudentExport(
        name=name, initials=initials_for(name), grade="2", school="Maple Grove Elementary",
        classroom="Grade 2 Room 14", teacher="Mr. Okonkwo", iep_meeting_date=dt.date(2027, 2, 11),
        annual_review_date=dt.date(2028, 2, 10), routines=day, goals=tuple(out),
        services=(ServiceInfo(60, "push-in"),), prepared_on=dt.date(2027, 2, 1),
    )


def reread(kind: str, data: StudentExport, **kw) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(kind, data, **kw)))


def texts(doc, style: str | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs if style is None or p.style.name == style]


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def tiny_png(width: int = 40, height: int = 20) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


# -- the draft -------------------------------------------------------------------------------------------
def test_draft_headings_sentences_and_styles():
    doc = reread("draft", make_export())
    assert texts(doc, "Title") == ["IEP goals draft"]
    h1 = texts(doc, "Heading 1")
    assert h1[:8] == [f"Goal {n}: {a}" for n, a in enumerate(AREAS, start=1)]
    assert h1[8:] == ["Review relevance", "Services"]
    h2 = texts(doc, "Heading 2")
    assert h2.count("Annual goal") == 8 and h2.count("Where it is worked on in class") == 8
    assert h2.count("Short-term objectives") == 2
    sentences = texts(doc, "GW Goal Sentence")
    assert len(sentences) == 8 and sentences[0].startswith("By February 10, 2028, given lined paper, Jayden will")
    assert "No baseline has been written yet." in texts(doc, "GW Note")  # goal 3 has none


def test_draft_header_block_and_parts_table():
    doc = reread("draft", make_export())
    info = doc.tables[0]
    assert info.style.name == "GW Info Table"
    cells = [[c.text for c in row.cells] for row in info.rows]
    assert cells[0] == ["Student", "Jayden Brooks", "Grade", "2"]
    assert cells[1] == ["School", "Maple Grove Elementary", "Classroom", "Grade 2 Room 14 (Mr. Okonkwo)"]
    assert cells[2] == ["IEP meeting", "February 11, 2027", "Annual review", "February 10, 2028"]
    assert cells[3][0] == "OT services" and cells[3][1] == "60 minutes a week, push-in (in the classroom)"
    parts = doc.tables[1]
    assert parts.style.name == "Table Grid"
    assert [r.cells[0].text for r in parts.rows] == [
        "Condition", "Behavior", "Criterion", "Measurement", "Progress reporting", "Target date"]
    assert parts.rows[5].cells[1].text == "February 10, 2028"
    assert parts.rows[0].cells[1].paragraphs[0].style.name == "GW Table Text"
    assert parts.rows[0].cells[0].paragraphs[0].style.name == "GW Table Heading"


def test_objectives_are_numbered_lists_that_restart_for_each_goal():
    doc = reread("draft", make_export())
    items = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in items] == ["Jayden will form lowercase letters from the top.", "Leave a finger space."] * 2
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    assert num_ids[0] == num_ids[1] and num_ids[2] == num_ids[3] and num_ids[0] != num_ids[2]
    numbering = doc.part.numbering_part.element
    for num_id in (num_ids[0], num_ids[2]):
        num = numbering.num_having_numId(num_id)
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"


def test_draft_routines_table_marks_confirmed_suggested_definitely_and_support():
    data = make_export()
    doc = reread("draft", data)
    placements = [t for t in doc.tables if t.rows[0].cells[1].text == "Routine"]
    assert len(placements) == 7  # goal 5 is not in the day
    first = placements[0]
    assert [c.text for c in first.rows[0].cells] == [
        "", "Routine", "Why it fits", "How it is embedded (team notes)", "Support"]
    rows = [[c.text for c in r.cells] for r in first.rows[1:]]
    # day order: Morning meeting (index 1, confirmed, definitely) before Snack & recess (index 4, suggested)
    assert rows[0][0] == "✓ ★" and rows[0][1] == "Morning meeting\n8:50–9:10"
    assert "Slant board for goal 1" in rows[0][3] and "definitely addressed" in rows[0][3]
    assert rows[1][0] == "○" and rows[1][1].startswith("Snack & recess")
    second = [[c.text for c in r.cells] for r in placements[1].rows[1:]]
    assert second[1][4] == "A (second adult)"
    third = [[c.text for c in r.cells] for r in placements[2].rows[1:]]
    assert third[0][4] == "P (peer)"
    assert "Data collected during: Morning meeting" in texts(doc)


def test_review_relevance_lists_goals_not_in_the_day_and_thin_ones():
    doc = reread("draft", make_export())
    bullets = texts(doc, "List Bullet")
    assert "Goal 5: Fine motor: never comes up in class: no routine of the day calls for this skill" in bullets
    assert any(b.startswith("Goal 7: Keyboarding: only in") for b in bullets)
    assert "Occupational therapy: 60 minutes a week, push-in (in the classroom)" in bullets


def test_every_goal_in_the_day_says_so():
    data = make_export(goals=4)
    doc = reread("draft", replace(data, goals=tuple(replace(g, thin=False) for g in data.goals)))
    after = texts(doc)[texts(doc).index("Review relevance") + 1]
    assert after == "Every goal comes up in the classroom day."


def test_draft_header_and_footer_mark_draft_and_number_pages():
    doc = reread("draft", make_export())
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    header = section.header.paragraphs[-1]
    assert header.style.name == "GW Draft Mark"
    assert header.text.startswith("DRAFT") and "Jayden Brooks · Confidential" in header.text
    footer = section.footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in section.footer.paragraphs[-1].text
    assert "Prepared February 1, 2027" in section.footer.paragraphs[-1].text
    assert doc.core_properties.title == "IEP goals draft – Jayden Brooks"
    assert doc.core_properties.author == ""


def test_student_without_goals_gets_a_sensible_draft_and_glance():
    data = make_export(goals=0)
    draft = reread("draft", data)
    assert "No goals have been written for this student yet." in texts(draft)
    assert "There are no goals to review yet." in texts(draft)
    glance = reread("glance", data)
    assert "No goals have been written for this student yet." in texts(glance)
    assert glance.tables == []


def test_classroom_without_routines_still_exports_both():
    data = make_export(routines=0)
    draft = reread("draft", data)
    notes = texts(draft, "GW Note")
    assert sum("Does not come up in the classroom day yet" in n for n in notes) == 8
    glance = reread("glance", data)
    assert any("The classroom day has no routines yet" in t for t in texts(glance))
    assert texts(glance, "List Bullet")[0].startswith("Goal 1: Handwriting: write 3 sentences")


# -- the at-a-glance page --------------------------------------------------------------------------------
def test_glance_is_one_landscape_table_in_day_order():
    data = make_export()
    doc = reread("glance", data)
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert texts(doc, "GW Glance Title") == ["Jayden Brooks: IEP at a glance"]
    (table,) = doc.tables[:1]
    assert table.style.name == "Table Grid"
    assert len(table.rows) == 9 and len(table.columns) == 15
    head = [c.text for c in table.rows[0].cells]
    assert head[0] == "Goal"
    assert head[1] == "Arrival & unpack\n8:30–8:50"
    assert head[8] == "Math\n12:25–1:25"
    assert head[11] == "Centers\n2:55–3:10 · M/W/F"
    # 14 columns are too narrow for level text: the routine names are turned to read upwards
    directions = [c._tc.tcPr.find(qn("w:textDirection")) for c in table.rows[0].cells[1:]]
    assert all(d is not None and d.get(qn("w:val")) == "btLr" for d in directions)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_glance_cells_symbols_support_and_numbered_notes():
    doc = reread("glance", make_export())
    table = doc.tables[0]
    row1 = [c.text for c in table.rows[1].cells]
    assert row1[0] == "1  Handwriting: write 3 sentences with correct letter formation…"
    assert row1[2] == "✓★¹" and row1[5] == "○"
    assert [c.text for c in table.rows[2].cells][6] == "○ A"
    assert [c.text for c in table.rows[3].cells][4] == "✓ P²"
    assert all(text == "" for i, text in enumerate(row1) if i not in (0, 2, 5))
    row5 = table.rows[5]
    assert row5.cells[1].text == "Not in the classroom day yet: the team will review this goal."
    assert row5.cells[1]._tc is row5.cells[14]._tc  # one merged cell across the day
    legend = texts(doc, "GW Note")[0]
    assert "✓ confirmed by the team" in legend and "○ suggested" in legend and "P peer" in legend
    assert len(doc.tables) == 1  # three notes fit as lines under the table
    notes = texts(doc)[texts(doc).index("Notes") + 1:]
    assert notes == [
        "¹ Morning meeting, goal 1: Slant board for goal 1",
        "² Reading workshop, goal 3: Slant board for goal 3",
        "³ Math, goal 7: Slant board for goal 7",
    ]


def test_many_glance_notes_go_in_two_columns():
    data = make_export()
    goals = tuple(replace(g, placements=tuple(replace(p, note=f"Note {g.number}{p.routine_index}")
                                              for p in g.placements)) for g in data.goals)
    doc = reread("glance", replace(data, goals=goals))
    left, right = (c.text.splitlines() for c in doc.tables[1].rows[0].cells)
    assert len(left) + len(right) == 14 and len(left) - len(right) in (0, 1)
    assert left[0] == "¹ Morning meeting, goal 1: Note 11" and right[-1].startswith("¹⁴ ")


def test_glance_with_a_short_day_keeps_headers_level():
    doc = reread("glance", make_export(routines=6))
    table = doc.tables[0]
    assert len(table.columns) == 7
    assert all(c._tc.tcPr.find(qn("w:textDirection")) is None for c in table.rows[0].cells)


def test_matrix_picture_is_embedded_when_given():
    png = tiny_png()
    glance = reread("glance", make_export(), matrix_png=png)
    draft = reread("draft", make_export(), matrix_png=png)
    assert len(glance.inline_shapes) == 1 and len(draft.inline_shapes) == 1
    assert glance.inline_shapes[0].width <= glance.sections[0].page_width
    assert len(reread("glance", make_export()).inline_shapes) == 0


# -- names, privacy and text that must survive ---------------------------------------------------------
@pytest.mark.parametrize("name", ["José Núñez", "Siobhán O'Brien", "李雷", "Zoë 😀 Smith"])
def test_names_and_emoji_survive(name):
    data = make_export(name=name)
    data = replace(data, goals=(replace(data.goals[0], text=data.goals[0].text + " 🎒✏️"), *data.goals[1:]))
    for kind in ("draft", "glance"):
        doc = reread(kind, data)
        assert name in all_text(doc)
    draft = reread("draft", data)
    assert texts(draft, "GW Goal Sentence")[0].endswith("(goal 1). 🎒✏️")
    assert name in draft.sections[0].header.paragraphs[-1].text


def test_control_characters_from_pasted_text_do_not_break_the_file():
    data = make_export(goals=1)
    data = replace(data, goals=(replace(data.goals[0], baseline="line\x0bbreak\x07bell"),))
    doc = reread("draft", data)
    assert "linebreakbell" in texts(doc)


def test_deidentify_replaces_the_name_with_initials_everywhere():
    data = deidentify(make_export(name="Maya Rivera"))
    assert data.name == "M.R." and data.deidentified
    assert data.goals[0].text.startswith("By February 10, 2028, given lined paper, M.R. will write")
    assert data.goals[0].objectives[0] == "M.R. will form lowercase letters from the top."
    for kind in ("draft", "glance"):
        text = all_text(reread(kind, data))
        assert "Maya" not in text and "Rivera" not in text
    assert file_stem(data, "glance") == "M.R. - IEP at a glance"


def test_deidentify_leaves_ordinary_words_and_dates_alone():
    base = make_export(name="Will May")
    goal = replace(base.goals[0], text="By May 3, 2028, Will will zip his coat; May's teacher checks.")
    data = deidentify(replace(base, goals=(goal,)))
    assert data.goals[0].text == "By May 3, 2028, W.M. will zip his coat; W.M.'s teacher checks."


def test_file_names():
    assert sort_name("Maya Rivera") == "Rivera, Maya"
    assert sort_name("Ana de la Cruz") == "de la Cruz, Ana"
    assert sort_name("李雷") == "李雷"
    assert file_stem(make_export(name="Maya Rivera"), "draft") == "Rivera, Maya - IEP goals draft"
    assert initials_for("José Núñez-Ortiz") == "J.N."


# -- templates ---------------------------------------------------------------------------------------------
def district_template(tmp_path: Path, *, drop: tuple[str, ...] = ()) -> Path:
    """A plain Word document with a letterhead and its own fonts, but none of goalwriter's styles."""
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Georgia"
    doc.sections[0].header.paragraphs[0].text = "Springfield Public Schools · Student Services"
    doc.add_paragraph("Sample body text that must not appear in an export.")
    for name in drop:
        element = doc.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "district.docx"
    doc.save(path)
    return path


def test_district_template_styles_letterhead_and_fallbacks(tmp_path):
    template = load_template(district_template(tmp_path))
    notes = template_notes(template)
    assert "“district.docx” has no style “GW Goal Sentence”; using “Intense Quote” instead" in notes
    assert "“district.docx” has no style “GW Glance Title”; using “Title” instead" in notes
    assert not any("“Heading 1”" in n.split(";")[0] for n in notes)
    doc = reread("draft", make_export(), template=template)
    assert "Sample body text" not in all_text(doc)
    assert texts(doc, "Intense Quote")[0].startswith("By February 10, 2028")
    assert doc.styles["Normal"].font.name == "Georgia"
    header = [p.text for p in doc.sections[0].header.paragraphs]
    assert header[0] == "Springfield Public Schools · Student Services"
    assert header[-1].startswith("DRAFT")
    assert doc.tables[1].style.name == "Table Grid"
    assert texts(doc, "Heading 1")[0] == "Goal 1: Handwriting"


def test_template_without_list_or_grid_styles_types_numbers_and_draws_lines(tmp_path):
    template = load_template(district_template(tmp_path, drop=("List Number", "Table Grid")))
    notes = template_notes(template)
    assert any("“List Number”; using “List Paragraph”" in n for n in notes)
    assert any("“Table Grid”; using “plain grid lines”" in n for n in notes)
    assert "“district.docx” has no style “GW Table Text”; using “Normal” instead" in notes
    doc = reread("draft", make_export(), template=template)
    assert "1. Jayden will form lowercase letters from the top." in texts(doc, "List Paragraph")
    parts = doc.tables[1]
    assert parts._tbl.tblPr.find(qn("w:tblBorders")) is not None


def test_word_template_dotx_is_accepted(tmp_path):
    source = district_template(tmp_path)
    dotx = tmp_path / "district.dotx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, data)
    doc = reread("glance", make_export(), template=load_template(dotx))
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"not a zip at all", "letterhead.docx", "is not a Word document"),
        (None, "missing.docx", "does not exist"),
        (b"plain text", "notes.txt", "is not a Word document"),
    ],
)
def test_unusable_template_is_refused_clearly(tmp_path, content, name, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateError, match=message):
        load_template(path)


def test_builtin_template_has_every_style_the_writer_wants():
    template = load_template(None)
    assert template.builtin
    doc = docx.Document(io.BytesIO(template.data))
    resolver = docx_writer._Styles(doc)
    resolver.resolve_all()
    assert resolver.fallbacks == []
    section = doc.sections[0]
    assert (section.page_width, section.page_height) == (docx.shared.Inches(8.5), docx.shared.Inches(11))


def test_base_docx_is_what_the_script_builds(tmp_path):
    target = tmp_path / "base.docx"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_base_docx.py"), str(target)], check=True,
                   capture_output=True)
    built = docx.Document(target)
    shipped = docx.Document(docx_writer.BASE_TEMPLATE)

    def style_xml(doc):
        return {s.name: etree.tostring(s.element) for s in doc.styles}

    assert style_xml(built) == style_xml(shipped)


# -- golden files ----------------------------------------------------------------------------------------
_VOLATILE_ATTRS = re.compile(r"^\{[^}]*\}(rsid\w*|paraId|textId)$")


def normalized_document_xml(data: bytes) -> str:
    """word/document.xml without what changes between runs: rsids, paragraph/drawing ids, dates."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    for element in root.iter():
        for attr in list(element.attrib):
            if _VOLATILE_ATTRS.match(attr) or (element.tag.endswith("}docPr") and attr in ("id", "name")):
                del element.attrib[attr]
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    return re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?", "<timestamp>", text)


@pytest.mark.parametrize("kind", ["draft", "glance"])
def test_document_xml_matches_the_golden_file(kind):
    """Any change to the documents' structure shows here; regenerate with GOALWRITER_REGEN_GOLDEN=1."""
    golden = GOLDEN / f"{kind}-document.xml"
    actual = normalized_document_xml(render(kind, make_export(goals=3, routines=8)))
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def _with_document_xml(data: bytes, change) -> bytes:
    """The same .docx with word/document.xml passed through ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            zout.writestr(item, change(content) if item.filename == "word/document.xml" else content)
    return out.getvalue()


def test_golden_normalization_ignores_only_volatile_parts():
    data = render("draft", make_export(goals=1))
    noisy = _with_document_xml(data, lambda x: x.replace(b"<w:p>", b'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="0">', 3))
    edited = _with_document_xml(data, lambda x: x.replace(b"Handwriting", b"Handwritten", 1))
    assert noisy != data and edited != data
    assert normalized_document_xml(noisy) == normalized_document_xml(data)
    assert normalized_document_xml(edited) != normalized_document_xml(data)


# -- layering ----------------------------------------------------------------------------------------------
def test_io_export_modules_import_neither_qt_nor_sqlalchemy():
    code = (
        "import sys\n"
        "import goalwriter.io.docx_writer, goalwriter.io.export_model, goalwriter.io.safe_write\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


# -- what LibreOffice makes of it (only where LibreOffice is installed; the suite never needs it) -----------
if shutil.which("soffice"):

    @pytest.mark.slow
    def test_libreoffice_converts_and_the_glance_fits_one_page(tmp_path):
        for kind in ("draft", "glance"):
            (tmp_path / f"{kind}.docx").write_bytes(render(kind, make_export()))
        profile = tmp_path / "profile"
        result = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(tmp_path), str(tmp_path / "draft.docx"), str(tmp_path / "glance.docx")],
            capture_output=True, text=True, timeout=180,
        )
        assert result.returncode == 0, result.stderr
        pages = {k: len(re.findall(rb"/Type\s*/Page[^s]", (tmp_path / f"{k}.pdf").read_bytes())) for k in
                 ("draft", "glance")}
        assert pages["glance"] == 1
        assert pages["draft"] >= 3


# -- what Word is strict about -----------------------------------------------------------------------------
SCHEMA_ORDER = {  # ECMA-376 sequence of the property elements the writer sets
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr", "pBdr", "shd", "tabs",
            "spacing", "ind", "contextualSpacing", "jc", "textDirection", "outlineLvl", "rPr", "sectPr"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "kern", "sz", "szCs", "u",
            "vertAlign", "lang"],
    "tblPr": ["tblStyle", "tblW", "jc", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
    "trPr": ["cantSplit", "trHeight", "tblHeader"],
    "tcPr": ["tcW", "gridSpan", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection", "vAlign"],
}


@pytest.mark.parametrize("kind", ["draft", "glance"])
def test_property_elements_are_in_the_order_word_requires(kind):
    data = make_export()
    with zipfile.ZipFile(io.BytesIO(render(kind, data, matrix_png=tiny_png()))) as z:
        parts = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml") and "/_rels" not in n]
        roots = [etree.fromstring(z.read(n)) for n in parts if n.split("/")[-1].startswith(("document", "header",
                                                                                            "footer"))]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    checked = 0
    for root in roots:
        for name, order in SCHEMA_ORDER.items():
            for props in root.iter(f"{w}{name}"):
                tags = [child.tag.removeprefix(w) for child in props if child.tag.startswith(w)]
                known = [t for t in tags if t in order]
                assert known == sorted(known, key=order.index), f"{name}: {tags}"
                assert len(tags) == len(set(tags)), f"{name} repeats a property: {tags}"
                checked += 1
    assert checked > 200
