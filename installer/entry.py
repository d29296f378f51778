"""PyInstaller entry point: the frozen `pdorganizer` executable."""

import multiprocessing
import sys

from pdorganizer.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a library spawns processes
    sys.exit(main())
