"""The undo step of an import: undo takes the imported routines out (and puts replaced ones back)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from goalwriter.services.routine_import import (
    ImportResult,
    announce_import,
    import_routines,
    redo_import,
    undo_import,
)
from goalwriter.store.db import Store
from goalwriter.ui.commands import ServiceCommand


class ImportRoutinesCommand(ServiceCommand):
    """Import drafts into a classroom as one undo step.

    Give ``done`` when the import already ran (in a worker thread, so a large one never stalls the
    window): the first redo then only announces it, and later undo/redo work as usual.
    """

    def __init__(
        self,
        store: Store,
        classroom_id: int,
        drafts: Sequence[Any],
        replace: bool = False,
        done: ImportResult | None = None,
        text: str | None = None,
    ):
        count = len(done) if done is not None else len(drafts)
        if text is None:
            context = "ImportRoutinesCommand"
            if replace:
                text = QCoreApplication.translate(context, "Replace the day with %1 imported routines")
            else:
                text = QCoreApplication.translate(context, "Import %1 routines")
            text = text.replace("%1", str(count))
        super().__init__(store, text)
        self.classroom_id = classroom_id
        self.drafts = tuple(drafts)
        self.replace = replace
        self.result: ImportResult | None = done
        self._announce_first = done is not None

    def do(self) -> None:
        if self.result is None:
            self.result = import_routines(self.store, self.classroom_id, self.drafts, self.replace)
        elif self._announce_first:
            self._announce_first = False
            announce_import(self.store, self.result)
        else:
            self.result = redo_import(self.store, self.result)

    def undo_it(self) -> None:
        assert self.result is not None
        self.result = undo_import(self.store, self.result)
