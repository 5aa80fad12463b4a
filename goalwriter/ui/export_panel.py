"""The Export tab: Word documents for one student, a whole classroom or the whole caseload.

The team picks what to write (the IEP goals draft, the one-page IEP at a glance, or both), whether to
de-identify (initials instead of names, for a projector or a shared folder) and which Word template to
use (goalwriter's own, or the district's letterhead .docx, remembered between sessions). Writing runs
off the UI thread with a progress dialog and a Cancel button; when it is done the panel shows where the
files went, with a link and an "Open folder" button.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from goalwriter.services import queries
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError
from goalwriter.ui import dialogs
from goalwriter.ui.workers import Job, run_with_progress

if TYPE_CHECKING:
    from goalwriter.io.docx_writer import Template

TEMPLATE_KEY = "export/template"
DOCX_FILTER = "Word documents (*.docx)"
TEMPLATE_FILTER = "Word documents and templates (*.docx *.dotx)"


def _export():
    """The export service, loaded on first use: python-docx is not needed to open the window."""
    from goalwriter.services import export

    return export


class ExportPanel(QWidget):
    """Export controls for the current student; ``set_student`` tells it whose documents to write."""

    exported = Signal(list)  # the paths written, after a successful export

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.student_id: int | None = None
        self.template: Template | None = None  # None: goalwriter's own styles
        self.template_path: Path | None = None
        self.job: Job | None = None
        self.last_folder: Path | None = None
        self.last_paths: list[Path] = []
        self.setObjectName("exportPanel")
        self.setAccessibleName(self.tr("Export"))

        # what to write
        kinds = QGroupBox(self.tr("Documents"), self)
        kinds.setObjectName("exportKindGroup")
        self.kind_draft = self._radio(kinds, "exportKindDraft", self.tr("IEP goals &draft: every goal in full, "
                                                                        "for the IEP document"))
        self.kind_glance = self._radio(kinds, "exportKindGlance", self.tr("IEP at a &glance: one landscape page "
                                                                          "for the teacher"))
        self.kind_both = self._radio(kinds, "exportKindBoth", self.tr("&Both documents"))
        self.kind_both.setChecked(True)
        self.kind_buttons = QButtonGroup(self)
        for index, button in enumerate((self.kind_draft, self.kind_glance, self.kind_both)):
            self.kind_buttons.addButton(button, index)
        kinds_layout = QVBoxLayout(kinds)
        for button in (self.kind_draft, self.kind_glance, self.kind_both):
            kinds_layout.addWidget(button)

        self.deidentify = QCheckBox(self.tr("De-&identify: initials instead of the student's name, in the documents "
                                            "and the file names"), self)
        self.deidentify.setObjectName("exportDeidentify")
        self.deidentify.setAccessibleName(self.tr("De-identify"))
        self.matrix_picture = QCheckBox(self.tr("Add a picture of the goals × routines &matrix"), self)
        self.matrix_picture.setObjectName("exportMatrixPicture")
        self.matrix_picture.setAccessibleName(self.tr("Add the matrix picture"))

        # which Word template
        templates = QGroupBox(self.tr("Word template"), self)
        templates.setObjectName("exportTemplateGroup")
        self.template_name = QLabel(templates)
        self.template_name.setObjectName("exportTemplateName")
        self.template_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_template_button = QPushButton(self.tr("Choose &district template…"), templates)
        self.choose_template_button.setObjectName("exportChooseTemplate")
        self.choose_template_button.setAccessibleName(self.tr("Choose a district template"))
        self.clear_template_button = QPushButton(self.tr("Use &built-in styles"), templates)
        self.clear_template_button.setObjectName("exportClearTemplate")
        self.clear_template_button.setAccessibleName(self.tr("Use the built-in styles"))
        self.template_notes = QLabel(templates)
        self.template_notes.setObjectName("exportTemplateNotes")
        self.template_notes.setWordWrap(True)
        self.template_notes.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.template_name, 1)
        row.addWidget(self.choose_template_button)
        row.addWidget(self.clear_template_button)
        template_layout = QVBoxLayout(templates)
        template_layout.addLayout(row)
        template_layout.addWidget(self.template_notes)

        # who
        self.student_button = self._button("exportStudentButton", self.tr("Export this &student…"))
        self.classroom_button = self._button("exportClassroomButton", self.tr("Export whole &classroom…"))
        self.caseload_button = self._button("exportCaseloadButton", self.tr("Export whole cas&eload…"))
        buttons = QHBoxLayout()
        for button in (self.student_button, self.classroom_button, self.caseload_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # where the files went
        self.result = QLabel(self)
        self.result.setObjectName("exportResult")
        self.result.setAccessibleName(self.tr("Export result"))
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.result.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.result.linkActivated.connect(lambda _link: self.open_folder())
        self.open_folder_button = self._button("exportOpenFolder", self.tr("&Open folder"))
        self.open_folder_button.setVisible(False)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addWidget(kinds)
        layout.addWidget(self.deidentify)
        layout.addWidget(self.matrix_picture)
        layout.addWidget(templates)
        layout.addLayout(buttons)
        layout.addLayout(result_row)
        layout.addStretch(1)

        self.choose_template_button.clicked.connect(self.choose_template)
        self.clear_template_button.clicked.connect(lambda: self.set_template(None))
        self.student_button.clicked.connect(self.export_student)
        self.classroom_button.clicked.connect(self.export_classroom)
        self.caseload_button.clicked.connect(self.export_caseload)
        self.open_folder_button.clicked.connect(self.open_folder)

        self._restore_template()
        self._update_buttons()

    def _radio(self, parent: QWidget, name: str, text: str) -> QRadioButton:
        button = QRadioButton(text, parent)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").split(":")[0])
        return button

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        return button

    # -- state ---------------------------------------------------------------------------------------
    def set_student(self, student_id: int | None) -> None:
        """The student whose documents "Export this student" writes (and whose classroom is exported)."""
        self.student_id = student_id
        self._update_buttons()

    @property
    def kinds(self) -> tuple[str, ...]:
        if self.kind_draft.isChecked():
            return ("draft",)
        if self.kind_glance.isChecked():
            return ("glance",)
        return ("draft", "glance")

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _update_buttons(self) -> None:
        has_student = self.student_id is not None
        self.student_button.setEnabled(has_student and not self.busy)
        self.classroom_button.setEnabled(has_student and not self.busy)
        self.caseload_button.setEnabled(not self.busy)
        self.clear_template_button.setEnabled(self.template is not None)

    # -- template ----------------------------------------------------------------------------------------
    def _restore_template(self) -> None:
        path = QSettings().value(TEMPLATE_KEY, "", type=str)
        if not path:
            self.set_template(None, remember=False)
            return
        try:
            self.set_template(path, remember=False)
        except GoalwriterError as exc:
            self.set_template(None, remember=False)
            self.template_notes.setText(
                self.tr("The district template chosen last time cannot be used ({reason}); "
                        "goalwriter's own styles are used.").format(reason=exc)
            )

    def set_template(self, path: str | Path | None, *, remember: bool = True) -> None:
        """Use a district template (checked now, so a bad file is refused at once) or, with None, our own."""
        if path:
            template = _export().open_template(path)  # raises ExportError with the reason
            self.template = template
            self.template_path = Path(path)
            self.template_name.setText(template.name)
            self.template_name.setToolTip(str(path))
            if template.fallbacks:
                pairs = ", ".join(f"{wanted} → {used}" for wanted, used in template.fallbacks)
                self.template_notes.setText(
                    self.tr("This template lacks {count} of the styles the documents use, so the nearest ones "
                            "it has are used instead: {pairs}.").format(count=len(template.fallbacks), pairs=pairs)
                )
            else:
                self.template_notes.setText(self.tr("The template has every style the documents use."))
        else:
            self.template = None
            self.template_path = None
            self.template_name.setText(self.tr("goalwriter's built-in styles"))
            self.template_name.setToolTip("")
            self.template_notes.setText("")
        if remember:
            QSettings().setValue(TEMPLATE_KEY, str(path) if path else "")
        self._update_buttons()

    def choose_template(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose a district Word template"), TEMPLATE_FILTER)
        if not path:
            return
        try:
            self.set_template(path)
        except GoalwriterError as exc:
            dialogs.error(self, self.tr("Template not usable"), str(exc))

    # -- exporting ------------------------------------------------------------------------------------------
    def _options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"deidentify": self.deidentify.isChecked(), "template": self.template}
        if self.matrix_picture.isChecked():
            from goalwriter.ui.matrix_picture import render_matrix_png

            options["matrix_picture"] = lambda matrix: render_matrix_png(matrix, None)
        return options

    def export_student(self) -> None:
        if self.student_id is None:
            return
        student_id, kinds, options = self.student_id, self.kinds, self._options()
        if len(kinds) == 1:
            suggested = _export().suggested_file_name(self.store, student_id, kinds[0], options["deidentify"])
            path = dialogs.save_file(self, self.tr("Save the document as"), suggested, DOCX_FILTER)
            if not path:
                return
            target = Path(path) if path.lower().endswith(".docx") else Path(f"{path}.docx")
            label = self.tr("Writing {name}").format(name=target.name)

            def work(progress, cancelled):
                progress(0, 1, label)
                return [_export().export_student(self.store, student_id, kinds[0], target, **options)]

            self._run(self.tr("Exporting"), work, target.parent)
            return
        folder = self._folder(self.tr("Choose a folder for the student's documents"))
        if folder is None:
            return
        self._run(self.tr("Exporting"), lambda progress, cancelled: _export().export_students(
            self.store, [student_id], folder, kinds, progress=progress, cancelled=cancelled, **options), folder)

    def export_classroom(self) -> None:
        if self.student_id is None:
            return
        classroom_id = queries.get_student(self.store, self.student_id).classroom_id
        kinds, options = self.kinds, self._options()
        folder = self._folder(self.tr("Choose a folder for the classroom's documents"))
        if folder is None:
            return
        self._run(self.tr("Exporting the classroom"), lambda progress, cancelled: _export().export_classroom(
            self.store, classroom_id, folder, kinds, progress=progress, cancelled=cancelled, **options), folder)

    def export_caseload(self) -> None:
        kinds, options = self.kinds, self._options()
        folder = self._folder(self.tr("Choose a folder for the caseload (one subfolder per classroom)"))
        if folder is None:
            return
        self._run(self.tr("Exporting the caseload"), lambda progress, cancelled: _export().export_caseload(
            self.store, folder, kinds, progress=progress, cancelled=cancelled, **options), folder)

    def _folder(self, title: str) -> Path | None:
        path = dialogs.choose_folder(self, title)
        return Path(path) if path else None

    def _run(self, title: str, work, folder: Path) -> None:
        self.result.setText(self.tr("Writing…"))
        self.open_folder_button.setVisible(False)
        self.job = run_with_progress(
            self, title, work,
            on_done=lambda paths: self._done(paths, folder),
            on_error=self._failed,
            on_cancel=self._cancelled,
        )
        self._update_buttons()

    def _done(self, paths: list[Path], folder: Path) -> None:
        self.job = None
        self.last_paths = list(paths)
        self.last_folder = folder
        url = QUrl.fromLocalFile(str(folder)).toString()
        shown = str(folder).replace("&", "&amp;").replace("<", "&lt;")
        if len(paths) == 1:
            message = self.tr("Saved {name} in <a href=\"{url}\">{folder}</a>").format(
                name=paths[0].name.replace("&", "&amp;").replace("<", "&lt;"), url=url, folder=shown)
        else:
            message = self.tr("Saved {count} documents in <a href=\"{url}\">{folder}</a>").format(
                count=len(paths), url=url, folder=shown)
        self.result.setText(message)
        self.result.setToolTip("\n".join(str(p) for p in paths))
        self.open_folder_button.setVisible(True)
        self._update_buttons()
        self.exported.emit(list(paths))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.result.setText(self.tr("Nothing was exported."))
        self._update_buttons()
        dialogs.error(self, self.tr("Export failed"), str(exc))

    def _cancelled(self) -> None:
        self.job = None
        self.result.setText(self.tr("Export cancelled; no files were written."))
        self._update_buttons()

    def open_folder(self) -> None:
        if self.last_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_folder)))

