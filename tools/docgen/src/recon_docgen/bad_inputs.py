"""A corpus of bad uploads, each with the problem a finance user should be told about.

Built in memory at test time (nothing is committed): files that are not what they claim, damaged, locked,
empty, oversized, or bombs that inflate a few kilobytes into gigabytes (PDF content, an image inside a PDF, a
PNG header, a workbook's zip, XML entities), a damaged HEIC photo and a CSV with more rows than any month.
`expect` is a fragment of the per-file error message the extractor must give; every file must fail alone,
within its time and memory bounds.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from fpdf import FPDF
from PIL import Image

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PDF = "application/pdf"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class BadInput:
    name: str
    data: bytes
    media_type: str
    expect: str


def build_pdf(*objects: bytes) -> bytes:
    """A minimal PDF: object 1 is the catalog; offsets in the xref are exact."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def bomb_pdf(inflated: int) -> bytes:
    """One page whose content stream inflates to `inflated` bytes."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
    return build_pdf(CATALOG, ONE_PAGE, page, stream(b" " * inflated))


def form_bomb_pdf(inflated: int) -> bytes:
    """One page drawing a form XObject that inflates to `inflated` bytes."""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /F1 5 0 R >> >> >>"
    )
    form = stream(b" " * inflated, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]")
    return build_pdf(CATALOG, ONE_PAGE, page, stream(b"/F1 Do"), form)


def many_pages_pdf(pages: int) -> bytes:
    """`pages` empty pages in a few kilobytes per hundred."""
    kids = b" ".join(b"%d 0 R" % (3 + k) for k in range(pages))
    tree = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
    return build_pdf(CATALOG, tree, *([page] * pages))


def _locked_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_encryption(owner_password="o", user_password="secret")
    return bytes(pdf.output())


def _png_claiming(width: int, height: int) -> bytes:
    """A valid 1 x 1 PNG whose header is rewritten to claim `width` x `height` pixels."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1), 255).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    body = bytes(data[12:29])
    data[29:33] = zlib.crc32(body).to_bytes(4, "big")
    return bytes(data)


def _truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), (250, 250, 250)).save(buffer, format="JPEG")
    return buffer.getvalue()[:600]


_SHEET_NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_WORKBOOK_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" '
    'sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def workbook(sheet_chunks: Iterable[bytes]) -> bytes:
    """A minimal one-sheet XLSX whose sheet XML is the chunks (streamed into the zip, never held whole)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in sheet_chunks:
                sheet.write(chunk)
    return buffer.getvalue()


def _header_row(*titles: str) -> bytes:
    cells = b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % t.encode() for t in titles)
    return b"<row>" + cells + b"</row>"


def entity_bomb_workbook() -> bytes:
    """Billion laughs: ten nested entities of ten references each, 3 GB of 'lol' from 1 KB."""
    entities = b'<!ENTITY a0 "lol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    header = _header_row("Employee Name", "Transaction Date", "Amount")
    return workbook(
        [b'<?xml version="1.0"?><!DOCTYPE worksheet [', entities, b"]>", _SHEET_NS, header, b"</sheetData></worksheet>"]
    )


def zip_bomb_workbook(inflated: int) -> bytes:
    """A sheet of `inflated` bytes of rows, a few hundred kilobytes zipped."""
    row = _header_row("x") * 1000
    return workbook([_SHEET_NS, *([row] * (inflated // len(row) + 1)), b"</sheetData></worksheet>"])


def image_bomb_pdf(side: int) -> bytes:
    """One page drawing an image that declares `side` x `side` RGB pixels from one mebibyte of data."""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>"
    )
    image = stream(
        b"\0" * (1 << 20),
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8"
        % (side, side),
    )
    return build_pdf(CATALOG, ONE_PAGE, page, stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"), image)


def _damaged_heic() -> bytes:
    """A phone photo's HEIC header (ftyp box, heic brand) over bytes that are no HEVC image."""
    return b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(range(256)) * 16


def _huge_csv(rows: int) -> bytes:
    return b"Employee Name,Transaction Date,Amount,Business Purpose\n" + (
        b"ANNA BROWN,09/03/2025,12.00,Fuel for truck 12 on the Baton Rouge job site\n" * rows
    )


def _not_a_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "a zip archive, not a workbook")
    return buffer.getvalue()


def bad_input_corpus(
    max_pages: int = 2000,
    max_page_mib: int = 32,
    *,
    max_entries: int = 50_000,
    max_workbook_mib: int = 128,
    max_megapixels: int = 50,
) -> list[BadInput]:
    """Every bad upload with the message fragment its refusal must carry (for the given limits)."""
    mib = 1024 * 1024
    pixel_side = int((max_megapixels * 1_000_000) ** 0.5) + 1000
    return [
        BadInput("empty.pdf", b"", PDF, "empty"),
        BadInput("zip-named.pdf", b"PK\x03\x04 an archive", PDF, "not a PDF"),
        BadInput("web-page.pdf", b"<!doctype html><html><body>Statement</body></html>", PDF, "not a PDF"),
        BadInput("truncated.pdf", b"%PDF-1.7\n% cut off in transfer", PDF, "damaged"),
        BadInput("no-pages.pdf", build_pdf(CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"), PDF, "no pages"),
        BadInput("locked.pdf", _locked_pdf(), PDF, "password"),
        BadInput("too-many-pages.pdf", many_pages_pdf(max_pages + 1), PDF, f"more than the limit of {max_pages:,}"),
        BadInput("content-bomb.pdf", bomb_pdf((max_page_mib + 16) * mib), PDF, f"more than {max_page_mib} MiB"),
        BadInput("form-bomb.pdf", form_bomb_pdf((max_page_mib + 16) * mib), PDF, f"more than {max_page_mib} MiB"),
        BadInput("pixel-bomb.png", _png_claiming(60_000, 60_000), "image/png", "megapixel limit"),
        BadInput("truncated.jpg", _truncated_jpeg(), "image/jpeg", "the image is corrupt"),
        BadInput(
            "latin1.csv", "Employee;Amount\nJosé;12,00\n".encode("latin-1"), CSV, "neither UTF-8 text nor a workbook"
        ),
        BadInput("no-columns.csv", b"a,b,c\n1,2,3\n", CSV, "missing"),
        BadInput("not-a-workbook.xlsx", _not_a_workbook(), XLSX, "cannot open the workbook"),
        BadInput("image-bomb.pdf", image_bomb_pdf(pixel_side), PDF, f"over the {max_megapixels} megapixel limit"),
        BadInput("damaged.heic", _damaged_heic(), "image/heic", "not an image that can be read"),
        BadInput("xml-bomb.xlsx", entity_bomb_workbook(), XLSX, "declares entities or a DTD"),
        BadInput("zip-bomb.xlsx", zip_bomb_workbook((max_workbook_mib + 16) * mib), XLSX, f"{max_workbook_mib} MiB"),
        BadInput("huge.csv", _huge_csv(4 * max_entries), CSV, f"more than {max_entries:,} entries"),
        BadInput("huge-field.csv", _huge_csv(1) + b"ANNA," + b"x" * 300_000 + b",12.00\n", CSV, "field larger"),
    ]
