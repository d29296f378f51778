"""Item 5 of issue 10: no private data from a source PDF reaches the packet.

One PDF holds a unique marker in every place a PDF can hold private data; it goes through
the real import and export (both qualities), and the packet, with every stream
decompressed by qpdf, is searched for each marker. What the page shows (its text, a
filled-in field's appearance) must still be there."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.ingest.service import import_files
from pdorganizer.vault import CHEAP_PARAMS, Vault

PREFIX = "PDOLEAK"
PLACES = [
    "INFOAUTHOR", "INFOCREATOR", "INFOPRODUCER", "INFOCUSTOM", "CATXMP", "PAGEXMP",
    "FORMXMP", "IMGXMP", "FONTXMP", "FDXMP", "PAGEPIECE", "FORMPIECE", "PTEXINFO",
    "PTEXFILE", "CREATORINFO", "PAGEPRIV", "RESPRIV", "FORMPRIV", "IMGPRIV", "FONTPRIV",
    "ANNOTCONTENTS", "ANNOTT", "ANNOTNM", "POPUP", "FIELDVALUE", "FIELDNAME", "EFNAME",
    "EFDESC", "EFDATA", "JS", "OPENACTION", "OCGNAME", "OCCONFIG", "MCPROPS", "STRUCTT",
    "STRUCTALT", "NAMEDDEST", "THREAD", "OUTLINE", "PAGELABEL", "JPEGEXIF", "APPRIV",
    "GSPRIV", "LASTMOD", "URI", "JPXXML", "JPXUUID", "JPXCOM",
    "MCINLINE", "FORMMCINLINE",
]  # fmt: skip


def m(place: str) -> str:
    return f"{PREFIX}{place}X"


def _t(place: str) -> TextStringObject:
    return TextStringObject(m(place))


def _n(key: str) -> NameObject:
    return NameObject(key)


def _xmp(writer: PdfWriter, place: str) -> object:
    s = DecodedStreamObject()
    s[_n("/Type")] = _n("/Metadata")
    s[_n("/Subtype")] = _n("/XML")
    s.set_data(f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><a>{m(place)}</a></x:xmpmeta>'.encode())
    return writer._add_object(s)


def _jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[270] = m("JPEGEXIF")  # ImageDescription
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _jp2_with_metadata() -> bytes:
    """A JP2 file with an XML box, an XMP uuid box and a codestream comment."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (20, 160, 20)).save(out, "JPEG2000", comment=m("JPXCOM").encode())
    data = out.getvalue()
    pos = 0
    while data[pos + 4 : pos + 8] != b"jp2c":
        pos += struct.unpack(">I", data[pos : pos + 4])[0]
    xml = f"<x>{m('JPXXML')}</x>".encode()
    xmp = bytes.fromhex("be7acfcb97a942e89c71999491e3afac") + m("JPXUUID").encode()
    boxes = struct.pack(">I4s", len(xml) + 8, b"xml ") + xml
    boxes += struct.pack(">I4s", len(xmp) + 8, b"uuid") + xmp
    return data[:pos] + boxes + data[pos:]


