"""Clinic commands: handoff (a case into its own vault), merge (a client's vault back),
and the `--wipe` of `case remove`."""

from __future__ import annotations

import argparse
import os
import sys

from pdorganizer.cli.common import (
    UsageError,
    _prompt,
    add_case_arg,
    add_json_arg,
    add_vault_arg,
    open_vault,
    print_json,
    read_new_passphrase,
)
from pdorganizer.core import passphrase_words
from pdorganizer.core.models import Case
from pdorganizer.vault import CHEAP_PARAMS, DEFAULT_PARAMS, Vault
from pdorganizer.vault.handoff import MergeReport, hand_off, merge
from pdorganizer.vault.wipe import backups_holding, wipe_case

ENV_OTHER_PASSPHRASE = "PDORGANIZER_OTHER_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "handoff", help="write a new vault holding only one case, with its own passphrase"
    )
    add_vault_arg(p)
    add_case_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="CLIENT.pdvault", help="new file")
    p.add_argument(
        "--generate",
        action="store_true",
        help="make up a passphrase of random words and print it once "
        "(else $PDORGANIZER_NEW_PASSPHRASE, else a prompt)",
    )
    p.add_argument(
        "--words",
        type=int,
        default=passphrase_words.DEFAULT_WORDS,
        metavar="N",
        help="words in a generated passphrase (default 6)",
    )
    p.add_argument(
        "--lang",
        choices=("en", "es"),
        default="en",
        help="language of the generated words and of the hand-off sheet",
    )
    p.add_argument(
        "--sheet", metavar="FILE.pdf", help="also write the one-page hand-off sheet (PDF)"
    )
    add_json_arg(p)
    p.add_argument("--insecure-fast-kdf", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_handoff)


def cmd_handoff(args: argparse.Namespace) -> int:
    if args.generate:
        passphrase = passphrase_words.generate(args.words, args.lang)
    elif args.words != passphrase_words.DEFAULT_WORDS:
        raise UsageError("--words goes with --generate")
    else:
        passphrase = read_new_passphrase()
    params = CHEAP_PARAMS if args.insecure_fast_kdf else DEFAULT_PARAMS
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        result = hand_off(vault, case.id, args.output, passphrase, params=params)
        out: dict = {
            "case": case.id,
            "path": str(result.path),
            "documents": result.documents,
            "sources": result.sources,
            "size": result.size,
            "sheet": None,
        }
        if not args.json:
            print(
                f"handed off case {case.id} to {result.path}: {result.documents} documents, "
                f"{result.sources} files, {result.size / 1e6:.1f} MB"
            )
        if args.generate:
            bits = passphrase_words.entropy_bits(args.words, args.lang)
            out.update(passphrase=passphrase, words=args.words, bits=round(bits, 1))
            if not args.json:
                print(f"passphrase ({args.words} words, {bits:.0f} bits): {passphrase}")
        if args.sheet:
            from pdorganizer.export.handoff_sheet import write_sheet

            # Inside the open vault: the write is recorded there, so a temp file of the
            # passphrase that a kill leaves is removed on the next unlock.
            sheet = write_sheet(
                args.sheet, case.name, result.path.name, passphrase, args.lang, vault=vault
            )
            out["sheet"] = str(sheet)
            if not args.json:
                print(f"hand-off sheet written to {sheet}")
    if args.json:
        print_json(out)
    return 0


def read_other_passphrase() -> str:
    return os.environ.get(ENV_OTHER_PASSPHRASE) or _prompt("Passphrase of the client's file: ")


def cmd_merge_vault(args: argparse.Namespace, other: str) -> int:
    """`merge VAULT CLIENT.pdvault` (page_cmds' `merge` hands a non-number here)."""
    with open_vault(args) as vault:
        report = merge(vault, other, read_other_passphrase())
    if getattr(args, "json", False):
        print_json(merge_json(report))
    else:
        print_merge(report)
    return 0


def merge_json(report: MergeReport) -> dict:
    return {
        "cases": [
            {
                "case": r.case_id,
                "name": r.name,
                "new_case": r.new_case,
                "added": r.added,
                "updated": r.updated,
                "unchanged": r.unchanged,
                "only_here": r.only_here,
                "profile_updated": r.profile_updated,
                "exhibits_updated": r.exhibits_updated,
                "conflicts": [
                    {"kind": c.kind, "title": c.title, "fields": c.fields} for c in r.conflicts
                ],
            }
            for r in report.cases
        ],
        "client_backup": str(report.client_backup) if report.client_backup else None,
    }


def print_merge(report: MergeReport) -> None:
    if report.client_backup is not None:
        print(
            "the client's file was in an older format and was upgraded to open it; "
            f"an encrypted copy of it as it was is at {report.client_backup}"
        )
    for r in report.cases:
        state = "added as a new case" if r.new_case else "merged"
        print(
            f"case {r.case_id} ({r.name}) {state}: {r.added} documents added, "
            f"{r.updated} updated, {r.unchanged} unchanged, {r.only_here} only in this vault"
            + ("; profile updated" if r.profile_updated else "")
            + ("; exhibit order updated" if r.exhibits_updated else "")
        )
        for c in r.conflicts:
            what = {
                "case": "the case profile",
                "document": f"document {c.title!r}",
                "pages": f"the pages of {c.title!r}",
                "exhibits": "the exhibit order",
            }.get(c.kind, c.kind.replace("_", " "))
            fields = f" ({', '.join(c.fields)})" if c.fields else ""
            kept = (
                "the other copy was added as a separate document"
                if c.kind == "pages"
                else "this vault's values kept, the other copy's are in the notes"
                if c.kind in ("case", "document") or c.fields
                else "this vault's order kept"
            )
            print(f"conflict: {what}{fields} changed in both copies; {kept}")


def add_wipe_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wipe",
        action="store_true",
        help="also rebuild the vault file so nothing of the case survives in it, and "
        "remove the app's backups that still hold it (asks; --yes removes them)",
    )


def wipe(vault: Vault, case: Case, *, yes: bool) -> int:
    found = backups_holding(vault, case.id)
    remove = []
    for b in found:
        state = "holds this case" if b.holds_case else "cannot be checked (another passphrase)"
        print(f"backup {b.path}: {state}")
        if yes:
            remove.append(b.path)
            continue
        answer = input(f"Delete {b.path}? [y/N] ")
        if answer.strip().lower() in ("y", "yes"):
            remove.append(b.path)
    result = wipe_case(vault, case.id, remove_backups=remove)
    print(
        f"case {case.id} removed: {result.documents} documents, {result.files} files; "
        f"vault file rebuilt ({result.free_pages} free pages left)"
    )
    for path in result.removed_backups:
        print(f"backup removed: {path}")
    for path in result.kept_backups:
        print(f"backup could not be removed: {path}", file=sys.stderr)
    for b in found:
        if b.path not in remove:
            print(f"backup kept: {b.path}")
    return 0
