"""The export service used by the CLI and the GUI.

Steps: read the case from the vault; lay out every page (cover, index, slip sheets,
evidence, certificates) and number it; stream the pages, the drawn layer a chunk at a
time and the evidence under it, into one or more files under the size limit (temp names
in the destination folder, written as they go); re-open and verify each; write the
manifest; only then rename into place. A failed or cancelled export leaves nothing
behind."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from pdorganizer.checks.context import load_case
from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.core.progress import Progress
from pdorganizer.export import manifest as manifest_mod
from pdorganizer.export.cover import DEFAULT_TITLES, MARGIN, PROFILES
from pdorganizer.export.flow import Heights, index_table, manifest_table
from pdorganizer.export.index_es import page_ranges_from_manifest, write_index_es
from pdorganizer.export.layerpages import LayerPages
from pdorganizer.export.layout import Geometry
from pdorganizer.export.letterpages import lay_out, place_map
from pdorganizer.export.manifest import OutputFile
from pdorganizer.export.plan import CaseData, PlannedPage, build_pages, load
from pdorganizer.export.prepare import Preparer, prepared_in_order
from pdorganizer.export.split import MB, Oversize, PartFile, PartWriter
from pdorganizer.export.stamping import COVER_LABEL, LabelStyle
from pdorganizer.export.textpages import TextContent
from pdorganizer.export.verify import Expected, check_file
from pdorganizer.request.store import get_letter
from pdorganizer.timeline.data import build_timeline
from pdorganizer.timeline.drawing import Drawing
from pdorganizer.timeline.drawing import lay_out as lay_out_timeline
from pdorganizer.vault import Vault, fsync_util

DEFAULT_LIMIT_MB = {"eoir": 25.0, "opla": 25.0, "uscis": 12.0}
QUALITIES = ("compact", "original")
MANIFESTS = ("json", "page", "none")
# Budgets tried when a written part comes out over the limit (estimates are estimates).
BUDGET_FACTORS = (0.97, 0.85, 0.7)


@dataclass
class ExportOptions:
    profile: str = "eoir"  # eoir | opla | uscis
    quality: str = "compact"  # compact | original
    max_part_mb: float | None = None  # None: the profile's default (eoir 25, uscis 12)
    label: str = "plain"  # plain | of | bates
    bates_prefix: str = ""
    start: int = 1
    label_position: str = "center"  # left | center | right
    group_by_factor: bool = False
    page_size: str = "letter"  # letter | a4
    cover: bool = True
    service: bool = False  # certificate of service as the last page
    manifest: str = "json"  # json | page | none
    title: str = ""  # filing title on the cover; default from the profile
    # Also write a Spanish working copy of the index for the client beside the packet
    # (NAME_indice_es.pdf; not for filing).
    index_es: bool = False
    bates_digits: int = 6  # zero padding of Bates numbers
    letter: bool = True  # the case's request letter (if it has one) after the cover
    timeline: bool = False  # a page with the timeline of the dated evidence after the index


@dataclass
class ExportResult:
    files: list[str] = field(default_factory=list)
    page_count: int = 0
    manifest_path: str | None = None
    index_es_path: str | None = None
    warnings: list[str] = field(default_factory=list)
    sha256: dict[str, str] = field(default_factory=dict)  # file path -> SHA-256
    file_pages: list[int] = field(default_factory=list)  # pages in each of `files`


def _check(options: ExportOptions) -> tuple[LabelStyle, Geometry, int, str]:
    if options.profile not in PROFILES:
        raise InvalidInput("the profile must be eoir, opla or uscis")
    if options.quality not in QUALITIES:
        raise InvalidInput("the quality must be compact or original")
    if options.manifest not in MANIFESTS:
        raise InvalidInput("the manifest must be json, page or none")
    if options.start < 1:
        raise InvalidInput("page numbers start at 1 or more")
    style = LabelStyle(
        options.label, options.bates_prefix, options.bates_digits, options.label_position
    )
    limit_mb = options.max_part_mb or DEFAULT_LIMIT_MB[options.profile]
    if limit_mb < 1:
        raise InvalidInput("the size limit must be at least 1 MB")
    title = " ".join(options.title.split()) or DEFAULT_TITLES[options.profile]
    return style, Geometry.named(options.page_size), int(limit_mb * MB), title


def _layout(
    data: CaseData,
    options: ExportOptions,
    style: LabelStyle,
    geometry: Geometry,
    title: str,
    letter_text: str | None = None,
) -> tuple[list[PlannedPage], TextContent]:
    """Number the pages; the index's length and its page ranges depend on each other, and
    so do the letter's length and its citations ("Ex. C at 14"): repeat until stable. The
    letter's page count only grows between rounds (a short last page is left blank), so
    the rounds end."""
    inner = geometry.width - 2 * MARGIN
    manifest = manifest_table(data, inner) if options.manifest == "page" else None
    manifest_pages = manifest.paginate(geometry.height) if manifest else []
    index_count = 1
    letter_count = 1 if letter_text is not None else 0
    letter = None
    heights: Heights = {}  # index cells measured in an earlier round
    for _ in range(12):
        pages = build_pages(
            data,
            style,
            cover=options.cover,
            index_pages=index_count,
            manifest_pages=len(manifest_pages),
            service=options.service,
            start=options.start,
            letter_pages=letter_count,
            timeline=options.timeline,
        )
        ranges = {
            i: style.range_text(_num(pages[e.first]), _num(pages[e.last]))
            for i, e in enumerate(data.exhibits)
        }
        table = index_table(data, inner, ranges, options.group_by_factor, heights)
        chunks = table.paginate(geometry.height)
        stable = len(chunks) == index_count
        if letter_text is not None:
            places = place_map(data, pages, style)
            letter = lay_out(letter_text, places, geometry.width, geometry.height)
            stable = stable and len(letter.pages) <= letter_count
            letter_count = max(letter_count, len(letter.pages))
        if stable:
            break
        index_count = len(chunks)
    content = TextContent(
        data,
        options.profile,
        title,
        style.position,
        chunks,
        table,
        manifest_pages,
        manifest,
        ranges,
        letter,
    )
    return pages, content


def layout_packet(
    vault: Vault, case_id: int, options: ExportOptions | None = None, letter_text: str | None = None
) -> tuple[CaseData, list[PlannedPage], LabelStyle]:
    """The packet's pages and labels as an export with `options` would make them, without
    reading any evidence (what the letter's citations resolve against)."""
    options = options or ExportOptions()
    style, geometry, _limit, title = _check(options)
    data = load(vault, case_id)
    if letter_text is None:
        letter_text = _letter_text(vault, case_id, options)
    pages, _content = _layout(data, options, style, geometry, title, letter_text)
    return data, pages, style


def _letter_text(vault: Vault, case_id: int, options: ExportOptions) -> str | None:
    if not options.letter:
        return None
    found = get_letter(vault, case_id)
    return found.body if found is not None and found.body.strip() else None


def _timeline_drawing(vault: Vault, case_id: int) -> Drawing:
    """The timeline page, in English like the rest of the packet, as of today."""
    data = load_case(vault, case_id, pages=False)
    return lay_out_timeline(build_timeline(data, dt.date.today(), "en"), "en")


def _num(page: PlannedPage) -> int:
    assert page.number is not None
    return page.number


def export_packet(
    vault: Vault,
    case_id: int,
    output: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the packet (split into _PartN files when over the size limit) and verify it."""
    options = options or ExportOptions()
    progress = progress or Progress()
    style, geometry, limit, title = _check(options)
    target = Path(output)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    if not target.parent.is_dir():
        raise InvalidInput("the folder {folder} does not exist", folder=str(target.parent))
    data = load(vault, case_id)
    letter_text = _letter_text(vault, case_id, options)
    pages, content = _layout(data, options, style, geometry, title, letter_text)
    if options.timeline:
        content.timeline = _timeline_drawing(vault, case_id)
    for factor in BUDGET_FACTORS:
        progress.start(len(pages), "export")
        writer = PartWriter(
            target,
            data,
            pages,
            style,
            title,
            options.group_by_factor,
            LayerPages(pages, content, geometry),
            limit,
            int(limit * factor),
            progress,
            options.quality,
            check=lambda part: _verify(part, pages, style),
        )
        stream = prepared_in_order(Preparer(vault, data, geometry, options.quality), pages)
        # Recorded in the vault before the first byte: a crash mid-way leaves temp files
        # (plaintext) that the next export here or the next unlock removes.
        recorded = vault.writing_to(target.parent, writer.temp_prefix)
        recorded.__enter__()
        try:
            try:
                parts = writer.write(stream)
            finally:
                stream.close()  # stops the image threads now, also on error or cancel
            files = writer.checked()  # each part re-opened and checked (service._verify)
            result = ExportResult(page_count=len(pages))
            manifest_temp = None
            if options.manifest == "json":
                manifest_temp = writer.extra_temp("manifest")
                manifest_mod.write(manifest_temp, manifest_mod.build(data, pages, title, files))
            progress.check()
            _commit(target, parts, manifest_temp, result)
        except Oversize:
            writer.cleanup()
            continue
        except OSError as exc:  # disk full, no permission, a folder where a file goes...
            writer.cleanup()
            if exc.errno in fsync_util.DISK_FULL_ERRNOS:
                raise PdoError(
                    "the disk is full; no packet was written in {folder}",
                    folder=str(target.parent),
                ) from None
            reason = exc.strerror or "the system refused"
            raise PdoError(
                "could not write the packet in {folder}: {reason}",
                folder=str(target.parent),
                reason=reason,
            ) from None
        except BaseException:
            writer.cleanup()
            raise
        finally:
            recorded.__exit__(None, None, None)
        for part, info in zip(parts, files, strict=True):
            result.sha256[str(target.parent / part.name)] = info.sha256
            result.file_pages.append(len(part.pages))
        result.warnings += _warnings(data, target, result.files)
        if options.index_es:
            _write_index_es(
                vault, case_id, target, manifest_mod.build(data, pages, title, files), result
            )
        return result
    raise InvalidInput("the packet could not be split under the size limit")


def _write_index_es(
    vault: Vault, case_id: int, target: Path, manifest: dict, result: ExportResult
) -> None:
    """The client's Spanish copy; the packet is written already, so a failure here is a
    warning, not an error."""
    path = target.with_name(f"{target.stem}_indice_es.pdf")
    try:
        ranges = page_ranges_from_manifest(manifest)
        result.index_es_path = str(write_index_es(vault, case_id, path, page_ranges=ranges))
    except (PdoError, OSError):
        result.warnings.append("the Spanish copy of the index could not be written")


def _verify(part: PartFile, pages: list[PlannedPage], style: LabelStyle) -> OutputFile:
    held = [pages[g] for g in part.pages]
    expected = Expected(
        part.name,
        stamped=[p.label if p.number is not None else None for p in held],
        viewer=[COVER_LABEL if p.number is None else style.viewer_label(p.number) for p in held],
        outline=[(o.title, o.page, 1 if o.parent else 0) for o in part.outline],
        links=[(local, target) for local, _rect, target in part.links],
    )
    digest = check_file(part.temp, expected)
    return OutputFile(part.name, digest, part.temp.stat().st_size, part.pages)


def _commit(
    target: Path, parts: list[PartFile], manifest_temp: Path | None, result: ExportResult
) -> None:
    """Rename the verified temp files into place (same folder: atomic per file)."""
    for part in parts:
        final = target.parent / part.name
        os.replace(part.temp, final)
        result.files.append(str(final))
    if manifest_temp is not None:
        final = target.parent / manifest_mod.manifest_name(target)
        os.replace(manifest_temp, final)
        result.manifest_path = str(final)


def _warnings(data: CaseData, target: Path, files: list[str]) -> list[str]:
    out = []
    for entry in data.exhibits:
        for doc in entry.docs:
            if doc.translation is not None and not doc.translation.translator_name.strip():
                out.append(
                    f"exhibit {entry.exhibit.letter}: the certificate of translation has no "
                    "translator name; fill it in by hand before filing"
                )
    written = {Path(f) for f in files}
    stale = [target] + [
        target.with_name(f"{target.stem}_Part{n}{target.suffix}") for n in range(1, 100)
    ]
    for path in stale:
        if path not in written and path.exists():
            out.append(f"{path.name} is left from an earlier export; it is not part of this one")
    return out
