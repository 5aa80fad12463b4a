"""Carries the store's change events into Qt as a signal, so views refresh themselves."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from goalwriter.store.db import Store
from goalwriter.store.events import Change


class ChangeBridge(QObject):
    changed = Signal(object)  # a goalwriter.store.events.Change

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe = store.events.subscribe(self._forward)

    def _forward(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._unsubscribe()
