"""Bad input is refused before extraction, each with its own error and a message naming the problem."""

from __future__ import annotations

import io
import time
import zlib
from pathlib import Path

import pytest
from recon_docgen.consumer_pdf import make_consumer_statement, render_consumer_statement
from recon_extractor.domain.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    ExtractionError,
    NotAPdfError,
    OversizedContentError,
    PasswordProtectedError,
    TooManyPagesError,
)
from recon_extractor.domain.extract_statement import extract_statement
from recon_extractor.domain.pdf_limits import check_pdf_limits

MIB = 1024 * 1024


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


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def bomb_pdf(inflated: int) -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
    return build_pdf(CATALOG, ONE_PAGE, page, stream(b" " * inflated))


def form_bomb_pdf(inflated: int) -> bytes:
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /F1 5 0 R >> >> >>"
    )
    form = stream(b" " * inflated, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]")
    return build_pdf(CATALOG, ONE_PAGE, page, stream(b"/F1 Do"), form)


def write(tmp_path: Path, data: bytes, name: str = "f.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def statement_pdf(tmp_path: Path, **render: str) -> Path:
    path = tmp_path / "s.pdf"
    render_consumer_statement(
        make_consumer_statement("chase", 1, cardholders=3, lines_per_cardholder=(30, 40)), path, **render
    )
    return path


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", NotAPdfError, "empty"),
        (b"PK\x03\x04 a zip file, not a pdf", NotAPdfError, "not a PDF"),
        (b"%PDF-1.7\n% truncated", CorruptDocumentError, "damaged"),
        (build_pdf(CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"), EmptyDocumentError, "no pages"),
    ],
)
def test_unreadable_files_get_their_own_error(
    tmp_path: Path, data: bytes, error: type[Exception], message: str
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(error, match=message):
        check_pdf_limits(path)
    with pytest.raises(error):
        extract_statement(path)


def test_a_password_we_do_not_have_is_named(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    render_consumer_statement(make_consumer_statement("amex", 1), path)
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_encryption(owner_password="o", user_password="secret")
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(PasswordProtectedError, match="password"):
        extract_statement(path)


def test_an_owner_only_password_is_not_a_problem(tmp_path: Path) -> None:
    facts = check_pdf_limits(statement_pdf(tmp_path, owner_password="owner"))
    assert facts.pages >= 2 and facts.content_checked


def test_the_page_cap_names_the_count_and_the_limit(tmp_path: Path) -> None:
    path = statement_pdf(tmp_path)
    pages = check_pdf_limits(path).pages
    with pytest.raises(TooManyPagesError, match=f"{pages} pages, more than the limit of {pages - 1}"):
        extract_statement(path, max_pages=pages - 1)
    assert extract_statement(path, max_pages=pages).lines


@pytest.mark.parametrize("build", [bomb_pdf, form_bomb_pdf])
def test_decompression_bombs_are_refused_in_bounded_time(tmp_path: Path, build: object) -> None:
    path = write(tmp_path, build(48 * MIB))  # type: ignore[operator]
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    with pytest.raises(OversizedContentError, match=r"page 1.*more than 8 MiB"):
        check_pdf_limits(path, max_bytes=8 * MIB)
    assert time.perf_counter() - started < 2.0
    with pytest.raises(OversizedContentError):
        extract_statement(path, max_page_bytes=8 * MIB)


def test_content_under_the_cap_passes(tmp_path: Path) -> None:
    assert check_pdf_limits(write(tmp_path, bomb_pdf(2 * MIB)), max_bytes=8 * MIB).content_checked


def test_streams_are_checked_and_left_where_they_were(tmp_path: Path) -> None:
    data = statement_pdf(tmp_path).read_bytes()
    source = io.BytesIO(data)
    assert check_pdf_limits(source).pages >= 2 and source.tell() == 0
    with pytest.raises(NotAPdfError):
        check_pdf_limits(io.BytesIO(b"hello"))


def test_every_refusal_is_an_extraction_error() -> None:
    for error in (
        NotAPdfError,
        CorruptDocumentError,
        PasswordProtectedError,
        EmptyDocumentError,
        TooManyPagesError,
        OversizedContentError,
    ):
        assert issubclass(error, ExtractionError)