def leaky_pdf() -> bytes:
    w = PdfWriter()
    page = w.add_blank_page(612, 792)
    w.add_metadata(
        {
            "/Author": m("INFOAUTHOR"),
            "/Creator": m("INFOCREATOR"),
            "/Producer": m("INFOPRODUCER"),
            "/Custom": m("INFOCUSTOM"),
        }
    )
    root = w._root_object
    root[_n("/Metadata")] = _xmp(w, "CATXMP")

    fd = DictionaryObject(
        {
            _n("/Type"): _n("/FontDescriptor"),
            _n("/FontName"): _n("/Helvetica"),
            _n("/Flags"): NumberObject(32),
            _n("/FontBBox"): ArrayObject([NumberObject(v) for v in (-166, -225, 1000, 931)]),
            _n("/ItalicAngle"): NumberObject(0),
            _n("/Ascent"): NumberObject(718),
            _n("/Descent"): NumberObject(-207),
            _n("/CapHeight"): NumberObject(718),
            _n("/StemV"): NumberObject(88),
            _n("/Metadata"): _xmp(w, "FDXMP"),
        }
    )
    font = DictionaryObject(
        {
            _n("/Type"): _n("/Font"),
            _n("/Subtype"): _n("/Type1"),
            _n("/BaseFont"): _n("/Helvetica"),
            _n("/Encoding"): _n("/WinAnsiEncoding"),
            _n("/FontDescriptor"): w._add_object(fd),
            _n("/Metadata"): _xmp(w, "FONTXMP"),
            _n("/PrivateNote"): _t("FONTPRIV"),
        }
    )
    font_ref = w._add_object(font)

    img = StreamObject()
    img.update(
        {
            _n("/Type"): _n("/XObject"),
            _n("/Subtype"): _n("/Image"),
            _n("/Width"): NumberObject(2),
            _n("/Height"): NumberObject(2),
            _n("/ColorSpace"): _n("/DeviceRGB"),
            _n("/BitsPerComponent"): NumberObject(8),
            _n("/Filter"): _n("/FlateDecode"),
            _n("/Metadata"): _xmp(w, "IMGXMP"),
            _n("/Name"): _n("/" + m("IMGPRIV")),
            _n("/Owner"): _t("IMGPRIV"),
        }
    )
    img._data = zlib.compress(bytes([0, 0, 255] * 4))
    jpeg = StreamObject()
    jpeg.update(
        {
            _n("/Type"): _n("/XObject"),
            _n("/Subtype"): _n("/Image"),
            _n("/Width"): NumberObject(8),
            _n("/Height"): NumberObject(8),
            _n("/ColorSpace"): _n("/DeviceRGB"),
            _n("/BitsPerComponent"): NumberObject(8),
            _n("/Filter"): _n("/DCTDecode"),
        }
    )
    jpeg._data = _jpeg_with_exif()
    jpx = StreamObject()
    jpx.update(
        {
            _n("/Type"): _n("/XObject"),
            _n("/Subtype"): _n("/Image"),
            _n("/Width"): NumberObject(16),
            _n("/Height"): NumberObject(16),
            _n("/Filter"): _n("/JPXDecode"),
        }
    )
    jpx._data = _jp2_with_metadata()

    form = DecodedStreamObject()
    form.update(
        {
            _n("/Type"): _n("/XObject"),
            _n("/Subtype"): _n("/Form"),
            _n("/BBox"): ArrayObject([NumberObject(v) for v in (0, 0, 100, 100)]),
            _n("/Resources"): DictionaryObject(
                {_n("/XObject"): DictionaryObject({_n("/Im1"): w._add_object(img)})}
            ),
            _n("/PTEX.InfoDict"): DictionaryObject({_n("/Author"): _t("PTEXINFO")}),
            _n("/PTEX.FileName"): _t("PTEXFILE"),
            _n("/PTEX.PageNumber"): NumberObject(1),
            _n("/PieceInfo"): DictionaryObject(
                {_n("/Illustrator"): DictionaryObject({_n("/Private"): _t("FORMPIECE")})}
            ),
            _n("/LastModified"): _t("LASTMOD"),
            _n("/Metadata"): _xmp(w, "FORMXMP"),
            _n("/Secret"): _t("FORMPRIV"),
        }
    )
    form.set_data(
        b"/Figure <</Alt (" + m("FORMMCINLINE").encode() + b")>> BDC"
        b" q 100 0 0 100 0 0 cm /Im1 Do Q EMC"
    )

    ocg = w._add_object(
        DictionaryObject(
            {
                _n("/Type"): _n("/OCG"),
                _n("/Name"): _t("OCGNAME"),
                _n("/Usage"): DictionaryObject(
                    {
                        _n("/CreatorInfo"): DictionaryObject(
                            {_n("/Creator"): _t("CREATORINFO"), _n("/Subtype"): _n("/Artwork")}
                        )
                    }
                ),
            }
        )
    )
    gs = DictionaryObject(
        {_n("/Type"): _n("/ExtGState"), _n("/CA"): FloatObject(1), _n("/Note"): _t("GSPRIV")}
    )
    resources = DictionaryObject(
        {
            _n("/Font"): DictionaryObject({_n("/F1"): font_ref}),
            _n("/XObject"): DictionaryObject(
                {
                    _n("/Fm1"): w._add_object(form),
                    _n("/Jp1"): w._add_object(jpeg),
                    _n("/Jx1"): w._add_object(jpx),
                }
            ),
            _n("/ExtGState"): DictionaryObject({_n("/GS1"): gs}),
            _n("/Properties"): DictionaryObject(
                {
                    _n("/OC1"): ocg,
                    _n("/MC0"): DictionaryObject({_n("/Title"): _t("MCPROPS")}),
                }
            ),
            _n("/Private"): _t("RESPRIV"),
        }
    )
    page[_n("/Resources")] = resources
    content = DecodedStreamObject()
    content.set_data(
        b"/GS1 gs BT /F1 24 Tf 72 700 Td (Source page visible) Tj ET\n"
        b"/OC /OC1 BDC q 1 0 0 1 72 400 cm /Fm1 Do Q EMC\n"
        b"/Span /MC0 BDC q 50 0 0 50 300 400 cm /Jp1 Do Q EMC\n"
        b"q 60 0 0 60 400 500 cm /Jx1 Do Q\n"
        b"/Span <</ActualText (" + m("MCINLINE").encode() + b") /MCID 0>> BDC EMC\n"
    )
    page[_n("/Contents")] = w._add_object(content)
    page[_n("/PieceInfo")] = DictionaryObject(
        {_n("/App"): DictionaryObject({_n("/Private"): _t("PAGEPIECE")})}
    )
    page[_n("/Metadata")] = _xmp(w, "PAGEXMP")
    page[_n("/PrivateKey")] = _t("PAGEPRIV")

    # a filled-in form field: its value and name must not leak, its appearance must show
    ap = DecodedStreamObject()
    ap.update(
        {
            _n("/Type"): _n("/XObject"),
            _n("/Subtype"): _n("/Form"),
            _n("/BBox"): ArrayObject([NumberObject(v) for v in (0, 0, 200, 20)]),
            _n("/Resources"): DictionaryObject(
                {_n("/Font"): DictionaryObject({_n("/Helv"): font_ref})}
            ),
            _n("/Private"): _t("APPRIV"),
        }
    )
    ap.set_data(b"/Tx BMC BT /Helv 12 Tf 2 5 Td (Filled in value shown) Tj ET EMC")
    widget = w._add_object(
        DictionaryObject(
            {
                _n("/Type"): _n("/Annot"),
                _n("/Subtype"): _n("/Widget"),
                _n("/FT"): _n("/Tx"),
                _n("/Rect"): ArrayObject([NumberObject(v) for v in (72, 300, 272, 320)]),
                _n("/T"): _t("FIELDNAME"),
                _n("/V"): _t("FIELDVALUE"),
                _n("/F"): NumberObject(4),
                _n("/AP"): DictionaryObject({_n("/N"): w._add_object(ap)}),
                _n("/P"): page.indirect_reference,
            }
        )
    )
    popup = w._add_object(
        DictionaryObject(
            {
                _n("/Type"): _n("/Annot"),
                _n("/Subtype"): _n("/Popup"),
                _n("/Rect"): ArrayObject([NumberObject(v) for v in (300, 600, 400, 700)]),
                _n("/Contents"): _t("POPUP"),
            }
        )
    )
    note = w._add_object(
        DictionaryObject(
            {
                _n("/Type"): _n("/Annot"),
                _n("/Subtype"): _n("/Text"),
                _n("/Rect"): ArrayObject([NumberObject(v) for v in (300, 700, 320, 720)]),
                _n("/Contents"): _t("ANNOTCONTENTS"),
                _n("/T"): _t("ANNOTT"),
                _n("/NM"): _t("ANNOTNM"),
                _n("/Popup"): popup,
            }
        )
    )
    link = w._add_object(
        DictionaryObject(
            {
                _n("/Type"): _n("/Annot"),
                _n("/Subtype"): _n("/Link"),
                _n("/Rect"): ArrayObject([NumberObject(v) for v in (72, 100, 200, 120)]),
                _n("/A"): DictionaryObject({_n("/S"): _n("/URI"), _n("/URI"): _t("URI")}),
            }
        )
    )
    page[_n("/Annots")] = ArrayObject([widget, note, popup, link])
    root[_n("/AcroForm")] = DictionaryObject(
        {_n("/Fields"): ArrayObject([widget]), _n("/NeedAppearances"): BooleanObject(False)}
    )

    ef = DecodedStreamObject()
    ef[_n("/Type")] = _n("/EmbeddedFile")
    ef.set_data(m("EFDATA").encode())
    spec = DictionaryObject(
        {
            _n("/Type"): _n("/Filespec"),
            _n("/F"): _t("EFNAME"),
            _n("/UF"): _t("EFNAME"),
            _n("/Desc"): _t("EFDESC"),
            _n("/EF"): DictionaryObject({_n("/F"): w._add_object(ef)}),
        }
    )
    js = DictionaryObject({_n("/S"): _n("/JavaScript"), _n("/JS"): _t("JS")})
    dest = ArrayObject([page.indirect_reference, _n("/Fit")])
    root[_n("/Names")] = DictionaryObject(
        {
            _n("/EmbeddedFiles"): DictionaryObject(
                {_n("/Names"): ArrayObject([_t("EFNAME"), w._add_object(spec)])}
            ),
            _n("/JavaScript"): DictionaryObject(
                {_n("/Names"): ArrayObject([TextStringObject("js"), w._add_object(js)])}
            ),
            _n("/Dests"): DictionaryObject({_n("/Names"): ArrayObject([_t("NAMEDDEST"), dest])}),
        }
    )
    root[_n("/OpenAction")] = DictionaryObject(
        {_n("/S"): _n("/JavaScript"), _n("/JS"): _t("OPENACTION")}
    )
    root[_n("/OCProperties")] = DictionaryObject(
        {
            _n("/OCGs"): ArrayObject([ocg]),
            _n("/D"): DictionaryObject(
                {_n("/Name"): _t("OCCONFIG"), _n("/Order"): ArrayObject([ocg])}
            ),
        }
    )
    root[_n("/StructTreeRoot")] = w._add_object(
        DictionaryObject(
            {
                _n("/Type"): _n("/StructTreeRoot"),
                _n("/K"): DictionaryObject(
                    {
                        _n("/S"): _n("/P"),
                        _n("/T"): _t("STRUCTT"),
                        _n("/Alt"): _t("STRUCTALT"),
                    }
                ),
            }
        )
    )
    root[_n("/Threads")] = ArrayObject(
        [
            w._add_object(
                DictionaryObject({_n("/I"): DictionaryObject({_n("/Title"): _t("THREAD")})})
            )
        ]
    )
    root[_n("/PageLabels")] = DictionaryObject(
        {_n("/Nums"): ArrayObject([NumberObject(0), DictionaryObject({_n("/P"): _t("PAGELABEL")})])}
    )
    w.add_outline_item(m("OUTLINE"), 0)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _needles(place: str) -> list[bytes]:
    raw = m(place).encode()
    return [raw, raw.hex().encode(), raw.hex().upper().encode(), m(place).encode("utf-16-be")]


