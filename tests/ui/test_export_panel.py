"""The Export panel, driven like a person would: choose, click, see where the files went."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QPushButton, QRadioButton

from goalwriter.services import export, queries
from goalwriter.ui import dialogs
from goalwriter.ui import export_panel as panel_module
from goalwriter.ui.export_panel import TEMPLATE_KEY, ExportPanel


@pytest.fixture(autouse=True)
def no_remembered_template():
    QSettings().remove(TEMPLATE_KEY)
    yield
    QSettings().remove(TEMPLATE_KEY)


@pytest.fixture
def panel(qtbot, demo_store):
    widget = ExportPanel(demo_store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def out(tmp_path) -> Path:
    """The folder the user picks (the test database lives in tmp_path itself)."""
    folder = tmp_path / "chosen"
    folder.mkdir()
    return folder


@pytest.fixture
def maya(demo_store):
    return next(s for s in queries.list_students(demo_store) if s.name == "Maya Rivera")


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: shown.append((title, text)))
    return shown


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_every_control_has_a_name_for_tests_and_screen_readers(panel):
    assert panel.objectName() == "exportPanel"
    controls = panel.findChildren(QPushButton) + panel.findChildren(QCheckBox) + panel.findChildren(QRadioButton)
    assert len(controls) == 11
    for control in controls:
        assert control.objectName(), control.text()
        assert control.accessibleName(), control.objectName()


def test_without_a_student_only_the_caseload_can_be_exported(panel, maya):
    assert not panel.student_button.isEnabled() and not panel.classroom_button.isEnabled()
    assert panel.caseload_button.isEnabled()
    panel.set_student(maya.id)
    assert panel.student_button.isEnabled() and panel.classroom_button.isEnabled()


def test_export_whole_classroom_to_a_chosen_folder(qtbot, panel, maya, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title: str(folder))
    opened = []
    monkeypatch.setattr(panel_module.QDesktopServices, "openUrl", lambda url: opened.append(url))
    panel.set_student(maya.id)
    with qtbot.waitSignal(panel.exported, timeout=30000) as done:
        click(qtbot, panel.classroom_button)
    assert files_in(folder) == [
        "Grant, Theo - IEP at a glance.docx", "Grant, Theo - IEP goals draft.docx",
        "Rivera, Maya - IEP at a glance.docx", "Rivera, Maya - IEP goals draft.docx",
    ]
    assert sorted(p.name for p in done.args[0]) == files_in(folder)
    assert "Saved 4 documents in" in panel.result.text() and str(folder) in panel.result.text()
    assert panel.open_folder_button.isVisible() and panel.classroom_button.isEnabled()
    click(qtbot, panel.open_folder_button)
    assert opened == [QUrl.fromLocalFile(str(folder))]


def test_export_this_student_as_one_glance_page(qtbot, panel, maya, tmp_path, monkeypatch):
    suggested = []

    def save_file(parent, title, name, filters):
        suggested.append(name)
        return str(tmp_path / "for the teacher")  # no extension typed: .docx is added

    monkeypatch.setattr(dialogs, "save_file", save_file)
    panel.set_student(maya.id)
    click(qtbot, panel.kind_glance)
    with qtbot.waitSignal(panel.exported, timeout=30000):
        click(qtbot, panel.student_button)
    assert suggested == ["Rivera, Maya - IEP at a glance.docx"]
    doc = docx.Document(tmp_path / "for the teacher.docx")
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert "Saved for the teacher.docx in" in panel.result.text()


def test_deidentified_export_uses_initials_in_names(qtbot, panel, maya, out, monkeypatch):
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title: str(out))
    panel.set_student(maya.id)
    click(qtbot, panel.deidentify)
    with qtbot.waitSignal(panel.exported, timeout=30000):
        click(qtbot, panel.student_button)
    assert files_in(out) == ["M.R. - IEP at a glance.docx", "M.R. - IEP goals draft.docx"]
    text = "\n".join(p.text for p in docx.Document(out / "M.R. - IEP goals draft.docx").paragraphs)
    assert "Maya" not in text


def test_whole_caseload_with_the_matrix_picture(qtbot, panel, demo_store, out, monkeypatch):
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title: str(out))
    click(qtbot, panel.kind_draft)
    click(qtbot, panel.matrix_picture)
    with qtbot.waitSignal(panel.exported, timeout=60000) as done:
        click(qtbot, panel.caseload_button)
    students = queries.list_students(demo_store)
    assert len(done.args[0]) == len(students) == len(files_in(out))
    assert all(len(docx.Document(p).inline_shapes) == 1 for p in done.args[0][:2])


def test_cancel_writes_nothing(qtbot, panel, maya, out, monkeypatch):
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title: str(out))
    real_gather = export.gather

    def gather_then_cancel(*args, **kwargs):
        panel.job.cancel()  # as if Cancel was pressed while the first document is being made
        return real_gather(*args, **kwargs)

    monkeypatch.setattr(export, "gather", gather_then_cancel)
    panel.set_student(maya.id)
    click(qtbot, panel.caseload_button)
    qtbot.waitUntil(lambda: panel.job is None, timeout=30000)
    assert panel.result.text() == "Export cancelled; no files were written."
    assert files_in(out) == []


def test_a_document_open_in_word_is_reported_and_nothing_written(qtbot, panel, maya, out, monkeypatch, errors):
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title: str(out))
    (out / "~$vera, Maya - IEP goals draft.docx").write_bytes(b"owner")
    panel.set_student(maya.id)
    click(qtbot, panel.classroom_button)
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    title, text = errors[0]
    assert title == "Export failed" and "is open in Word" in text and "nothing was written" in text
    assert panel.result.text() == "Nothing was exported."
    assert files_in(out) == ["~$vera, Maya - IEP goals draft.docx"]


def test_district_template_is_checked_shown_and_remembered(qtbot, panel, demo_store, tmp_path, monkeypatch, errors):
    template = tmp_path / "district.docx"
    docx.Document().save(template)
    monkeypatch.setattr(dialogs, "open_file", lambda parent, title, filters: str(template))
    click(qtbot, panel.choose_template_button)
    assert panel.template_name.text() == "district.docx"
    assert "the nearest ones it has are used instead" in panel.template_notes.text()
    assert "GW Goal Sentence → Intense Quote" in panel.template_notes.text()
    assert QSettings().value(TEMPLATE_KEY) == str(template)

    again = ExportPanel(demo_store)
    qtbot.addWidget(again)
    assert again.template is not None and again.template.name == "district.docx"
    click(qtbot, again.clear_template_button)
    assert again.template is None and QSettings().value(TEMPLATE_KEY) == ""
    assert not again.clear_template_button.isEnabled()

    (tmp_path / "broken.docx").write_text("not Word")
    monkeypatch.setattr(dialogs, "open_file", lambda parent, title, filters: str(tmp_path / "broken.docx"))
    click(qtbot, again.choose_template_button)
    assert errors == [("Template not usable", "template “broken.docx” is not a Word document (.docx or .dotx)")]
    assert again.template is None


def test_a_remembered_template_that_is_gone_falls_back_with_a_note(qtbot, demo_store, tmp_path):
    QSettings().setValue(TEMPLATE_KEY, str(tmp_path / "moved away.docx"))
    widget = ExportPanel(demo_store)
    qtbot.addWidget(widget)
    assert widget.template is None
    assert "cannot be used" in widget.template_notes.text() and "moved away.docx" in widget.template_notes.text()


def test_the_chosen_template_is_used_for_the_documents(qtbot, panel, maya, tmp_path, monkeypatch):
    template = tmp_path / "district.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "Springfield Public Schools"
    letterhead.save(template)
    panel.set_template(template)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title: str(out))
    panel.set_student(maya.id)
    with qtbot.waitSignal(panel.exported, timeout=30000) as done:
        click(qtbot, panel.student_button)
    for path in done.args[0]:
        assert docx.Document(path).sections[0].header.paragraphs[0].text == "Springfield Public Schools"
