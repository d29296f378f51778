"""Size limit: _PartN files, split between exhibits, labels continuing; errors and
cancellation leave nothing behind."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from pypdf import PdfReader
from test_export_support import add_image, have, run

from pdorganizer.core.errors import Cancelled, PdoError
from pdorganizer.core.progress import Progress
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.export.verify import last_shown_text
from pdorganizer.vault import CHEAP_PARAMS, Vault

MB = 1024 * 1024


def noise_jpeg(seed: int, size: tuple[int, int] = (700, 900), quality: int = 90) -> bytes:
    im = Image.effect_noise(size, 60 + seed % 7).convert("RGB")
    out = io.BytesIO()
    im.save(out, "JPEG", quality=quality)
    return out.getvalue()


@pytest.fixture(scope="module")
def split_case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("split")
    vault = Vault.create(folder / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    for i in range(8):
        add_image(vault, case.id, f"Photo {i}", noise_jpeg(i), "image/jpeg")
    # One exhibit bigger than a whole part: it has to be cut between pages.
    big = [vault.documents.list(case.id)[-1].id]
    for i in range(5):
        big.append(add_image(vault, case.id, f"Album {i}", noise_jpeg(20 + i), "image/jpeg").id)
    docs = [d.id for d in vault.documents.list(case.id)]
    groups = [[d] for d in docs[:7]] + [big]
    vault.exhibits.set(case.id, groups, [f"Exhibit {i}" for i in range(len(groups))])
    out = folder / "split.pdf"
    result = export_packet(
        vault, case.id, out, ExportOptions(quality="original", max_part_mb=1, label="bates")
    )
    yield vault, case, folder, result
    vault.close()


def test_parts_named_and_under_the_limit(split_case):
    _vault, _case, folder, result = split_case
    names = [p.rsplit("/", 1)[-1] for p in result.files]
    assert len(names) >= 3
    assert names == [f"split_Part{i}.pdf" for i in range(1, len(names) + 1)]
    assert not (folder / "split.pdf").exists()
    for path in result.files:
        assert (folder / path).stat().st_size <= MB
        if have("qpdf"):
            assert "No syntax or stream encoding errors" in run("qpdf", "--check", path)
    manifest = json.loads((folder / "split.manifest.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in manifest["files"]] == names


def test_labels_continue_across_parts(split_case):
    *_, result = split_case
    stamped, viewer = [], []
    for path in result.files:
        reader = PdfReader(path)
        stamped += [last_shown_text(p) for p in reader.pages]
        viewer += list(reader.page_labels)
    n = len(stamped)
    assert stamped[1:] == [f"{k:06d}" for k in range(1, n)]
    assert viewer == ["Cover", *stamped[1:]]
    assert sum(result.file_pages) == n == result.page_count


def _exhibit_pages(result) -> dict[str, set[int]]:
    """exhibit letter -> the parts its pages are in (from slip sheets and outline)."""
    where: dict[str, set[int]] = {}
    for part, path in enumerate(result.files):
        reader = PdfReader(path)
        for item in reader.outline:
            if not isinstance(item, list) and item.title.startswith("Exhibit "):
                where.setdefault(item.title.split()[1].rstrip(":"), set()).add(part)
    return where


def test_split_between_exhibits_only_the_big_one_is_cut(split_case):
    *_, result = split_case
    where = _exhibit_pages(result)
    assert sorted(where) == list("ABCDEFGH")
    cut = {letter for letter, parts in where.items() if len(parts) > 1}
    assert cut == {"H"}
    last = PdfReader(result.files[-1])
    assert any("(continued)" in o.title for o in last.outline if not isinstance(o, list))


def test_index_links_reach_other_parts(split_case):
    _vault, _case, folder, result = split_case
    first = PdfReader(result.files[0])
    texts = {}
    links = []
    for page in first.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if "/A" in annot:
                links.append((str(annot["/A"]["/F"]), int(annot["/A"]["/D"][0])))
    assert links, "exhibits in later parts are linked with GoToR"
    for name, page in links:
        texts.setdefault(name, [p.extract_text() for p in PdfReader(folder / name).pages])
        assert "EXHIBIT" in texts[name][page]


def test_single_page_over_the_limit_names_the_exhibit(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    add_image(vault, case.id, "Huge", noise_jpeg(1, (1400, 1400), 97), "image/jpeg")
    with pytest.raises(PdoError, match=r"exhibit A alone is too large for the 1 MB.*compact"):
        export_packet(
            vault, case.id, tmp_path / "x.pdf", ExportOptions(quality="original", max_part_mb=1)
        )
    add_image(vault, case.id, "Noise", noise_jpeg(2, (3000, 4000), 95), "image/jpeg")
    with pytest.raises(PdoError, match="too large for the 1 MB file size limit; raise the size"):
        export_packet(
            vault, case.id, tmp_path / "x.pdf", ExportOptions(quality="compact", max_part_mb=1)
        )
    vault.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.pdvault"]


def test_cancelled_export_leaves_nothing(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    for i in range(4):
        add_image(vault, case.id, f"P{i}", noise_jpeg(i, (300, 400)), "image/jpeg")
    seen = []

    def on_step(done: int, total: int, _label: str) -> None:
        seen.append((done, total))
        if done == 5:
            progress.cancel()

    progress = Progress(on_step)
    with pytest.raises(Cancelled):
        export_packet(vault, case.id, tmp_path / "x.pdf", progress=progress)
    vault.close()
    assert seen[0] == (0, 10)  # cover, index, 4 x (slip + page)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.pdvault"]


def _pdf_with_photo(seed: int) -> bytes:
    """Page 1: a big noisy photo; page 2: a line of text (uneven pages of one PDF)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(noise_jpeg(seed))), 36, 36, 500, 700)
    c.showPage()
    c.drawString(72, 720, f"Statement {seed}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_sources_split_under_the_limit(tmp_path):
    from pdorganizer.vault.repos import NewPage, NewSource

    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    for i in range(4):
        data = _pdf_with_photo(i)
        pages = [NewPage(0, 0, 612.0, 792.0), NewPage(0, 1, 612.0, 792.0)]
        src = NewSource(data, f"{i:064d}", "application/pdf")
        vault.documents.add(case.id, f"Statement {i}", [src], pages)
    out = tmp_path / "out" / "p.pdf"
    out.parent.mkdir()
    result = export_packet(vault, case.id, out, ExportOptions(max_part_mb=1))
    vault.close()
    assert len(result.files) >= 2
    labels = []
    for path in result.files:
        assert (tmp_path / "out" / path).stat().st_size <= MB
        labels += [last_shown_text(p) for p in PdfReader(path).pages]
    assert labels[1:] == [str(k) for k in range(1, len(labels))]


def test_grouped_parts_each_have_factor_headings(tmp_path):
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    case = vault.cases.add("Ana")
    for i in range(5):
        factor = ["identity", "presence"][i % 2]
        add_image(vault, case.id, f"P{i}", noise_jpeg(i), "image/jpeg", factors=[factor])
    out = tmp_path / "out" / "g.pdf"
    out.parent.mkdir()
    options = ExportOptions(quality="original", max_part_mb=1, group_by_factor=True)
    result = export_packet(vault, case.id, out, options)
    vault.close()
    assert len(result.files) >= 3
    headings = {"Identity and age", "Long presence in the U.S."}
    for n, path in enumerate(result.files):
        outline = PdfReader(path).outline
        items = [o for o in outline if not isinstance(o, list)]
        if n == 0:
            assert [o.title for o in items[:2]] == ["Cover", "Index of Exhibits"]
            items = items[2:]
        assert items and all(o.title in headings for o in items)
        nested = [o for o in outline if isinstance(o, list)]
        assert all(e.title.startswith("Exhibit ") for group in nested for e in group)
