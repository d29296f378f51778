"""init, passwd, backup, check."""

from __future__ import annotations

import argparse

from pdorganizer.cli.common import (
    add_vault_arg,
    open_vault,
    read_new_passphrase,
    read_passphrase,
    terminal_progress,
)
from pdorganizer.vault import CHEAP_PARAMS, DEFAULT_PARAMS, Vault


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted vault")
    add_vault_arg(p)
    # Only for tests and demos: makes the passphrase far cheaper to guess.
    p.add_argument("--insecure-fast-kdf", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("passwd", help="change the vault's passphrase")
    add_vault_arg(p)
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("backup", help="write an encrypted copy of the vault")
    add_vault_arg(p)
    p.add_argument("dest", metavar="DEST", help="new file (or folder) for the copy")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", help="check the vault's integrity (exit 0 when sound)")
    add_vault_arg(p)
    p.add_argument(
        "--deep",
        action="store_true",
        help="also decode every stored page as an export would, and list the documents "
        "that would fail (writes nothing)",
    )
    p.set_defaults(func=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args, confirm=True)
    params = CHEAP_PARAMS if args.insecure_fast_kdf else DEFAULT_PARAMS
    with Vault.create(args.vault, passphrase, params) as vault:
        print(f"created {vault.path}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(read_new_passphrase())
    print("passphrase changed")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pdorganizer.vault.backups import make_backup  # remembered for the reminder

    with open_vault(args) as vault:
        target = make_backup(vault, args.dest)
    print(f"backup written to {target}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from pdorganizer.export.deepcheck import deep_check

    with open_vault(args) as vault:
        problems = vault.check()
        unusable = []
        if getattr(args, "deep", False) and not problems:
            unusable = deep_check(vault, terminal_progress("checking pages"))
    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        return 1
    for bad in unusable:  # one line each: case, document id, title, reason
        where = f"case {bad.case_name!r}, doc {bad.document_id} ({bad.title})"
        print(f"would not export: {where}: {bad.reason}")
    if unusable:
        return 1
    print("vault is sound" + (" and every page can be exported" if args.deep else ""))
    return 0
