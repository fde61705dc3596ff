"""A corpus of bad uploads, each with the problem a finance user should be told about.

Built in memory at test time (nothing is committed): files that are not what they claim, damaged, locked,
empty, oversized, or bombs that inflate a few kilobytes into gigabytes. `expect` is a fragment of the
per-file error message the extractor must give; every file must fail alone, within its time and memory
bounds.
"""

from __future__ import annotations

import io
import zipfile
import zlib
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


def _not_a_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "a zip archive, not a workbook")
    return buffer.getvalue()


def bad_input_corpus(max_pages: int = 2000, max_page_mib: int = 32) -> list[BadInput]:
    """Every bad upload with the message fragment its refusal must carry (for the given limits)."""
    mib = 1024 * 1024
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
        BadInput("not-a-workbook.xlsx", _not_a_workbook(), XLSX, "cannot open workbook"),
    ]
