"""Page operations: rotate, delete, reorder, split, merge (filled in by the intake work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    del sub
