"""`pdorganizer --self-test`: proves an installation (or a built bundle) is complete.

It runs the real pipeline on generated inputs in a throwaway folder: an encrypted vault
(SQLCipher + Argon2 with cheap parameters), a case, an imported JPEG, HEIC and PDF, an
exported packet parsed back with pypdf, a re-opened vault, and a Qt window shown
offscreen. Everything is removed afterwards, also on failure or Ctrl+C. Only generated
data is used, so a failure line may quote the error message.
"""

from __future__ import annotations

import base64
import io
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pdorganizer.core.errors import PdoError
from pdorganizer.core.safelog import bug_summary

PASSPHRASE = "self-test passphrase"
# A 160x120 HEIC photo (661 bytes), made once with pillow-heif. Embedded because the
# bundle can read HEIC but not write it (installer/pdorganizer.spec stubs out the encoder).
_HEIC_B64 = (
    "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAVZtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAA"
    "AAAAAAAAAAAAACJpbG9jAAAAAERAAAEAAQAAAAABegABAAAAAAAAARsAAAAjaWluZgAAAAAAAQAAABVpbmZlAgAA"
    "AAABAABodmMxAAAAAA5waXRtAAAAAAABAAAA1mlwcnAAAAC3aXBjbwAAAHhodmNDAQNwAAAAkAAAAAAAHvAA/P34"
    "+AAADwNgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQGEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoBQgeWW6kkpr"
    "m4CGgwIAAAMAMgAAAwACEGIAAQAHRAHBcrBiQAAAABNjb2xybmNseAABAA0ABoAAAAAUaXNwZQAAAAAAAACgAAAA"
    "eAAAABBwaXhpAAAAAAMICAgAAAAXaXBtYQAAAAAAAAABAAEEgQIDBAAAASNtZGF0AAABFygBr1Qidqwv6BTfaftx"
    "kjl0Vb+BX4vbzm3u6aei3CAkIbjw3C8YUsQTqZ6KnYoMJYKegkYq2sn/YwrYOEnh8SJdzPU6r+2GfgCKyeZRierr"
    "vl4TO8UNZChZicNsGEBWr03zwGhQMKLGzxlunainUi65xLbkEOL4CxBEnURhlzFxSEGxrZZXJE+OKqkamKl7aJJQ"
    "M/zYJl095Jvz2frX8+uSgjXkDQ/WzOlQDxdB648ZiGt4qDtUghtpFr5o6/2sqcfMr/xQawrWbxT9kPOqNW9RhNNR"
    "H7uisUC33P4YayAAA5eEV0jW/h7c3gDrxCTdWHikDdxALFnYji9tu6NfToBNgUUH6TgeSKgXyW/0TvClDBBDwTRu"
    "bg=="
)


class SelfTestError(Exception):
    """A check found a wrong result (as opposed to an operation raising)."""


@dataclass
class _State:
    workdir: Path
    vault: object | None = None
    case_id: int = 0
    inputs: list[Path] = field(default_factory=list)
    imported_pages: int = 0
    documents: int = 0
    packet_files: list[str] = field(default_factory=list)

    @property
    def vault_path(self) -> Path:
        return self.workdir / "self-test.pdvault"


def _create_vault(state: _State) -> None:
    from pdorganizer.vault import CHEAP_PARAMS, Vault

    state.vault = Vault.create(state.vault_path, PASSPHRASE, CHEAP_PARAMS)


def _add_case(state: _State) -> None:
    case = state.vault.cases.add(  # type: ignore[union-attr]
        "Self Test", a_number="A000-000-000", country="Nowhere", court_city="Testville"
    )
    state.case_id = case.id


def _make_inputs(state: _State) -> None:
    from PIL import Image, ImageDraw

    def page(text: str, size: tuple[int, int]) -> Image.Image:
        img = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(img)
        draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline="navy", width=4)
        for i in range(6):
            draw.text((50, 50 + i * 40), f"{text} - line {i + 1}", fill="black")
        return img

    jpeg = io.BytesIO()
    page("pdorganizer self-test letter", (850, 1100)).save(jpeg, "JPEG", quality=80, dpi=(100, 100))
    state.inputs.append(_write(state.workdir / "letter.jpg", jpeg.getvalue()))

    state.inputs.append(_write(state.workdir / "photo.heic", base64.b64decode(_HEIC_B64)))

    pdf = io.BytesIO()
    first, second = page("record page 1", (612, 792)), page("record page 2", (612, 792))
    first.save(pdf, "PDF", resolution=72.0, save_all=True, append_images=[second])
    state.inputs.append(_write(state.workdir / "record.pdf", pdf.getvalue()))


def _write(path: Path, data: bytes) -> Path:
    from pdorganizer.vault import fsync_util

    with fsync_util.create_private(path) as fh:  # owner-only, like every file we write
        fh.write(data)
    return path


