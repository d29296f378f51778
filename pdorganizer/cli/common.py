"""Shared CLI plumbing: passphrases, opening the vault, output helpers, progress."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.progress import Progress
from pdorganizer.vault import Vault

ENV_PASSPHRASE = "PDORGANIZER_PASSPHRASE"
ENV_NEW_PASSPHRASE = "PDORGANIZER_NEW_PASSPHRASE"


class UsageError(PdoError):
    exit_code = 2


def add_vault_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("vault", metavar="VAULT", help="the vault file (.pdvault)")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the passphrase from the first line of FILE (else ${ENV_PASSPHRASE}, "
        "else a prompt)",
    )


def add_case_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--case", required=True, metavar="CASE", help="case id or exact name")


def add_json_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _prompt(label: str) -> str:
    try:
        return getpass.getpass(label)
    except (EOFError, KeyboardInterrupt):
        raise UsageError("no passphrase given") from None


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        return env
    if getattr(args, "passphrase_file", None):
        try:
            # Bytes that are not UTF-8 are kept (surrogate escapes) for the vault to
            # refuse in plain words, as it does for such a variable.
            text = Path(args.passphrase_file).read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            raise UsageError(f"cannot read the passphrase file {args.passphrase_file}") from None
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise UsageError("the passphrase file is empty")
        return lines[0]
    first = _prompt("Passphrase: ")
    if confirm and _prompt("Passphrase again: ") != first:
        raise InvalidInput("the two passphrases differ")
    return first


def read_new_passphrase() -> str:
    env = os.environ.get(ENV_NEW_PASSPHRASE)
    if env:
        return env
    first = _prompt("New passphrase: ")
    if _prompt("New passphrase again: ") != first:
        raise InvalidInput("the two passphrases differ")
    return first


def open_vault(args: argparse.Namespace) -> Vault:
    return Vault.open(args.vault, read_passphrase(args))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def terminal_progress(label: str) -> Progress:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return Progress()

    def draw(done: int, total: int, _item: str) -> None:
        width = 30
        filled = int(width * done / total) if total else 0
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return Progress(draw)
