"""Pure-Python domain code: goal parts and quality checks, matching, day and time parsing.

Nothing under goalwriter.core imports Qt or SQLAlchemy, so it runs in scripts, workers and tests
without a window or a database.
"""
