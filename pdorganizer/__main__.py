"""Entry point: `pdorganizer` and `python -m pdorganizer` (CLI and GUI)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    # A frozen bundle starts its pdfium child (ingest/pdfium_guard) as this executable:
    # that start runs the child here and exits, before anything else.
    multiprocessing.freeze_support()
    from pdorganizer.core.quiet import silence_process

    silence_process()  # C libraries' messages on fd 2 never reach the terminal
    from pdorganizer.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
