"""One function per user-level change. Each owns one short session and emits a change event.

The UI's undo commands and the command line call these; nothing above this layer touches a session.
"""
