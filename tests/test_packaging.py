"""What a wheel install gets: every package and the resources."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pdorganizer.resources_path import resources_dir

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "pdorganizer").rglob("__init__.py")
    }
    assert found - listed == set(), "add these packages to pyproject.toml"
    assert "pdorganizer.resources" in listed


def test_resources_are_found() -> None:
    assert (resources_dir() / "factors.json").is_file()
