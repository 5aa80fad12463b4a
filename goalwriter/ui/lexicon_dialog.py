"""Your school's words: add what a school calls things ("Daily 5" for centers, "Motor Lab" for PE) to the
matcher's word list, remove them again, and try a phrase to see what the matcher reads in it.

The words are stored in the database through :mod:`goalwriter.services.lexicon` and take effect at once:
the service announces a "lexicon" change and every open view matches again. Adding and removing a word are
steps on the window's undo stack, like every other edit.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goalwriter.core.lexicon import Lexicon, LexiconError, check_user_word, shipped_lexicon
from goalwriter.core.matching import Matcher, RoutineText
from goalwriter.services import alignment, queries
from goalwriter.services.lexicon import (
    LexiconWordRec,
    add_user_word,
    list_user_words,
    remove_user_word,
    restore_user_word,
)
from goalwriter.store.db import Store
from goalwriter.store.errors import GoalwriterError
from goalwriter.store.events import Change
from goalwriter.ui.bridge import ChangeBridge
from goalwriter.ui.commands import ServiceCommand

WORD_ROLE = Qt.ItemDataRole.UserRole
KNOWN_SHOWN = 8  # how many of a concept's shipped words the "already known" line lists (all in its tooltip)
IMPLIED_SHOWN = 0.5  # an activity type a block name implies is listed from this strength on
REFUSED_COLOR = QColor("#a4262c")
DONE_COLOR = QColor("#1e6b30")


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def _tint(widget: QWidget, color: QColor) -> None:
    """Colour a label's text through its palette (a style sheet would stop it following the window's zoom)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    widget.setPalette(palette)


def _shown(label: str) -> str:
    """A lexicon label as a heading-style name ("ball skills" -> "Ball skills")."""
    return label[:1].upper() + label[1:]


def concept_label(lexicon: Lexicon, kind: str, key: str) -> str:
    """The label people see for a skill or activity key; a key the lexicon no longer has is shown as is."""
    try:
        return _shown(lexicon.concept(kind, key).label)
    except LexiconError:
        return key


# -- undo commands ------------------------------------------------------------------------------------
class AddUserWordCommand(ServiceCommand):
    """Add a user word; undo removes it, redo puts the same word (same id) back.

    A refusal on the first run (empty, too long, already there) is kept in ``failed`` for the dialog to
    show beside the field, not reported as an error box; the command then leaves the stack.
    """

    def __init__(self, store: Store, text: str, kind: str, concept: str, phrase: str):
        super().__init__(store, text)
        self.kind = kind
        self.concept = concept
        self.phrase = phrase
        self.word: LexiconWordRec | None = None

    def redo(self) -> None:
        if self.word is not None:
            super().redo()
            return
        try:
            self.word = add_user_word(self.store, self.kind, self.concept, self.phrase)
        except GoalwriterError as exc:
            self.failed = exc
            self.setObsolete(True)

    def do(self) -> None:
        assert self.word is not None
        restore_user_word(self.store, self.word)

    def undo_it(self) -> None:
        assert self.word is not None
        remove_user_word(self.store, self.word.id)


class RemoveUserWordCommand(ServiceCommand):
    """Remove a user word; undo puts it back with its old id."""

    def __init__(self, store: Store, text: str, word: LexiconWordRec):
        super().__init__(store, text)
        self.word = word

    def do(self) -> None:
        remove_user_word(self.store, self.word.id)

    def undo_it(self) -> None:
        restore_user_word(self.store, self.word)


# -- what the matcher reads in a phrase ------------------------------------------------------------------
@dataclass(frozen=True)
class PhraseReading:
    """What the matcher recognises in a phrase, read as goal words and as the name of a block."""

    skills: tuple[tuple[str, str], ...]  # (skill label, the words it was read from, or "")
    blocks: tuple[tuple[str, str], ...]  # (activity label, the words) the kinds of block such a name is
    implied: tuple[str, ...]  # activity labels that follow from those ("PE" -> gross motor, team games)


def _words(where: tuple | None) -> str:
    """The words of a phrase the matcher recognised something by (its evidence span)."""
    if not where:
        return ""
    text, start, end = where[:3]
    return " ".join(text[start:end].split())


