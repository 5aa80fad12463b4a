"""The command line: ``goalwriter [--db URL] [COMMAND]``; the window opens when no command is given.

Every failure a user can cause (an unknown id, a database that cannot be reached, a bad file)
ends in one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from goalwriter import __version__
from goalwriter.cli import cmd_align, cmd_export, cmd_import, cmd_list, cmd_misc
from goalwriter.store.errors import GoalwriterError

EXIT_USAGE = 2
COMMAND_MODULES = (cmd_misc, cmd_list, cmd_align, cmd_import, cmd_export)


class CliError(GoalwriterError):
    """Bad input to a command (file, line and reason where there is one)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, status 2, like every other failure
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="goalwriter",
        description="Write IEP goals beside the classroom day. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"goalwriter {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: GOALWRITER_DB, else a SQLite file in your user data folder); "
        "e.g. postgresql+psycopg://user@host/dbname",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from goalwriter.runtime import tune_collector

    tune_collector()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return int(args.run(args) or 0)
    except GoalwriterError as exc:
        print(f"goalwriter: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
