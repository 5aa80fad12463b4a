"""`goalwriter import`."""


def register(sub) -> None:
    """Registered once the command exists."""