def read_phrase(matcher: Matcher, text: str) -> PhraseReading:
    """Read ``text`` as goal words (which skills) and as a block's name (which kinds of block).

    The phrase is matched as a goal against a one-block day named by the same phrase: the goal side gives
    the skills, the prepared block gives the activity types and the words each came from.
    """
    text = " ".join((text or "").split())
    if not text:
        return PhraseReading((), (), ())
    day = matcher.prepare([RoutineText(id=0, name=text)])
    found = matcher.match(text, day)
    cl = day.compiled
    by_label = {cl.skills[s].label: _words(where) for s, where in day.direct_evidence[0].items()}
    skills = tuple((_shown(label), by_label.get(label, "")) for label in found.skills)
    row = day.activities[0]
    present = [a for a in range(len(row)) if row[a] > 0]
    # A kind of block the name only implies: another kind present leads to it, and not the other way round.
    implied = {
        a for a in present
        if any(b != a and cl.closure[b, a] > 0 and cl.closure[a, b] == 0 for b in present)
    }
    order = sorted(present, key=lambda a: (-row[a], cl.activities[a].label.casefold()))
    blocks = tuple(
        (_shown(cl.activities[a].label), _words(day.sources[0].get(a))) for a in order if a not in implied
    )
    follows = tuple(_shown(cl.activities[a].label) for a in order if a in implied and row[a] >= IMPLIED_SHOWN)
    return PhraseReading(skills, blocks, follows)


# -- the table of the user's words ---------------------------------------------------------------------
class UserWordsModel(QAbstractTableModel):
    """The user's words as rows: kind, the skill or activity it belongs to, the word."""

    KIND, CONCEPT, PHRASE = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[LexiconWordRec] = []
        self.labels: list[str] = []

    def set_words(self, words: list[LexiconWordRec], lexicon: Lexicon) -> None:
        labelled = [(concept_label(lexicon, w.kind, w.concept), w) for w in words]
        labelled.sort(key=lambda lw: (lw[1].kind, lw[0].casefold(), lw[1].phrase.casefold(), lw[1].id))
        self.beginResetModel()
        self.labels = [label for label, _ in labelled]
        self.words = [w for _, w in labelled]
        self.endResetModel()

    def row_of(self, word_id: int) -> int:
        return next((i for i, w in enumerate(self.words) if w.id == word_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.words)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def _kind(self, kind: str) -> str:
        if kind == "skill":
            return QCoreApplication.translate("UserWordsModel", "Skill")
        return QCoreApplication.translate("UserWordsModel", "Activity")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.words):
            return None
        word, column = self.words[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self._kind(word.kind), self.labels[index.row()], word.phrase)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if word.kind == "skill":
                text = QCoreApplication.translate("UserWordsModel", "Goals that say “%1” count as %2")
            else:
                text = QCoreApplication.translate("UserWordsModel", "Blocks called “%1” count as %2")
            return text.replace("%1", word.phrase).replace("%2", self.labels[index.row()])
        if role == WORD_ROLE:
            return word
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (
                QCoreApplication.translate("UserWordsModel", "Kind"),
                QCoreApplication.translate("UserWordsModel", "Counts as"),
                QCoreApplication.translate("UserWordsModel", "Your word"),
            )[section]
        return None


