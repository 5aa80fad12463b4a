"""Errors the store and the services raise; each carries a message fit to show a person."""


class GoalwriterError(Exception):
    """Base of every error that is shown to the user as one clear line."""


class ConflictError(GoalwriterError):
    """A write was based on a version of a record that someone else has changed since."""

    def __init__(self, kind: str, record_id: int, expected: int | None = None, actual: int | None = None):
        self.kind = kind
        self.record_id = record_id
        self.expected = expected
        self.actual = actual
        if actual is None:
            detail = "it was changed or deleted elsewhere"
        else:
            detail = f"it is at version {actual}, this edit was based on version {expected}"
        super().__init__(f"{kind} {record_id} changed elsewhere since it was opened ({detail}); nothing was saved")


class NotFoundError(GoalwriterError):
    def __init__(self, kind: str, record_id: object):
        self.kind = kind
        self.record_id = record_id
        super().__init__(f"no {kind} with id {record_id}")


class DatabaseError(GoalwriterError):
    """The database cannot be opened, created or upgraded."""


class ValidationError(GoalwriterError):
    """A value a user gave cannot be stored as it is."""