def _found(data: bytes) -> list[str]:
    return [p for p in PLACES if any(n in data for n in _needles(p))]


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="needs qpdf")
def test_the_source_holds_every_marker():
    """The test is only as good as its source: each marker really is in it."""
    data = leaky_pdf()
    opened = _qdf(data)
    jpeg_found = m("JPEGEXIF").encode() in _jpeg_with_exif()
    missing = set(PLACES) - set(_found(opened)) - ({"JPEGEXIF"} if jpeg_found else set())
    assert missing == set()


def _qdf(data: bytes) -> bytes:
    """The file with every stream qpdf can decode decoded, no object streams."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.pdf"
        path.write_bytes(data)
        result = subprocess.run(
            ["qpdf", "--qdf", "--object-streams=disable", str(path), "-"],
            capture_output=True,
            check=False,
        )
    assert result.returncode in (0, 3), result.stderr  # 3: warnings
    return result.stdout


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="needs qpdf")
@pytest.mark.parametrize("quality", ["original", "compact"])
def test_no_source_metadata_reaches_the_packet(tmp_path: Path, quality: str):
    source = tmp_path / "leaky.pdf"
    source.write_bytes(leaky_pdf())
    vault = Vault.create(tmp_path / "v.pdvault", "pw", CHEAP_PARAMS)
    try:
        case = vault.cases.add("Ana")
        [result] = import_files(vault, case.id, [source])
        assert result.status == "imported", result.message
        out = tmp_path / "packet.pdf"
        export_packet(vault, case.id, out, ExportOptions(quality=quality))
    finally:
        vault.close()
    packet = out.read_bytes()
    assert _found(_qdf(packet)) == []
    assert _found(packet) == []

    doc = pdfium.PdfDocument(packet)
    try:
        im = doc[len(doc) - 1].render(scale=0.5).to_pil().convert("RGB")
    finally:
        doc.close()
    greens = sum(1 for r, g, b in im.getdata() if g > 120 and r < 60 and b < 60)
    assert greens > 20  # the cleaned JPEG 2000 image still draws

    reader = PdfReader(out)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Source page visible" in text
    assert "Filled in value shown" in text  # the field's appearance is drawn in
    # the packet's own metadata: its title only
    assert set(reader.trailer["/Info"].get_object().keys()) == {"/Title"}
    assert "/ID" not in reader.trailer
    root = reader.trailer["/Root"].get_object()
    assert not {"/Metadata", "/Names", "/OpenAction", "/AcroForm", "/StructTreeRoot"} & set(
        root.keys()
    )
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            assert annot.get_object()["/Subtype"] == "/Link"  # only the index's own links
    # the source's layer came along renamed, visible as in the source
    layers = root["/OCProperties"]["/OCGs"]
    assert [str(ref.get_object()["/Name"]) for ref in layers] == ["Layer"]


def test_the_packet_check_refuses_metadata_that_slipped_through(tmp_path: Path):
    from pdorganizer.export.verify import VerificationFailed, _check_metadata

    w = PdfWriter()
    w.add_blank_page(612, 792)
    w.add_metadata({"/Title": "Packet"})
    del w._info.get_object()[_n("/Producer")]  # what assemble does: its title only
    clean = io.BytesIO()
    w.write(clean)
    _check_metadata(PdfReader(clean), "p.pdf")  # a title only: fine
    w.add_metadata({"/Author": "Someone"})
    w._root_object[_n("/OpenAction")] = DictionaryObject({_n("/S"): _n("/JavaScript")})
    leaky = io.BytesIO()
    w.write(leaky)
    with pytest.raises(VerificationFailed):
        _check_metadata(PdfReader(leaky), "p.pdf")