# -- the dialog ------------------------------------------------------------------------------------------
class LexiconDialog(QDialog):
    """Add, remove and try the school's own words for skills and kinds of block."""

    def __init__(self, store: Store, undo_stack: QUndoStack, classroom_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lexiconDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # follow the window's zoom and palette
        self.setAccessibleName(self.tr("Your school's words"))
        self.setWindowTitle(self.tr("Your school's words"))
        self.store = store
        self.undo_stack = undo_stack
        self.classroom_id = classroom_id
        self.classroom_name = ""
        self.routine_names: dict[int, str] = {}
        self.base = shipped_lexicon()

        intro = QLabel(
            self.tr(
                "Add what your school calls things, so goals match your day: e.g. centers are called "
                "“Daily 5”, PE is “Motor Lab”. Your words are saved with the caseload and count straight away."
            ),
            self,
        )
        intro.setObjectName("lexiconIntro")
        intro.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._build_words_box(), 1)
        layout.addWidget(self._build_add_box())
        layout.addWidget(self._build_try_box(), 2)
        layout.addLayout(self._build_buttons())

        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.addActions([self.undo_action, self.redo_action])
        self._stack_signals = (
            self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged,
            self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged,
        )
        for signal in self._stack_signals:
            signal.connect(self._update_buttons)

        self.setTabOrder(self.table, self.remove_button)
        self.setTabOrder(self.remove_button, self.undo_button)
        self.setTabOrder(self.undo_button, self.redo_button)
        self.setTabOrder(self.redo_button, self.activity_radio)
        self.setTabOrder(self.activity_radio, self.skill_radio)
        self.setTabOrder(self.skill_radio, self.concept)
        self.setTabOrder(self.concept, self.phrase)
        self.setTabOrder(self.phrase, self.add_button)
        self.setTabOrder(self.add_button, self.try_edit)
        self.setTabOrder(self.try_edit, self.close_button)

        self.bridge = ChangeBridge(store, self)
        self.bridge.changed.connect(self.on_change)
        self.finished.connect(self.stop_listening)

        self._fill_concepts()
        self._load_routines()
        self.reload_words()
        self.refresh_try()
        self.resize(760, 720)
        self.concept.setFocus()  # first: what the word counts as

    # -- building --------------------------------------------------------------------------------------
    def _build_words_box(self) -> QGroupBox:
        box = _named(QGroupBox(self.tr("Your words"), self), "userWordsBox", self.tr("Your words"))
        self.model = UserWordsModel(self)
        self.table = _named(QTableView(box), "userWordsTable", self.tr("Your words"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons; the arrow keys move between words
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(UserWordsModel.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(UserWordsModel.CONCEPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(UserWordsModel.PHRASE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.remove_word_action = QAction(self.tr("Remove word"), self.table)
        self.remove_word_action.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)])
        self.remove_word_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_word_action.triggered.connect(self.remove_selected)
        self.table.addAction(self.remove_word_action)

        self.empty_label = QLabel(self.tr("No words of your own yet. Add one below."), box)
        self.empty_label.setObjectName("userWordsEmpty")
        _tint(self.empty_label, self.empty_label.palette().color(QPalette.ColorRole.PlaceholderText))
        italic = QFont()
        italic.setItalic(True)
        self.empty_label.setFont(italic)

        self.remove_button = _named(QPushButton(self.tr("&Remove"), box), "removeWordButton",
                                    self.tr("Remove the selected word"))
        self.remove_button.setToolTip(self.tr("Remove the selected word (Delete). Undo brings it back."))
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button = _named(QPushButton(self.tr("&Undo"), box), "lexiconUndoButton", self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button = _named(QPushButton(self.tr("Re&do"), box), "lexiconRedoButton", self.tr("Redo"))
        self.redo_button.clicked.connect(self.undo_stack.redo)

        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return box

    def _build_add_box(self) -> QGroupBox:
        box = _named(QGroupBox(self.tr("Add a word"), self), "addWordBox", self.tr("Add a word"))
        self.activity_radio = _named(
            QRadioButton(self.tr("An a&ctivity: what the day's blocks are called"), box),
            "wordKindActivity", self.tr("Add to an activity: what the day's blocks are called"),
        )
        self.skill_radio = _named(
            QRadioButton(self.tr("A s&kill: what goals say"), box),
            "wordKindSkill", self.tr("Add to a skill: what goals say"),
        )
        self.activity_radio.setChecked(True)
        self.kind_group = QButtonGroup(box)
        self.kind_group.addButton(self.activity_radio)
        self.kind_group.addButton(self.skill_radio)
        self.kind_group.buttonToggled.connect(self._on_kind_toggled)
        kinds = QHBoxLayout()
        kinds.addWidget(self.activity_radio)
        kinds.addWidget(self.skill_radio)
        kinds.addStretch(1)

        self.concept = _named(QComboBox(box), "wordConcept", self.tr("Counts as"))
        self.concept.setEditable(True)
        self.concept.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.concept.setMaxVisibleItems(15)
        self.concept.lineEdit().setAccessibleName(self.tr("Counts as, type to search"))
        self.concept.lineEdit().setObjectName("wordConceptSearch")
        completer = self.concept.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.concept.currentTextChanged.connect(self._show_known_words)

        self.known = QLabel(box)
        self.known.setObjectName("knownWords")
        self.known.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # one line, clipped
        _tint(self.known, self.known.palette().color(QPalette.ColorRole.PlaceholderText))

        self.phrase = _named(QLineEdit(box), "wordPhrase", self.tr("Your word or phrase"))
        self.phrase.setPlaceholderText(self.tr("e.g. Motor Lab"))
        self.phrase.setClearButtonEnabled(True)
        self.phrase.returnPressed.connect(self.add_word)
        self.phrase.textEdited.connect(lambda _text: self._say(""))
        self.add_button = _named(QPushButton(self.tr("&Add"), box), "addWordButton", self.tr("Add the word"))
        self.add_button.setToolTip(self.tr("Add the word (Enter)"))
        self.add_button.clicked.connect(self.add_word)
        phrase_row = QHBoxLayout()
        phrase_row.addWidget(self.phrase, 1)
        phrase_row.addWidget(self.add_button)

        self.message = QLabel(box)
        self.message.setObjectName("addWordMessage")
        self.message.setAccessibleName(self.tr("Add a word: message"))
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout(box)
        form.addRow(self.tr("Add to:"), kinds)
        self.concept_caption = QLabel(self.tr("Counts as:"), box)
        self.concept_caption.setBuddy(self.concept)
        form.addRow(self.concept_caption, self.concept)
        form.addRow("", self.known)
        word_caption = QLabel(self.tr("&Your word:"), box)
        word_caption.setBuddy(self.phrase)
        form.addRow(word_caption, phrase_row)
        form.addRow("", self.message)
        return box

    def _build_try_box(self) -> QGroupBox:
        box = _named(QGroupBox(self.tr("Try it"), self), "tryBox", self.tr("Try it"))
        self.try_edit = _named(QLineEdit(box), "tryPhrase", self.tr("Try a goal or a block name"))
        self.try_edit.setPlaceholderText(self.tr("e.g. zips his coat, or Daily 5"))
        self.try_edit.setClearButtonEnabled(True)
        self.try_edit.textChanged.connect(self.refresh_try)

        # The reading can run to several lines: it scrolls inside its share of the dialog.
        scroll = _named(QScrollArea(box), "tryResultsScroll", self.tr("What the matcher reads"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        results = QWidget(scroll)
        results.setObjectName("tryResults")

        def result(name: str, accessible: str) -> QLabel:
            label = _named(QLabel(results), name, accessible)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        self.try_skills = result("trySkills", self.tr("Skills a goal with these words works on"))
        self.try_blocks = result("tryBlocks", self.tr("What a block with this name counts as"))
        self.try_routines = result("tryRoutines", self.tr("Blocks of the class this goal matches"))
        self.try_routines_caption = QLabel(results)
        grid = QGridLayout(results)
        grid.setContentsMargins(0, 0, 0, 0)
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        rows = (
            (QLabel(self.tr("In a goal:"), results), self.try_skills),
            (QLabel(self.tr("As a block:"), results), self.try_blocks),
            (self.try_routines_caption, self.try_routines),
        )
        for row, (caption, value) in enumerate(rows):
            grid.addWidget(caption, row, 0, top)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(rows), 1)
        if self.classroom_id is None:
            self.try_routines_caption.hide()
            self.try_routines.hide()
        scroll.setWidget(results)
        scroll.viewport().setAutoFillBackground(False)  # the reading sits on the dialog, not on a panel
        results.setAutoFillBackground(False)

        caption = QLabel(self.tr("&Type part of a goal, or the name of a block, to see what is recognised in it:"), box)
        caption.setBuddy(self.try_edit)
        caption.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(caption)
        layout.addWidget(self.try_edit)
        layout.addWidget(scroll, 1)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        self.close_button = _named(QPushButton(self.tr("Close"), self), "lexiconCloseButton", self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.remove_button, self.undo_button, self.redo_button, self.add_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a text box must not close the dialog or remove a word
            button.setDefault(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # -- loading ------------------------------------------------------------------------------------------
    def _kind(self) -> str:
        return "skill" if self.skill_radio.isChecked() else "activity"

    def _fill_concepts(self) -> None:
        """Fill the picker with the chosen kind's skills or activities, by label; start it empty."""
        kind = self._kind()
        self.concept.blockSignals(True)
        self.concept.clear()
        for key, label in self.base.concepts(kind):
            self.concept.addItem(_shown(label), key)
        self.concept.setCurrentIndex(-1)
        self.concept.clearEditText()
        self.concept.blockSignals(False)
        if kind == "skill":
            self.concept.lineEdit().setPlaceholderText(self.tr("Type to search the skills, e.g. fasteners"))
            self.concept_caption.setText(self.tr("&Skill:"))
        else:
            self.concept.lineEdit().setPlaceholderText(self.tr("Type to search the activities, e.g. PE"))
            self.concept_caption.setText(self.tr("Acti&vity:"))
        self._show_known_words()

    def _on_kind_toggled(self, _button, checked: bool) -> None:
        if checked:
            self._fill_concepts()
            self._say("")

    def _chosen_concept(self) -> str | None:
        """The key of the skill or activity the picker names exactly (any letter case), else None."""
        text = self.concept.currentText().strip()
        if not text:
            return None
        index = self.concept.findText(text, Qt.MatchFlag.MatchFixedString)
        return None if index < 0 else self.concept.itemData(index)

    def _show_known_words(self, *_args) -> None:
        key = self._chosen_concept()
        if key is None:
            self.known.setText(self.tr("Pick what your word counts as; the words it already has show here."))
            self.known.setToolTip("")
            return
        words = self.base.concept(self._kind(), key).words
        listed = ", ".join(words[:KNOWN_SHOWN]) + (", …" if len(words) > KNOWN_SHOWN else "")
        self.known.setText(self.tr("Already known: %s") % listed if listed else self.tr("No words yet."))
        self.known.setToolTip(", ".join(words))

    def _load_routines(self) -> None:
        if self.classroom_id is None:
            return
        try:
            classroom = queries.get_classroom(self.store, self.classroom_id)
        except GoalwriterError:
            self.classroom_id = None
            self.try_routines_caption.hide()
            self.try_routines.hide()
            return
        self.classroom_name = classroom.name
        self.routine_names = {r.id: r.name for r in queries.list_routines(self.store, self.classroom_id)}
        self.try_routines_caption.setText(self.tr("In %s:") % classroom.name)

    def reload_words(self, select_id: int | None = None) -> None:
        """Refill the table (keeping the selected word, or selecting ``select_id``)."""
        if select_id is None:
            current = self.selected_word()
            select_id = current.id if current else None
        row = self.table.currentIndex().row()
        self.model.set_words(list_user_words(self.store), self.base)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        target = self.model.row_of(select_id) if select_id is not None else -1
        if target < 0 and self.model.rowCount():
            target = min(max(row, 0), self.model.rowCount() - 1)
        if target >= 0:
            self.table.selectRow(target)
            self.table.setCurrentIndex(self.model.index(target, 0))
        self._update_buttons()

    # -- actions ------------------------------------------------------------------------------------------
    def selected_word(self) -> LexiconWordRec | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], WORD_ROLE) if rows else None

    def add_word(self) -> bool:
        """Add the typed word to the chosen skill or activity; a refusal is shown beside the field."""
        kind, key = self._kind(), self._chosen_concept()
        if key is None:
            if self.concept.currentText().strip():
                self._say(self.tr("“%s” is not in the list: pick one of the suggestions.")
                          % self.concept.currentText().strip(), error=True)
            elif kind == "skill":
                self._say(self.tr("Pick the skill your word belongs to."), error=True)
            else:
                self._say(self.tr("Pick the activity your word belongs to."), error=True)
            self.concept.setFocus()
            return False
        label = concept_label(self.base, kind, key)
        if not self.phrase.text().strip():
            self._say(self.tr("Type the word or phrase your school uses."), error=True)
            self.phrase.setFocus()
            return False
        try:
            cleaned = check_user_word(self.base, kind, key, self.phrase.text())
        except LexiconError as exc:
            self._say(self.tr("Not added: %s.") % str(exc), error=True)
            self.phrase.setFocus()
            return False
        if cleaned.casefold() in {w.casefold() for w in self._known_words(kind, key)}:
            self._say(self.tr("“%1” is already a word for %2.").replace("%1", cleaned).replace("%2", label),
                      error=True)
            self.phrase.setFocus()
            return False
        command = AddUserWordCommand(
            self.store, self.tr("Add word “%1” to %2").replace("%1", cleaned).replace("%2", label),
            kind, key, cleaned,
        )
        self.undo_stack.push(command)
        if command.failed is not None:
            self._say(self.tr("Not added: %s.") % str(command.failed), error=True)
            self.phrase.setFocus()
            return False
        assert command.word is not None
        self.reload_words(select_id=command.word.id)
        self.phrase.clear()
        self._say(self.tr("Added “%1” to %2. Undo takes it back.").replace("%1", cleaned).replace("%2", label))
        self.phrase.setFocus()
        return True

    def _known_words(self, kind: str, key: str) -> tuple[str, ...]:
        """Every word the matcher has for a skill or activity now: shipped and the user's own."""
        return alignment.matcher_for(self.store).lexicon.concept(kind, key).all_words

    def remove_selected(self) -> bool:
        """Remove the selected word, as one undo step."""
        word = self.selected_word()
        if word is None:
            return False
        command = RemoveUserWordCommand(self.store, self.tr("Remove word “%s”") % word.phrase, word)
        self.undo_stack.push(command)
        self.reload_words()
        self.table.setFocus()
        return command.failed is None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("refusal", error)
        _tint(self.message, REFUSED_COLOR if error else DONE_COLOR)
        weight = QFont()
        weight.setBold(error)
        self.message.setFont(weight)
        self.message.setVisible(bool(text))

    def _update_buttons(self, *_args) -> None:
        self.remove_button.setEnabled(self.selected_word() is not None)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_button.setToolTip(self.tr("Undo: %s (Ctrl+Z)") % undo_text if undo_text else self.tr("Undo"))
        self.redo_button.setToolTip(self.tr("Redo: %s (Ctrl+Shift+Z)") % redo_text if redo_text else self.tr("Redo"))

    # -- try it ---------------------------------------------------------------------------------------------
    def refresh_try(self, *_args) -> None:
        """Show what the matcher reads in the typed phrase, with the current words."""
        text = self.try_edit.text().strip()
        if not text:
            hint = self.tr("—")
            self.try_skills.setText(hint)
            self.try_blocks.setText(hint)
            self.try_routines.setText(hint)
            return
        reading = read_phrase(alignment.matcher_for(self.store), text)
        nothing = self.tr("nothing recognised")
        self.try_skills.setText(
            "\n".join(self._with_words(label, words, text) for label, words in reading.skills) or nothing
        )
        blocks = "\n".join(self._with_words(label, words, text) for label, words in reading.blocks) or nothing
        if reading.implied:
            blocks += "\n" + self.tr("so also: %s") % ", ".join(reading.implied)
        self.try_blocks.setText(blocks)
        if self.classroom_id is not None:
            self.try_routines.setText(self._routines_text(text))

    @staticmethod
    def _with_words(label: str, words: str, typed: str) -> str:
        """A label with the words it was read from, unless those are all that was typed (or the label itself)."""
        if not words or words.casefold() in (label.casefold(), " ".join(typed.split()).casefold()):
            return label
        return f"“{words}” → {label}"

    def _routines_text(self, text: str) -> str:
        assert self.classroom_id is not None
        if not self.routine_names:
            return self.tr("the class has no blocks yet")
        found = alignment.match_text(self.store, self.classroom_id, text)
        if not found.matches:
            return self.tr("no block of the day; this goal would never come up in class")
        lines = []
        for pair in found.matches:
            name = self.routine_names.get(pair.routine_id, "?")
            lines.append(f"✓ {name} — {pair.why[0]}" if pair.why else f"✓ {name}")
        return "\n".join(lines)

    # -- store changes -------------------------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if change.kind == "lexicon":
            self.reload_words()
            self.refresh_try()
        elif change.kind in ("routine", "classroom"):
            self._load_routines()
            self.refresh_try()

    def stop_listening(self, *_args) -> None:
        """Stop following the store and the undo stack (the dialog is closed; both outlive it)."""
        if not self._stack_signals:
            return
        self.bridge.detach()
        for signal in self._stack_signals:
            with contextlib.suppress(RuntimeError, TypeError):  # the stack is already gone
                signal.disconnect(self._update_buttons)
        self._stack_signals = ()

    # -- entry point ---------------------------------------------------------------------------------------
    @classmethod
    def run(cls, parent: QWidget | None, store: Store, undo_stack: QUndoStack,
            classroom_id: int | None = None) -> tuple[None, bool]:
        """Show the dialog; returns (None, closed with Close). Every change is already saved either way."""
        dialog = cls(store, undo_stack, classroom_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return None, accepted
