"""Entry point: `pdorganizer` and `python -m pdorganizer` (CLI and GUI)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from pdorganizer.core.quiet import silence_process

    silence_process()  # C libraries' messages on fd 2 never reach the terminal
    from pdorganizer.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
