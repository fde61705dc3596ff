"""Generated WEX reports come back exact: every cardholder, line, item and total."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from recon_docgen import wex_layout
from recon_docgen.check import statement_differences as differences
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenStatement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.errors import StatementFormatError, UnreadableDocumentError
from recon_extractor.statements.reader import read_statement


def render(stmt: GenStatement, path: Path, *, doubled_bold: bool = False, interleave: bool = False) -> Path:
    render_wex_statement(stmt, path, doubled_bold=doubled_bold, interleave_columns=interleave)
    return path


@pytest.fixture(scope="module")
def big_statement() -> GenStatement:
    return make_statement(2025, cardholders=120, lines_per_cardholder=(3, 8), credit_ratio=0.08)


def test_five_cardholders_exact(tmp_path: Path) -> None:
    truth = make_statement(1, cardholders=5, credit_ratio=0.2)
    parsed = read_statement(render(truth, tmp_path / "s.pdf"))
    assert differences(truth, parsed) == []
    assert parsed.issuer == "WEX" and parsed.warnings == () and parsed.findings == ()


def test_120_cardholders_exact(tmp_path: Path, big_statement: GenStatement) -> None:
    parsed = read_statement(render(big_statement, tmp_path / "big.pdf"))
    assert len(parsed.cardholders) == 120
    assert differences(big_statement, parsed) == []
    assert parsed.warnings == () and parsed.findings == ()


def test_120_cardholders_with_both_artefacts_exact(tmp_path: Path, big_statement: GenStatement) -> None:
    path = render(big_statement, tmp_path / "big.pdf", doubled_bold=True, interleave=True)
    parsed = read_statement(path)
    assert differences(big_statement, parsed) == []
    assert parsed.warnings == () and parsed.findings == ()


def test_progress_is_reported_per_page(tmp_path: Path) -> None:
    truth = make_statement(3, cardholders=6, lines_per_cardholder=(5, 30))
    calls: list[tuple[int, int]] = []
    read_statement(render(truth, tmp_path / "s.pdf"), on_page=lambda n, total: calls.append((n, total)))
    pages = len(wex_layout.paginate(truth))
    assert calls == [(n, pages) for n in range(1, pages + 1)]


def test_reads_from_a_stream(tmp_path: Path) -> None:
    truth = make_statement(4, cardholders=2)
    data = render(truth, tmp_path / "s.pdf").read_bytes()
    assert differences(truth, read_statement(io.BytesIO(data))) == []


def test_a_receipt_is_not_a_wex_report(tmp_path: Path) -> None:
    from recon_docgen.receipt_pdf import render_receipt
    from recon_docgen.scenario import receipt_for

    stmt = make_statement(4, cardholders=1)
    render_receipt(receipt_for(stmt.lines[0], 4), tmp_path / "r.pdf")
    with pytest.raises(StatementFormatError, match="not a card statement"):
        read_statement(tmp_path / "r.pdf")


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", b"%PDF-1.7\n% truncated"])
def test_garbage_is_unreadable(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocumentError):
        read_statement(path)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocumentError):
        read_statement(tmp_path / "nope.pdf")


def test_owner_password_pdf_opens_without_a_password(tmp_path: Path) -> None:
    truth = make_statement(4, cardholders=2)
    render_wex_statement(truth, tmp_path / "s.pdf", owner_password="secret")
    assert differences(truth, read_statement(tmp_path / "s.pdf")) == []


def test_user_password_pdf_is_unreadable(tmp_path: Path) -> None:
    render_wex_statement(make_statement(4, cardholders=1), tmp_path / "s.pdf", user_password="secret")
    with pytest.raises(UnreadableDocumentError, match="password"):
        read_statement(tmp_path / "s.pdf")
