"""Product rows into swipes, swipes into cardholders: the bookkeeping behind the WEX parser.

A printed total the rows contradict is a finding (the lines may be wrong); a product row whose own gross,
discount and net disagree, or a swipe without its totals row, is a warning (the totals above still check it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from recon_extractor.statements.checks import Sums, item_problem, item_sums, line_sums, mismatch
from recon_extractor.statements.model import Cardholder, CardLine, Finding, StatementItem
from recon_extractor.statements.wex_blocks import HolderKey
from recon_extractor.statements.wex_rows import ItemRow


@dataclass
class _Holder:
    name: str
    employee_id: str | None
    card_last4: str | None
    lines: list[CardLine] = field(default_factory=list)


@dataclass
class _Swipe:
    first: ItemRow
    holder: HolderKey
    page: int
    items: list[StatementItem] = field(default_factory=list)


class SwipeBook:
    """Open swipe, current cardholder and section; disagreements go to `findings` or `warnings`."""

    def __init__(self, warnings: list[str], findings: list[Finding]) -> None:
        self.warnings = warnings
        self.findings = findings
        self.holders: dict[HolderKey, _Holder] = {}
        self.current: HolderKey | None = None
        self.swipe: _Swipe | None = None
        self.section: list[CardLine] = []

    def cardholder(self, page: int, key: HolderKey) -> None:
        """The block on `page` names `key`: a new cardholder closes any open swipe."""
        if key == self.current:
            return
        self.close_swipe(page, None)
        self.section = []
        self.current = key
        self.holders.setdefault(key, _Holder(*key))

    def add_item(self, page: int, row: ItemRow) -> None:
        if self.current is None:
            message = f"page {page}: product row {row.reference} printed before any cardholder block: not read"
            self.findings.append(Finding("unread_row", message, page))
            return
        if self.swipe and self.swipe.first.reference != row.reference:
            self.close_swipe(page, None)
        if self.swipe is None:
            self.swipe = _Swipe(row, self.current, page)
        self.swipe.items.append(row.item)
        problem = item_problem(f"page {page}: swipe {row.reference}", row.item)
        if problem:
            self.warnings.append(problem)

    def add_product(self, page: int, product: StatementItem) -> bool:
        """A later product row that leaves the swipe's fields blank: False when no swipe is open."""
        if self.swipe is None:
            return False
        self.add_item(page, replace(self.swipe.first, item=product))
        return True

    def continue_item(self, cells: dict[str, str]) -> bool:
        """A wrapped cell's next line, below the last product row: False when no swipe is open."""
        swipe = self.swipe
        if swipe is None or not swipe.items:
            return False
        if len(swipe.items) == 1:
            swipe.first = swipe.first.continued(cells)
        if cells.get("description"):
            last = swipe.items[-1]
            text = f"{last.description} {cells['description']}" if last.description else cells["description"]
            swipe.items[-1] = replace(last, description=text)
        return True

    def close_swipe(self, page: int, printed: Sums | None) -> None:
        """End the open swipe at its `Transaction Totals` row (`printed`), or without one (None)."""
        swipe, self.swipe = self.swipe, None
        if swipe is None:
            if printed is not None:
                message = f"page {page}: a Transaction Totals row with no product rows read before it"
                self.findings.append(Finding("total_mismatch", message, page))
            return
        items = tuple(swipe.items)
        ref = swipe.first.reference
        if printed is None:
            self.warnings.append(
                f"page {page}: swipe {ref} has no Transaction Totals row; amount is the sum of its product rows"
            )
            printed = item_sums(items)
        elif problem := mismatch(f"page {page}: swipe {ref} product rows", item_sums(items), printed):
            self.findings.append(Finding("total_mismatch", problem, page))
        line = _card_line(swipe.first, items, printed, swipe.page)
        self.holders[swipe.holder].lines.append(line)
        self.section.append(line)

    def check_cardholder(self, page: int, printed: Sums) -> bool:
        """A `Cardholder Totals` row: do the lines since the cardholder's block began add up to it?"""
        self.close_swipe(page, None)
        name = self.current[0] if self.current else "?"
        problem = mismatch(f"page {page}: cardholder {name}: Cardholder Totals", line_sums(self.section), printed)
        if problem:
            self.findings.append(Finding("total_mismatch", problem, page))
        self.section = []
        return problem is None

    def cardholders(self) -> tuple[Cardholder, ...]:
        return tuple(Cardholder(h.name, h.employee_id, h.card_last4, tuple(h.lines)) for h in self.holders.values())


def _card_line(first: ItemRow, items: tuple[StatementItem, ...], totals: Sums, page: int) -> CardLine:
    return CardLine(
        transaction_date=first.transaction_date,
        posted_date=first.posted_date,
        reference=first.reference,
        merchant=first.merchant,
        city=first.city,
        state=first.state,
        category=first.category,
        description=next((i.description for i in items if i.description), None),
        amount=totals[2],
        gross=totals[0],
        discount=totals[1],
        items=items,
        page=page,
    )
