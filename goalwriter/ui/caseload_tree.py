"""The caseload navigator: schools > classrooms > students."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from goalwriter.core.text import strip_accents
from goalwriter.services import queries
from goalwriter.store.db import Store

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
CASELOAD_KINDS = {"school", "classroom", "student", "caseload"}


class CaseloadTree(QTreeWidget):
    """Shows the caseload; emits ``selected(kind, id)`` when the current row changes."""

    selected = Signal(str, int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("caseloadTree")
        self.setAccessibleName(self.tr("Caseload: schools, classrooms and students"))
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.flagged_students: set[int] = set()
        self.filter_text = ""
        self.currentItemChanged.connect(self._on_current_changed)
        self.reload()

    def reload(self) -> None:
        """Rebuild from the database, keeping the current row and the expanded branches."""
        current = self.current_key()
        expanded = {self.key_of(item) for item in self._all_items() if item.isExpanded()}
        first_load = self.topLevelItemCount() == 0
        self.blockSignals(True)
        self.clear()
        for node in queries.caseload_tree(self.store):
            school_item = self._item(self, "school", node.school.id, node.school.name)
            for classroom, students in node.classrooms:
                label = classroom.name + (f" · {classroom.teacher}" if classroom.teacher else "")
                class_item = self._item(school_item, "classroom", classroom.id, label)
                for student in students:
                    self._show_flag(self._item(class_item, "student", student.id, student.name))
        for item in self._all_items():
            if first_load or self.key_of(item) in expanded:
                item.setExpanded(True)
        if self.filter_text:
            self.apply_filter(self.filter_text)
        self.blockSignals(False)
        if current is not None and not self.select(*current, emit=False):
            self.selected.emit("", 0)

    def apply_filter(self, text: str) -> None:
        """Show only the students whose name, classroom or school holds every word typed (case and accents
        aside), with the classrooms and schools above them."""
        self.filter_text = text
        words = fold(text).split()
        for s in range(self.topLevelItemCount()):
            school = self.topLevelItem(s)
            school_shown = False
            for c in range(school.childCount()):
                classroom = school.child(c)
                context = fold(f"{school.data(0, NAME_ROLE)} {classroom.data(0, NAME_ROLE)}")
                class_shown = False
                for i in range(classroom.childCount()):
                    student = classroom.child(i)
                    haystack = f"{context} {fold(student.data(0, NAME_ROLE))}"
                    shown = all(word in haystack for word in words)
                    student.setHidden(not shown)
                    class_shown = class_shown or shown
                # an empty classroom stays findable by its own name
                classroom.setHidden(not class_shown and not all(word in context for word in words))
                if words and class_shown:
                    classroom.setExpanded(True)
                school_shown = school_shown or not classroom.isHidden()
            school.setHidden(not school_shown and not all(word in fold(school.data(0, NAME_ROLE)) for word in words))
            if words and school_shown:
                school.setExpanded(True)

    def _shown_student_items(self) -> list[QTreeWidgetItem]:
        return [i for i in self._all_items() if i.data(0, KIND_ROLE) == "student" and not i.isHidden()]

    def shown_students(self) -> list[str]:
        """The names of the students the filter leaves in view, top to bottom."""
        return [item.data(0, NAME_ROLE) for item in self._shown_student_items()]

    def select_first_shown(self) -> None:
        """Make the first student the filter leaves in view the current one (it opens)."""
        shown = self._shown_student_items()
        if shown:
            self.setCurrentItem(shown[0])

    def set_flags(self, flagged: set[int], checked: set[int] | None = None) -> None:
        """Mark the students with a goal that never comes up in class (● and a tooltip).

        ``checked`` names the students the flags were worked out for (default: all of them)."""
        if checked is None:
            self.flagged_students = set(flagged)
        else:
            self.flagged_students = (self.flagged_students - set(checked)) | set(flagged)
        for item in self._all_items():
            if item.data(0, KIND_ROLE) == "student":
                self._show_flag(item)

    def _show_flag(self, item: QTreeWidgetItem) -> None:
        flagged = int(item.data(0, ID_ROLE)) in self.flagged_students
        name = item.data(0, NAME_ROLE)
        item.setText(0, f"{name}  ●" if flagged else name)
        item.setToolTip(0, self.tr("A goal of this student never comes up in class") if flagged else "")
        item.setForeground(0, QColor("#a11") if flagged else QColor())
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     f"student {name}" + (", a goal never comes up in class" if flagged else ""))

    def _item(self, parent, kind: str, record_id: int, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, record_id)
        item.setData(0, NAME_ROLE, text)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{kind} {text}")
        return item

    def _all_items(self):
        """Every row, top to bottom."""
        stack = [self.topLevelItem(i) for i in reversed(range(self.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))

    @staticmethod
    def key_of(item: QTreeWidgetItem | None) -> tuple[str, int] | None:
        if item is None:
            return None
        return item.data(0, KIND_ROLE), int(item.data(0, ID_ROLE))

    def current_key(self) -> tuple[str, int] | None:
        return self.key_of(self.currentItem())

    def find(self, kind: str, record_id: int) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if self.key_of(item) == (kind, record_id):
                return item
        return None

    def select(self, kind: str, record_id: int, emit: bool = True) -> bool:
        item = self.find(kind, record_id)
        if item is None:
            return False
        if not emit:
            self.blockSignals(True)
        self.setCurrentItem(item)
        if not emit:
            self.blockSignals(False)
        return True

    def students(self) -> list[tuple[int, str]]:
        return [(self.key_of(i)[1], i.text(0)) for i in self._all_items() if i.data(0, KIND_ROLE) == "student"]

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        key = self.key_of(current)
        if key is None:
            self.selected.emit("", 0)
        else:
            self.selected.emit(*key)


def fold(text: str) -> str:
    """Lower case without accents, so "nunez" finds "Núñez"."""
    return strip_accents(text or "").casefold()


class CaseloadFilter(QLineEdit):
    """The "Find a student" box above the caseload: typing narrows the tree, Enter opens the first
    student shown, Down moves into the tree, Escape clears."""

    def __init__(self, tree: CaseloadTree, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = tree
        self.setObjectName("caseloadFilter")
        self.setAccessibleName(self.tr("Find a student by name, classroom or school"))
        self.setPlaceholderText(self.tr("Find a student…"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.tree.apply_filter)
        self.returnPressed.connect(self.tree.select_first_shown)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.tree.setFocus()
            if self.tree.currentItem() is None or self.tree.currentItem().isHidden():
                self.tree.select_first_shown()
            return
        super().keyPressEvent(event)
