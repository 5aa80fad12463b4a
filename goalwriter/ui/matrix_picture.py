"""A print-friendly picture of a student's goals × routines matrix, drawn with QtGui only.

Used for the README and for the one-page "IEP at a glance" (the DOCX writer takes PNG bytes). It reads
in black and white: states are symbols (✓ confirmed, ○ suggested, ✗ rejected), flagged goals carry ⚠
and the reason in words, and colour only repeats what the symbols already say.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter, QPen

from goalwriter.io.safe_write import write_atomic

if TYPE_CHECKING:
    from goalwriter.services.alignment import MatrixCell, StudentMatrix

STATE_SYMBOLS = {"confirmed": "✓", "rejected": "✗", "suggested": "○"}
INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
RULE = QColor("#c9c9c9")
BAND = QColor("#f4f5f7")
FLAG = QColor("#b3261e")
FLAG_BAND = QColor("#fbeceb")
_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Sans Serif"]
_APP = None

__all__ = ["STATE_SYMBOLS", "cell_symbol", "render_matrix_png"]


def cell_symbol(cell: MatrixCell) -> str:
    """✓ confirmed, ✗ rejected, ○ suggested by the matcher and not decided, "" when nothing matched."""
    if cell.state == "suggested" and not cell.suggested:
        return ""
    return STATE_SYMBOLS[cell.state]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatrixPicture", text)


def _ensure_gui() -> None:
    """Text needs a QGuiApplication; make an offscreen one when called from a script or the CLI."""
    global _APP
    if QGuiApplication.instance() is None:
        _APP = QGuiApplication(["goalwriter", "-platform", "offscreen"])


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(_FAMILIES)
    font.setPixelSize(max(6, round(px)))
    font.setBold(bold)
    return font


def _wrap(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """Word-wrap ``text`` to ``width`` pixels, at most ``max_lines`` lines (the last one ends with …)."""
    metrics = QFontMetricsF(font)
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = metrics.elidedText(lines[-1] + " …", Qt.TextElideMode.ElideRight, width)
    return [metrics.elidedText(ln, Qt.TextElideMode.ElideRight, width) for ln in lines]


def _span(routine) -> str:
    if routine.start and routine.end:
        return f"{routine.start}–{routine.end}"
    return routine.start or ""


def render_matrix_png(matrix: StudentMatrix, path_or_none: str | None = None, width: int = 1600) -> bytes:
    """Draw ``matrix`` as a PNG ``width`` pixels wide; returns the bytes and writes them to
    ``path_or_none`` when given. Needs no widgets (works under QGuiApplication, offscreen)."""
    _ensure_gui()
    s = width / 1600  # every size below is for a 1600-pixel-wide picture
    margin = 40 * s
    routines = list(matrix.routines)
    rows = list(matrix.rows)

    title_font = _font(30 * s, bold=True)
    subtitle_font = _font(19 * s)
    header_font = _font(18 * s, bold=True)
    time_font = _font(15 * s)
    label_bold = _font(18 * s, bold=True)
    label_font = _font(16 * s)
    symbol_font = _font(28 * s, bold=True)
    small_bold = _font(13 * s, bold=True)
    legend_font = _font(15 * s)

    label_w = 470 * s
    week_w = 96 * s
    table_w = width - 2 * margin - label_w - week_w
    col_w = table_w / max(len(routines), 1)

    # Column names rise at 45° from the foot of each column; their length sets the header height.
    angle = 45.0
    cos = math.cos(math.radians(angle))
    header_metrics, time_metrics = QFontMetricsF(header_font), QFontMetricsF(time_font)
    gap = 10 * s
    lengths = [
        header_metrics.horizontalAdvance(r.name) + (gap + time_metrics.horizontalAdvance(_span(r)) if _span(r) else 0)
        for r in routines
    ]
    week_label = _tr("per week")
    lengths.append(header_metrics.horizontalAdvance(week_label))
    header_h = (max(lengths) if lengths else 0) * cos + 28 * s
    # Keep the last names inside the picture: shrink the columns if a name would run off the right edge.
    for _ in range(3):
        centers = [margin + label_w + (i + 0.5) * col_w for i in range(len(routines))]
        centers.append(margin + label_w + len(routines) * col_w + week_w / 2)
        overflow = max((c + ln * cos + 8 * s) - (width - 6 * s) for c, ln in zip(centers, lengths, strict=True))
        if overflow <= 0:
            break
        table_w -= overflow
        col_w = table_w / max(len(routines), 1)
    table_right = margin + label_w + table_w + week_w

    # Row heights from the wrapped goal labels.
    label_lines: list[tuple[str, list[str], str]] = []
    line_h = QFontMetricsF(label_font).lineSpacing()
    head_h = QFontMetricsF(label_bold).lineSpacing()
    for number, row in enumerate(rows, start=1):
        goal = row.goal
        head = f"{number}  {goal.area or _tr('Goal')}"
        body = goal.behavior.strip() or goal.text.strip()
        flag = _wrap(row.flag, label_font, label_w - 28 * s, 2) if row.flag else []
        label_lines.append((head, _wrap(body, label_font, label_w - 28 * s, 2), flag))
    heights = [max(64 * s, head_h + (len(body) + len(flag)) * line_h + 20 * s) for _h, body, flag in label_lines]
    if not rows:
        heights = [64 * s]

    title_h = 92 * s
    legend_items = (
        ("✓", _tr("confirmed by the team")),
        ("○", _tr("suggested, not yet decided")),
        ("✗", _tr("rejected by the team")),
        ("", _tr("blank: no match")),
        ("★", _tr("definitely addressed (data taken)")),
        ("P A N", _tr("support: peer, second adult, none")),
        ("5×", _tr("opportunities per week")),
        ("⚠", _tr("never comes up in class")),
    )
    legend_line = QFontMetricsF(legend_font).lineSpacing()
    legend_beside = len(legend_items) * legend_line <= header_h - 24 * s  # in the free corner above the labels
    legend_h = 0 if legend_beside else 70 * s
    top = margin + title_h + header_h
    height = math.ceil(top + sum(heights) + legend_h + margin)

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        # Title
        painter.setPen(INK)
        painter.setFont(title_font)
        painter.drawText(QRectF(margin, margin, width - 2 * margin, 40 * s), Qt.AlignmentFlag.AlignLeft,
                         _tr("%s · where each goal comes up in the day") % matrix.student.name)
        painter.setFont(subtitle_font)
        painter.setPen(MUTED)
        subtitle = f"{matrix.classroom.name}"
        if matrix.classroom.teacher:
            subtitle += f" ({matrix.classroom.teacher})"
        subtitle += f" · {matrix.school.name}"
        painter.drawText(QRectF(margin, margin + 44 * s, width - 2 * margin, 30 * s), Qt.AlignmentFlag.AlignLeft,
                         subtitle)

        # Column headers, angled
        foot = top - 10 * s
        for i, routine in enumerate(routines):
            x = margin + label_w + (i + 0.5) * col_w
            painter.save()
            painter.translate(QPointF(x - 4 * s, foot))
            painter.rotate(-angle)
            painter.setFont(header_font)
            painter.setPen(INK)
            painter.drawText(QPointF(0, 0), routine.name)
            if _span(routine):
                painter.setFont(time_font)
                painter.setPen(MUTED)
                painter.drawText(QPointF(header_metrics.horizontalAdvance(routine.name) + gap, 0), _span(routine))
            painter.restore()
        painter.save()
        painter.translate(QPointF(margin + label_w + table_w + week_w / 2 - 4 * s, foot))
        painter.rotate(-angle)
        painter.setFont(header_font)
        painter.setPen(INK)
        painter.drawText(QPointF(0, 0), week_label)
        painter.restore()

        # Rows
        y = top
        painter.setPen(QPen(INK, 2 * s))
        painter.drawLine(QPointF(margin, y), QPointF(table_right, y))
        if not rows:
            painter.setFont(label_font)
            painter.setPen(MUTED)
            painter.drawText(QRectF(margin + 12 * s, y, width - 2 * margin, heights[0]), Qt.AlignmentFlag.AlignVCenter,
                             _tr("No goals yet."))
        row_heights = heights[: len(rows)]
        for index, (row, (head, body, flag), row_h) in enumerate(zip(rows, label_lines, row_heights, strict=True)):
            flagged = bool(row.flag)
            if flagged:
                painter.fillRect(QRectF(margin, y, table_right - margin, row_h), FLAG_BAND)
                painter.fillRect(QRectF(margin, y, 6 * s, row_h), FLAG)
            elif index % 2:
                painter.fillRect(QRectF(margin, y, table_right - margin, row_h), BAND)
            text_x = margin + 16 * s
            ty = y + 10 * s
            painter.setFont(label_bold)
            painter.setPen(FLAG if flagged else INK)
            painter.drawText(QRectF(text_x, ty, label_w - 24 * s, head_h), Qt.AlignmentFlag.AlignLeft,
                             ("⚠ " if flagged else "") + head)
            ty += head_h
            painter.setFont(label_font)
            painter.setPen(INK)
            for line in body:
                painter.drawText(QRectF(text_x, ty, label_w - 24 * s, line_h), Qt.AlignmentFlag.AlignLeft, line)
                ty += line_h
            if flagged:
                painter.setPen(FLAG)
                for line in flag:
                    painter.drawText(QRectF(text_x, ty, label_w - 24 * s, line_h), Qt.AlignmentFlag.AlignLeft, line)
                    ty += line_h
            for i, cell in enumerate(row.cells):
                rect = QRectF(margin + label_w + i * col_w, y, col_w, row_h)
                symbol = cell_symbol(cell)
                if symbol:
                    painter.setFont(symbol_font)
                    painter.setPen(MUTED if cell.state == "rejected" else INK)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, symbol)
                painter.setFont(small_bold)
                painter.setPen(INK)
                inner = rect.adjusted(6 * s, 4 * s, -6 * s, -4 * s)
                if cell.definitely:
                    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "★")
                if cell.support:
                    painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, cell.support)
            painter.setFont(_font(22 * s, bold=True))
            painter.setPen(FLAG if flagged else INK)
            painter.drawText(QRectF(margin + label_w + table_w, y, week_w, row_h), Qt.AlignmentFlag.AlignCenter,
                             f"{row.per_week}×")
            y += row_h
            painter.setPen(QPen(RULE, 1 * s))
            painter.drawLine(QPointF(margin, y), QPointF(table_right, y))
        if not rows:
            y += heights[0]
        bottom = y
        # Column rules
        painter.setPen(QPen(RULE, 1 * s))
        for i in range(len(routines) + 1):
            x = margin + label_w + i * col_w
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QPen(INK, 2 * s))
        painter.drawLine(QPointF(margin, bottom), QPointF(table_right, bottom))
        painter.drawLine(QPointF(margin + label_w + table_w, top), QPointF(margin + label_w + table_w, bottom))

        # Legend: in the corner above the goal labels when it fits there, else under the table
        painter.setFont(legend_font)
        painter.setPen(MUTED)
        if legend_beside:
            ly = top - 14 * s - len(legend_items) * legend_line
            for symbol, words in legend_items:
                painter.drawText(QRectF(margin, ly, 54 * s, legend_line), Qt.AlignmentFlag.AlignLeft, symbol)
                painter.drawText(QRectF(margin + 56 * s, ly, label_w - 76 * s, legend_line), Qt.AlignmentFlag.AlignLeft,
                                 words)
                ly += legend_line
        else:
            legend = "    ".join(f"{symbol} {words}".strip() for symbol, words in legend_items)
            painter.drawText(QRectF(margin, bottom + 16 * s, width - 2 * margin, legend_h - 16 * s),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, legend)
    finally:
        painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    png = bytes(data.data())
    if path_or_none:
        write_atomic(path_or_none, png, create_folder=True)  # never half a picture on disk
    return png
