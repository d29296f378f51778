"""`pdorganizer --self-test`: passes on a working installation, names the failing step
otherwise, and always removes its temporary folder."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pdorganizer import selftest
from pdorganizer.core.errors import PdoError
from pdorganizer.export import service as export_service
from pdorganizer.export.service import ExportResult
from pdorganizer.ingest import service as ingest_service

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Route the self-test's temporary folder into a folder the test can inspect."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def run_in_process() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = selftest.run_self_test(out, err)
    return status, out.getvalue(), err.getvalue()


def test_self_test_passes_from_the_command_line(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pdorganizer", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "self-test passed\n"
    assert list(scratch.iterdir()) == []  # vault, inputs and packet all removed


def test_a_failing_step_is_named_in_one_line(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise PdoError("the disk is full")

    monkeypatch.setattr(ingest_service, "import_files", disk_full)
    status, out, err = run_in_process()
    assert status == 1
    assert out == ""
    assert err == "pdorganizer: self-test failed at step 'import files': the disk is full\n"
    assert list(scratch.iterdir()) == []


def test_a_bug_is_reported_by_type_and_place(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("missing")

    monkeypatch.setattr(export_service, "export_packet", broken)
    status, _, err = run_in_process()
    assert status == 1
    assert err.count("\n") == 1
    assert err.startswith("pdorganizer: self-test failed at step 'export a packet': KeyError")
    assert list(scratch.iterdir()) == []


def test_a_packet_that_is_not_a_pdf_fails_verification(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_export(vault: object, case_id: int, output: str | os.PathLike[str], *a: object):
        Path(output).write_bytes(b"not a PDF at all")
        return ExportResult(files=[str(output)], page_count=99)

    monkeypatch.setattr(export_service, "export_packet", fake_export)
    status, _, err = run_in_process()
    assert status == 1
    assert "step 'verify the packet'" in err
    assert list(scratch.iterdir()) == []


def test_a_missing_import_is_caught(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ingest_service.import_files

    def drop_last(vault, case_id, paths, options=None, progress=None):  # type: ignore[no-untyped-def]
        return real(vault, case_id, list(paths)[:-1], options, progress)

    monkeypatch.setattr(ingest_service, "import_files", drop_last)
    status, _, err = run_in_process()
    assert status == 1
    assert "step 'import files': 2 results for 3 files" in err
    assert list(scratch.iterdir()) == []


def test_ctrl_c_still_removes_everything(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_service, "import_files", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_in_process()
    assert list(scratch.iterdir()) == []