def _import(state: _State) -> None:
    from pdorganizer.core.factors import builtin_taxonomy
    from pdorganizer.ingest.service import ImportOptions, import_files

    factor = builtin_taxonomy().ids()[0]  # proves the taxonomy resource is shipped
    options = ImportOptions(factors=[factor], document_date="2020-01-31")
    results = import_files(state.vault, state.case_id, state.inputs, options)  # type: ignore[arg-type]
    if len(results) != len(state.inputs):
        raise SelfTestError(f"{len(results)} results for {len(state.inputs)} files")
    for result in results:
        if result.status != "imported" or result.pages < 1:
            name = Path(result.path).name
            raise SelfTestError(f"{name} was not imported ({result.status}: {result.message})")
        state.imported_pages += result.pages
        state.documents += 1


def _clean_photo(state: _State) -> None:
    """A generated phone photo of a page: the clean-up finds, flattens and lights it."""
    from pdorganizer.ingest.service import ImportOptions, import_files
    from pdorganizer.scan import synthetic
    from pdorganizer.vault import renditions

    shot = synthetic.photo(seed=1)
    path = _write(state.workdir / "phone-photo.jpg", synthetic.jpeg_bytes(shot.image))
    options = ImportOptions(clean="auto")
    [result] = import_files(state.vault, state.case_id, [path], options)  # type: ignore[arg-type]
    if result.status != "imported" or result.document_id is None:
        raise SelfTestError(f"the photo was not imported ({result.status}: {result.message})")
    [page] = state.vault.documents.pages(result.document_id)  # type: ignore[union-attr]
    kept = renditions.active(state.vault, page.id)  # type: ignore[arg-type]
    if kept is None or kept.corners is None:
        raise SelfTestError("the photo's page outline was not found")
    if kept.mode not in ("gray", "bilevel"):  # a warm cast left behind reads as colour
        raise SelfTestError(f"the cleaned page came out {kept.mode}, not gray")
    state.imported_pages += 1
    state.documents += 1


def _export(state: _State) -> None:
    from pdorganizer.export.service import ExportOptions, export_packet

    out = state.workdir / "packet.pdf"
    result = export_packet(state.vault, state.case_id, out, ExportOptions())  # type: ignore[arg-type]
    if not result.files:
        raise SelfTestError("the export wrote no file")
    state.packet_files = list(result.files)
    if result.page_count < state.imported_pages:
        raise SelfTestError(f"the export reports {result.page_count} pages")


def _verify(state: _State) -> None:
    from pypdf import PdfReader

    total = 0
    for name in state.packet_files:
        path = Path(name)
        if not path.is_file() or path.stat().st_size == 0:
            raise SelfTestError(f"{path.name} is missing or empty")
        reader = PdfReader(path, strict=True)
        if len(reader.pages) == 0:
            raise SelfTestError(f"{path.name} has no pages")
        for pdf_page in reader.pages:  # forces every page object to be parsed
            _ = pdf_page.mediabox
        total += len(reader.pages)
    if total < state.imported_pages:
        raise SelfTestError(f"the packet has {total} pages, fewer than the {state.imported_pages}")


def _reopen(state: _State) -> None:
    from pdorganizer.vault import Vault

    state.vault.close()  # type: ignore[union-attr]
    state.vault = Vault.open(state.vault_path, PASSPHRASE)
    found = len(state.vault.documents.list(state.case_id))
    if found != state.documents:
        raise SelfTestError(f"the re-opened vault holds {found} documents, not {state.documents}")


def _check_qt(state: _State) -> None:
    del state
    from pdorganizer.ui.selfcheck import check_qt  # the only way in to Qt, and only here

    check_qt(_translations())


def _translations() -> list[Path]:
    from pdorganizer.resources_path import resource

    folder = resource("i18n")
    return sorted(folder.glob("*.qm")) if folder.is_dir() else []


Step = Callable[[_State], None]
STEPS: list[tuple[str, Step]] = [
    ("create a vault", _create_vault),
    ("add a case", _add_case),
    ("generate test files", _make_inputs),
    ("import files", _import),
    ("clean up a photo", _clean_photo),
    ("export a packet", _export),
    ("verify the packet", _verify),
    ("re-open the vault", _reopen),
    ("show a window (Qt)", _check_qt),
]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, (PdoError, SelfTestError)):
        text = str(exc)
    else:
        detail = str(exc).strip().splitlines()
        text = bug_summary(exc) + (f": {detail[0]}" if detail else "")
    return text if len(text) <= 300 else text[:297] + "..."


def _cleanup(state: _State) -> str | None:
    """Close and remove everything; return why that failed, or None."""
    problem = None
    if state.vault is not None:
        try:
            state.vault.close()  # type: ignore[attr-defined]
        except Exception as exc:
            problem = _reason(exc)
    shutil.rmtree(state.workdir, ignore_errors=True)
    if state.workdir.exists():
        problem = f"the temporary folder {state.workdir} could not be removed"
    return problem


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    state = _State(Path(tempfile.mkdtemp(prefix="pdorganizer-selftest-")))
    failure: tuple[str, str] | None = None
    try:
        for name, step in STEPS:
            try:
                step(state)
            except Exception as exc:
                failure = (name, _reason(exc))
                break
    finally:
        problem = _cleanup(state)
    if failure is None and problem is not None:
        failure = ("clean up", problem)
    if failure is not None:
        print(f"pdorganizer: self-test failed at step '{failure[0]}': {failure[1]}", file=err)
        return 1
    print("self-test passed", file=out)
    return 0
