"""import: files into a case (filled in by the intake work)."""

from __future__ import annotations

import argparse

from pdorganizer.cli.common import add_vault_arg


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import files into a case")
    add_vault_arg(p)
    p.add_argument("--case", required=True, metavar="CASE")
    p.add_argument("files", metavar="FILE", nargs="+")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    raise NotImplementedError
