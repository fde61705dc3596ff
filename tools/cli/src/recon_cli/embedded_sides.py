"""Documents read in-process and turned into the matcher's three sides (no Kafka, no database)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from recon_extractor.expense_reports.model import ExpenseReport
from recon_extractor.ocr.engine import Ocr
from recon_extractor.receipts.read import read_receipt, receipt_image_reader
from recon_extractor.receipts.text import ReceiptFields
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt

from recon_cli.extract_expense_report import parse_expense_file


@dataclass(frozen=True)
class Sides:
    statement: Statement
    lines: list[CardLine]
    entries: list[ExpenseEntry]
    receipts: list[Receipt]
    warnings: list[str]


def _lines(statement: Statement) -> list[CardLine]:
    return [
        CardLine(
            id=f"L{n}",
            cardholder=holder.name,
            employee_id=holder.employee_id,
            card_last4=holder.card_last4,
            transaction_date=line.transaction_date,
            posted_date=line.posted_date,
            amount=line.amount,
            merchant=line.merchant,
            city=line.city,
            state=line.state,
            category=line.category,
            reference=line.reference,
        )
        for n, (holder, line) in enumerate((h, line) for h in statement.cardholders for line in h.lines)
    ]


def _receipt(receipt_id: str, fields: ReceiptFields | None, entry_id: str | None) -> Receipt:
    if fields is None:
        return Receipt(id=receipt_id, entry_id=entry_id)
    return Receipt(
        id=receipt_id,
        vendor=fields.vendor,
        date=fields.date,
        total=fields.total,
        subtotal=fields.subtotal,
        tip=fields.tip,
        currency=fields.currency,
        card_last4=fields.card_last4,
        entry_id=entry_id,
    )


def _expenses(report: ExpenseReport) -> tuple[list[ExpenseEntry], list[Receipt]]:
    entries, receipts = [], []
    for entry in report.entries:
        entry_id = str(entry.index)
        attached = [
            _receipt(
                f"entry {entry.index} p.{a.page} image {a.index_on_page + 1}",
                a.receipt if isinstance(a.receipt, ReceiptFields) else None,
                entry_id,
            )
            for a in entry.attachments
        ]
        receipts += attached
        entries.append(
            ExpenseEntry(
                id=entry_id,
                employee=entry.employee,
                expense_type=entry.expense_type,
                date=entry.date,
                amount=entry.amount,
                merchant=entry.merchant,
                gl_account=entry.gl_account,
                job=entry.job,
                phase=entry.phase,
                cost_type=entry.cost_type,
                receipt_ids=tuple(r.id for r in attached),
            )
        )
    return entries, receipts


def read_sides(
    statement: Path, expenses: Path | None, loose: Sequence[Path], *, ocr: Ocr | None, read_attachments: bool
) -> Sides:
    """Read every document; raises the extractor's ExtractionError naming what could not be read.

    `ocr` reads photographed and scanned receipts; attachments of the expense report only when asked,
    because at ~1.5 s an image a month's report takes a while (the service reads them in its pool).
    """
    parsed = read_statement(statement)
    warnings = [f"{statement.name}: {w}" for w in parsed.warnings]
    entries: list[ExpenseEntry] = []
    receipts: list[Receipt] = []
    if expenses is not None:
        read_image = receipt_image_reader(ocr) if ocr is not None and read_attachments else None
        report = parse_expense_file(expenses, read_image)
        warnings += [f"{expenses.name}: {w}" for w in report.warnings]
        entries, receipts = _expenses(report)
    for path in loose:
        reads = read_receipt(path.read_bytes(), ocr)
        receipts += [
            _receipt(path.name if len(reads) == 1 else f"{path.name} p.{r.page}", r.fields, None) for r in reads
        ]
    return Sides(parsed, _lines(parsed), entries, receipts, warnings)
