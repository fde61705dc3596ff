"""When a finished session needs a person: open findings, corrected statements, no statement at all."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from recon_gateway.domain.attention import FileState, attention_reasons, open_findings

MARCH = (date(2025, 3, 1), date(2025, 3, 31))
T0 = datetime(2025, 4, 2, tzinfo=UTC)
FINDING = {"kind": "total_mismatch", "message": "report: Report Totals net 10.00 != 12.00", "page": None}


def _statement(name: str, minutes: int, findings: list[dict[str, object]] = (), **kw: object) -> FileState:  # type: ignore[assignment]
    return FileState(
        upload_id=uuid.uuid4(),
        filename=name,
        document_kind="statement",
        status="extracted",
        error=None,
        finished_at=T0 + timedelta(minutes=minutes),
        period=MARCH,
        findings=findings,
        **kw,  # type: ignore[arg-type]
    )


def test_a_clean_statement_needs_nobody() -> None:
    assert attention_reasons([_statement("card.pdf", 0)]) == []


def test_findings_need_a_reviewer_until_accepted() -> None:
    flagged = _statement("card.pdf", 0, [FINDING, FINDING])
    assert attention_reasons([flagged]) == [
        "2 finding(s) in card.pdf need a reviewer: accept them or upload a corrected statement; "
        "the AP import is withheld until then"
    ]
    assert attention_reasons([_statement("card.pdf", 0, [FINDING], accepted=True)]) == []


def test_a_later_clean_statement_of_the_period_corrects_the_flagged_one() -> None:
    flagged = _statement("card.pdf", 5, [FINDING])
    assert list(open_findings([flagged, _statement("fixed.pdf", 10)])) == []
    assert list(open_findings([_statement("older.pdf", 0), flagged])) == [flagged.upload_id]


def test_no_statement_read_is_said_with_the_files_errors() -> None:
    failed = FileState(uuid.uuid4(), "card.pdf", None, "failed", "card.pdf: the PDF has no pages", T0)
    receipt = FileState(uuid.uuid4(), "r.jpg", "receipt", "extracted", None, T0)
    assert attention_reasons([failed, receipt]) == ["no card statement was read (card.pdf: the PDF has no pages)"]
