"""Bad input is refused before extraction, each with its own error and a message naming the problem."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from recon_docgen.bad_inputs import CATALOG, bomb_pdf, build_pdf, form_bomb_pdf
from recon_docgen.consumer_pdf import make_consumer_statement, render_consumer_statement
from recon_extractor.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    ExtractionError,
    NotAPdfError,
    OversizedContentError,
    PasswordProtectedError,
    TooManyPagesError,
)
from recon_extractor.pdf.limits import Limits, check_pdf_limits
from recon_extractor.statements.reader import read_statement

MIB = 1024 * 1024


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
        read_statement(path)


def test_a_password_we_do_not_have_is_named(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    render_consumer_statement(make_consumer_statement("amex", 1), path)
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_encryption(owner_password="o", user_password="secret")
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(PasswordProtectedError, match="password"):
        read_statement(path)


def test_an_owner_only_password_is_not_a_problem(tmp_path: Path) -> None:
    facts = check_pdf_limits(statement_pdf(tmp_path, owner_password="owner"))
    assert facts.pages >= 2 and facts.content_checked


def test_the_page_cap_names_the_count_and_the_limit(tmp_path: Path) -> None:
    path = statement_pdf(tmp_path)
    pages = check_pdf_limits(path).pages
    with pytest.raises(TooManyPagesError, match=f"{pages} pages, more than the limit of {pages - 1}"):
        read_statement(path, limits=Limits(max_pages=pages - 1))
    assert read_statement(path, limits=Limits(max_pages=pages)).lines


@pytest.mark.parametrize("build", [bomb_pdf, form_bomb_pdf])
def test_decompression_bombs_are_refused_in_bounded_time(tmp_path: Path, build: object) -> None:
    path = write(tmp_path, build(48 * MIB))  # type: ignore[operator]
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    with pytest.raises(OversizedContentError, match=r"page 1.*more than 8 MiB"):
        check_pdf_limits(path, max_bytes=8 * MIB)
    assert time.perf_counter() - started < 2.0
    with pytest.raises(OversizedContentError):
        read_statement(path, limits=Limits(max_page_bytes=8 * MIB))


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
