"""goalwriter: write IEP goals beside the classroom day."""

__version__ = "0.1.0"
APP_NAME = "goalwriter"
