"""Where the shipped resources (taxonomy, fonts, translations, icons) live.

In a wheel they are the package `pdorganizer.resources` (mapped from the top-level
`resources/` folder); in a source checkout and an editable install, that folder itself;
in a PyInstaller bundle, `resources/` inside the bundle.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "resources"]
    for candidate in candidates:
        if (candidate / "factors.json").is_file():
            return candidate
    raise FileNotFoundError("pdorganizer resources are missing from this installation")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
