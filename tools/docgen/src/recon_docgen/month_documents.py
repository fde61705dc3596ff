"""A month as the users live it: a card statement and an expense report with known gaps, then a completed
expense report that fills some of them. Ground truth says which cardholder should end up how."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Literal

from recon_docgen.expense_report import GenExpenseEntry
from recon_docgen.scenario import make_statement
from recon_docgen.truth import GenCardholder, GenLine, GenStatement

Role = Literal["complete", "fixed_receipt", "fixed_coding", "no_entries", "still_missing", "split"]
ROLES: tuple[Role, ...] = (
    "complete",
    "fixed_receipt",
    "fixed_coding",
    "no_entries",
    "still_missing",
    "split",
)
GAPS: dict[Role, str] = {
    "fixed_receipt": "missing_receipt",
    "fixed_coding": "missing_coding",
    "still_missing": "missing_both",
    "split": "missing_both",  # until a reviewer accepts the suggested split
}
EXPENSE_TYPES = {"FUEL": "Fuel", "RESTAURANTS": "Meals", "HOTELS": "Hotel", "MISC": "General Expense"}


@dataclass(frozen=True)
class MonthDocuments:
    statement: GenStatement
    first_entries: tuple[GenExpenseEntry, ...]
    completed_entries: tuple[GenExpenseEntry, ...]
    roles: dict[str, Role]

    def charges(self, holder: GenCardholder) -> list[GenLine]:
        return [line for line in holder.lines if line.net > 0]

    def gap_line(self, holder: GenCardholder) -> GenLine:
        """The charge whose entry has the cardholder's gap (their first charge)."""
        return self.charges(holder)[0]

    def expected_statuses(self, *, completed: bool) -> dict[str, str]:
        """Each line's status (reference → complete, missing_receipt, ...) after the first or completed report."""
        out: dict[str, str] = {}
        for holder in self.statement.cardholders:
            role = self.roles[holder.name]
            for line in holder.lines:
                if line.net < 0:
                    out[line.reference] = "credit"
                else:
                    out[line.reference] = "missing_all_receipts" if role == "no_entries" else "complete"
            gap = GAPS.get(role)
            if gap and not (completed and role in ("fixed_receipt", "fixed_coding")):
                out[self.gap_line(holder).reference] = gap
        return out


def receipt_image(folder: Path, line: GenLine) -> str:
    """A photographed receipt for the line (merchant, date, total) as a JPEG in `folder`; returns its path."""
    from PIL import Image, ImageDraw

    path = folder / f"receipt-{line.reference}.jpg"
    img = Image.new("L", (300, 260), 250)
    draw = ImageDraw.Draw(img)
    for row, text in enumerate((line.merchant, f"DATE {line.transaction_date:%m/%d/%Y}", f"TOTAL {line.net}")):
        draw.text((20, 30 + 50 * row), text, fill=20)
    img.save(path, format="JPEG", quality=70)
    return str(path)


def _entry(holder: GenCardholder, line: GenLine, rng: random.Random, image: str) -> GenExpenseEntry:
    return GenExpenseEntry(
        employee=holder.name,
        expense_type=EXPENSE_TYPES.get(line.category, "General Expense"),
        date=line.posted_date,
        amount=line.net,
        purpose=f"{line.category.title()} for job site work in {line.city.title()}",
        merchant=line.merchant,
        address=f"{rng.randint(100, 9999)} MAIN ST, , {line.city}, {line.state}, {rng.randint(10000, 99999)}-",
        gl_account=f"6{rng.randint(100, 999)}",
        job=f"24-{rng.randint(100, 999)}",
        phase=str(rng.choice((100, 200, 300))),
        cost_type=rng.choice(("M", "L", "E")),
        images=(image,),
    )


def make_month_documents(seed: int, image_dir: Path, *, cardholders: int = 5) -> MonthDocuments:
    """Cardholder i gets ROLES[i % 5]; entries exist for every charge except the no-entries cardholder's."""
    rng = random.Random(seed)
    statement = make_statement(seed, cardholders=cardholders, credit_ratio=0.1)
    image_dir.mkdir(parents=True, exist_ok=True)
    first: list[GenExpenseEntry] = []
    completed: list[GenExpenseEntry] = []
    roles: dict[str, Role] = {}
    for index, holder in enumerate(statement.cardholders):
        role = ROLES[index % len(ROLES)]
        roles[holder.name] = role
        if role == "no_entries":
            continue
        charges = [line for line in holder.lines if line.net > 0]
        for position, line in enumerate(charges):
            full = _entry(holder, line, rng, receipt_image(image_dir, line))
            if position == 0 and role == "split":
                # One charge claimed as two entries (two nights of one hotel bill): a split to suggest.
                half = (line.net / 2).quantize(Decimal("0.01"))
                parts = (replace(full, amount=half), replace(full, amount=line.net - half, images=()))
                first += parts
                completed += parts
                continue
            gapped = full
            if position == 0 and role in ("fixed_receipt", "still_missing"):
                gapped = replace(gapped, images=())
            if position == 0 and role in ("fixed_coding", "still_missing"):
                gapped = replace(gapped, gl_account=None, job=None)
            first.append(gapped)
            completed.append(gapped if role == "still_missing" else full)
    return MonthDocuments(statement, tuple(first), tuple(completed), roles)
