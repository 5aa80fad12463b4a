"""Every message box and file dialog goes through here, so tests patch one place."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str = "OK") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def ask_text(parent: QWidget | None, title: str, label: str, value: str = "") -> tuple[str, bool]:
    text, ok = QInputDialog.getText(parent, title, label, text=value)
    return text, ok


def open_file(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def choose_folder(parent: QWidget | None, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)
