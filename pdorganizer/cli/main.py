"""Argument parsing, dispatch and exit statuses.

Exit status: 0 success, 1 an operation failed, 2 usage error, 3 wrong passphrase.
"""

from __future__ import annotations

import argparse
import sys

from pdorganizer import __version__
from pdorganizer.cli import (
    case_cmds,
    check_cmds,
    clean_cmds,
    clinic_cmds,
    doc_cmds,
    exhibit_cmds,
    import_cmds,
    page_cmds,
    request_cmds,
    vault_cmds,
)
from pdorganizer.core.errors import PdoError
from pdorganizer.core.quiet import setup_logging
from pdorganizer.core.safelog import log_unexpected

COMMAND_MODULES = (
    vault_cmds,
    case_cmds,
    doc_cmds,
    import_cmds,
    page_cmds,
    exhibit_cmds,
    request_cmds,
    check_cmds,
    clinic_cmds,
    clean_cmds,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pdorganizer",
        description="Organise evidence for a prosecutorial-discretion request in an encrypted "
        "vault and export an indexed exhibit packet. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"pdorganizer {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check that this installation works, then exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run(argv: list[str]) -> int:
    setup_logging()  # libraries never print; our own unexpected errors go to the log file
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from pdorganizer.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from pdorganizer.ui.app import run_app  # the only place the CLI reaches Qt
        from pdorganizer.ui.qt_messages import route_qt_messages

        route_qt_messages()  # Qt's chatter never prints; a fatal error as one line
        return run_app()
    try:
        return int(args.func(args) or 0)
    except PdoError as exc:
        print(f"pdorganizer: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except KeyboardInterrupt:
        print("pdorganizer: cancelled", file=sys.stderr)
        return 130
    except Exception as exc:
        summary = log_unexpected(exc, args.command)
        print(
            f"pdorganizer: something went wrong ({summary}); the operation was not completed",
            file=sys.stderr,
        )
        return 1
