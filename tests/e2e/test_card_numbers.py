"""After a month run whose statement prints full card numbers, and whose expense report and file names quote
them in free text, no full card number is anywhere: the database, the blob store, the service logs, the exports."""

from __future__ import annotations

import asyncio
import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from recon_contracts.card_numbers import luhn_valid
from recon_contracts.db import Base
from recon_contracts.db.engine import make_engine
from recon_docgen.expense_exports import write_expense_csv
from recon_docgen.expense_report import GenExpenseEntry
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_docgen.wex_pdf import render_wex_statement
from sqlalchemy import text

from tests.e2e.journeys import upload, wait_status
from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e
SEPARATORS = re.compile(rb"[\s\-._]")


def _card(prefix: str) -> str:
    return next(prefix + d for d in "0123456789" if luhn_valid(prefix + d))


CARDS = (_card("455673758689985"), _card("537562894210331"), _card("601198327745120"))


def _spaced(card: str, groups: tuple[int, ...], sep: str) -> str:
    parts, start = [], 0
    for size in groups:
        parts.append(card[start : start + size])
        start += size
    return sep.join(parts)


def _month(folder: Path) -> list[Path]:
    statement = make_statement(11, cardholders=3)
    holders = tuple(replace(h, card_number=card) for h, card in zip(statement.cardholders, CARDS, strict=True))
    statement = replace(statement, cardholders=holders)
    files = [folder / "statement.pdf"]
    render_wex_statement(statement, files[0])
    entries = []
    for n, (holder, card) in enumerate(zip(holders, CARDS, strict=True)):
        quoted = (card, _spaced(card, (4, 4, 4, 4), " "), _spaced(card, (4, 4, 4, 4), "-"), _spaced(card, (6, 10), "."))
        for k, line in enumerate(holder.lines):
            if line.net <= 0:
                continue
            entries.append(
                GenExpenseEntry(
                    employee=holder.name,
                    expense_type="Supplies",
                    date=line.posted_date,
                    amount=line.net,
                    purpose=f"paid with card {quoted[k % 4]} for the job",
                    merchant=f"{line.merchant} {quoted[(k + 1) % 4]}",
                    address=f"100 MAIN ST card {quoted[(k + 2) % 4]}",
                    gl_account="6420",
                    job="25-101",
                    phase="100",
                    cost_type="M",
                )
            )
            if k % 2 == 0:
                receipt = folder / f"receipt {card if k == 0 else n}-{k}.pdf"  # a file named by the card
                render_receipt(receipt_for(line, k), receipt)
                files.append(receipt)
    files.append(folder / "expenses.csv")
    write_expense_csv(entries, files[-1])
    return files


def _found(data: bytes) -> set[str]:
    joined = SEPARATORS.sub(b"", data)
    return {card for card in CARDS if card.encode() in joined}


async def _database_text(url: str) -> bytes:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            rows = []
            for table in Base.metadata.sorted_tables:
                rows += (await conn.execute(text(f'SELECT t::text FROM "{table.name}" t'))).scalars().all()
    finally:
        await engine.dispose()
    return "\n".join(rows).encode()


def test_no_full_card_number_survives_a_month(stack: Stack, tmp_path: Path) -> None:
    files = _month(tmp_path)
    assert all(_found(p.read_bytes()) for p in files if p.suffix == ".csv")  # the inputs do carry them
    session_id = upload(stack.url, files).json()["session_id"]
    session = wait_status(stack.url, session_id, {"completed", "needs_attention", "failed"}, timeout=300)
    assert session["status"] == "completed", session["status_message"]
    assert {u["extraction"]["status"] for u in session["uploads"]} == {"extracted"}
    assert session["total_transactions"] > 6 and session["matched_count"] > 0
    base = f"{stack.url}/api/sessions/{session_id}"
    assert sorted(e["card_last_four"] for e in session["employees"]) == sorted(card[-4:] for card in CARDS)

    exports = {
        fmt: httpx.get(f"{base}/report", params={"format": fmt}, timeout=30) for fmt in ("xlsx", "csv", "pvault")
    }
    assert {fmt: r.status_code for fmt, r in exports.items()} == {"xlsx": 200, "csv": 200, "pvault": 200}
    with zipfile.ZipFile(io.BytesIO(exports["xlsx"].content)) as workbook:
        xml = b"".join(workbook.read(name) for name in workbook.namelist())
    assert b"paid with card XXXXXXXXXXXX" in xml  # the purposes are there, masked
    leaks = {
        "xlsx": _found(xml),
        "csv": _found(exports["csv"].content),
        "pvault": _found(exports["pvault"].content),
        "database": _found(asyncio.run(_database_text(stack.database_url))),
        "blobs": {card for p in stack.blob_root.rglob("*") if p.is_file() for card in _found(p.read_bytes())},
        "logs": {card for p in stack.workdir.glob("*.log") for card in _found(p.read_bytes())},
    }
    assert leaks == {where: set() for where in leaks}
    # The statement's original is gone once read; its fingerprint stays with its upload.
    [statement] = [u for u in session["uploads"] if u["filename"] == "statement.pdf"]
    assert not list(stack.blob_root.rglob(statement["id"]))
    assert statement["size_bytes"] > 0
