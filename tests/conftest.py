"""Shared fixtures. Qt always runs offscreen; nothing touches the real home folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports Qt: offscreen, and settings/caches in a throwaway folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="pdorganizer-tests-"))
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_SANDBOX / var.lower())
os.environ.pop("PDORGANIZER_PASSPHRASE", None)
os.environ.pop("PDORGANIZER_NEW_PASSPHRASE", None)

import pytest  # noqa: E402

from pdorganizer.vault import CHEAP_PARAMS, Vault  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def cli_case_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A vault made by the CLI (fast test KDF) with one case, its passphrase in the
    environment as the CLI reads it."""
    from pdorganizer.cli.main import run

    monkeypatch.setenv("PDORGANIZER_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "cli.pdvault"
    assert run(["init", str(path), "--insecure-fast-kdf"]) == 0
    assert run(["case", "add", str(path), "--name", "Ana Pérez"]) == 0
    return path


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "test.pdvault"


@pytest.fixture
def vault(vault_path: Path):
    v = Vault.create(vault_path, PASSPHRASE, CHEAP_PARAMS)
    yield v
    v.close()


@pytest.fixture
def case(vault: Vault):
    return vault.cases.add(
        "María José López",
        a_number="A123-456-789",
        country="Guatemala",
        court_city="San Francisco",
        court_state="CA",
    )
