"""An item delegate for lists whose items are a heading line and indented detail lines.

"✓ Writer's Workshop · 5×/week" over "handwriting → writing (writing workshop, journals)": each
detail line wraps inside its indent, so a long reason reads as one paragraph under its block on a
projector, instead of running back to the left edge.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

AnyIndex = QModelIndex | QPersistentModelIndex
PAD = 4  # pixels around the text
FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class HangingIndentDelegate(QStyledItemDelegate):
    """Draws the first line of an item as it is and every further line indented by ``indent`` average
    characters, each wrapped to the width of the view. The item's text itself is unchanged (screen
    readers and copy read it whole)."""

    def __init__(self, view: QListView, indent: int = 3):
        super().__init__(view)
        self.view = view
        self.indent = indent
        view.setResizeMode(QListView.ResizeMode.Adjust)  # heights follow the width

    def _lines(self, index: AnyIndex, font: QFont, width: int) -> tuple[list[tuple[QRect, str]], int]:
        metrics = QFontMetrics(font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        placed: list[tuple[QRect, str]] = []
        y = PAD // 2
        for n, written in enumerate(text.split("\n")):
            line = written.strip() if n else written
            x = PAD + (metrics.averageCharWidth() * self.indent if n else 0)
            room = max(4 * metrics.averageCharWidth(), width - x - PAD)
            height = metrics.boundingRect(QRect(0, 0, room, 1_000_000), FLAGS, line or " ").height()
            placed.append((QRect(x, y, room, height), line))
            y += height
        return placed, y + PAD // 2

    def _font(self, option: QStyleOptionViewItem, index: AnyIndex) -> QFont:
        font = index.data(Qt.ItemDataRole.FontRole)
        return font if isinstance(font, QFont) else option.font

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self.view.viewport().width()
        _placed, height = self._lines(index, self._font(option, index), width)
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background, selection and focus only; the text is drawn below
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        font = self._font(option, index)
        placed, _height = self._lines(index, font, option.rect.width())
        painter.save()
        painter.setFont(font)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText))
        else:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            text_color = option.palette.color(QPalette.ColorRole.Text)
            painter.setPen(brush.color() if isinstance(brush, QBrush) else text_color)
        for rect, line in placed:
            painter.drawText(rect.translated(option.rect.topLeft()), FLAGS, line)
        painter.restore()
