"""The delegate behind "Where in class" and the quality checklist: detail lines wrap inside their indent."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyleOptionViewItem

from goalwriter.ui.hanging_indent import HangingIndentDelegate

TEXT = "○ Phonics  ·  5×/week\n    handwriting → phonics and spelling lessons (writing letters and words)"


def make_list(qtbot, width: int) -> tuple[QListWidget, HangingIndentDelegate]:
    view = QListWidget()
    qtbot.addWidget(view)
    delegate = HangingIndentDelegate(view)
    view.setItemDelegate(delegate)
    view.addItem(QListWidgetItem(TEXT))
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, delegate


def test_a_long_detail_line_wraps_under_its_indent_and_the_item_grows(qtbot):
    wide, delegate = make_list(qtbot, 900)
    index = wide.model().index(0, 0)
    option = QStyleOptionViewItem()
    option.font = wide.font()
    line = QFontMetrics(wide.font()).height()
    assert delegate.sizeHint(option, index).height() < 3 * line  # two lines, nothing wrapped
    narrow, delegate = make_list(qtbot, 220)
    index = narrow.model().index(0, 0)
    placed, height = delegate._lines(index, narrow.font(), narrow.viewport().width())
    assert height >= 3 * line  # the reason took two lines or more
    (first, heading), (second, detail) = placed
    assert heading.startswith("○ Phonics") and detail.startswith("handwriting")  # the typed indent is dropped
    assert second.left() > first.left()  # ... and drawn as a hanging indent instead
    assert second.right() <= narrow.viewport().width()


def test_the_item_text_stays_whole_for_screen_readers_and_copying(qtbot):
    view, _delegate = make_list(qtbot, 220)
    assert view.item(0).text() == TEXT
