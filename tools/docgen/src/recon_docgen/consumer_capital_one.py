"""Capital One as printed: two columns on page 1, transactions per card with per-card totals."""

from __future__ import annotations

from decimal import Decimal

from recon_docgen.consumer_formats import (
    BLANK,
    ZERO_USD,
    Block,
    Cell,
    Printer,
    Row,
    beside,
    groups,
    heading,
    money,
    pair,
    plus,
)
from recon_docgen.consumer_scenario import ConsumerLine, ConsumerStatement


class CapitalOnePrinter(Printer):
    """Two columns on page 1 (a rewards panel right of the activity), one column after."""

    date_x, desc_x, amount_edge = 36.0, 116.0, 380.0

    def __init__(self, stmt: ConsumerStatement, parentheses: bool = False) -> None:
        super().__init__(stmt)
        self.parentheses = parentheses

    def amount(self, value: Decimal) -> str:
        if value < 0 and self.parentheses:
            return f"({money(-value)})"
        return money(value, minus="- ")

    def kinds(self, kind: str) -> Decimal:
        return sum((ln.amount for ln in self.stmt.lines if ln.kind == kind), Decimal("0.00"))

    def dates(self, line: ConsumerLine) -> list[Cell]:
        posted = line.posted_date or line.transaction_date
        return [
            Cell(36, f"{line.transaction_date:%b} {line.transaction_date.day}"),
            Cell(76, f"{posted:%b} {posted.day}"),
        ]

    @property
    def cycle(self) -> str:
        return f"{self.stmt.cycle_start:%b %d, %Y} - {self.stmt.cycle_end:%b %d, %Y} | 31 days in Billing Cycle"

    def first_page(self) -> list[Row]:
        s = self.stmt
        left = [
            (Cell(36, "Capital One", bold=True, size=14),),
            (Cell(36, f"Venture Card | Visa Signature ending in {s.account_last4}"),),
            (Cell(36, self.cycle),),
            heading("Account Summary"),
            pair("Previous Balance", money(s.previous_balance), edge=380),
            # Payments and other credits apart, as on a 2025 Venture X statement (Ninja91/ExpenseExplorer
            # debug_statement.md), so no printed total covers the "Payments, Credits and Adjustments" lines.
            pair("Payments", self.amount(self.kinds("payment")), edge=380),
            pair("Other Credits", self.amount(self.kinds("credit")), edge=380),
            pair("Transactions", plus(s.total("purchases")).replace("+", "+ "), edge=380),
            pair("Fees Charged", "+ $0.00", edge=380),
            pair("Interest Charged", "+ $0.00", edge=380),
            pair("New Balance", f"= {money(s.new_balance)}", edge=380),
            BLANK,
            heading("Transactions"),
            (Cell(36, "Visit capitalone.com to see detailed transactions."),),
            (Cell(36, "Trans Date"), Cell(76, "Post Date"), Cell(116, "Description"), Cell(380, "Amount", True)),
        ]
        panel = [
            (Cell(576, "Page 1 of {count}", right=True),),
            BLANK,
            heading("Rewards Summary", 410),
            *(
                pair(label, value, 410, 576)
                for label, value in (
                    ("Previous Balance", "$45.67"),
                    ("Earned This Period", "+ $23.45"),
                    ("Redeemed", "- $0.00"),
                    ("New Balance", "$69.12"),
                    ("Purchases 2X", "$1,234.56"),
                    ("Bonus", "$10.00"),
                )
            ),
        ]
        return beside(left, panel)

    def page_header(self, page: int, count: int) -> list[Row]:
        name = self.stmt.primary.name
        return [
            (
                Cell(36, f"{name} | Venture Card ending in {self.stmt.account_last4}"),
                Cell(576, f"Page {page} of {count}", True),
            ),
            (Cell(36, self.cycle),),
        ]

    def continued(self) -> list[Row]:
        return [
            heading("Transactions (Continued)"),
            (Cell(36, "Trans Date"), Cell(76, "Post Date"), Cell(116, "Description"), Cell(380, "Amount", True)),
        ]

    def footer(self, page: int, count: int) -> list[Row]:
        return [(Cell(36, "Capital One, P.O. Box 60599, City of Industry, CA 91716-0599", size=6),)]

    def blocks(self) -> list[Block]:
        s = self.stmt
        out: list[Block] = []
        for section, title in (("payments", "Payments, Credits and Adjustments"), ("purchases", "Transactions")):
            for holder, lines in groups(s, section):
                assert holder is not None
                out.append(((Cell(36, f"{holder.name} #{holder.last4}: {title}", bold=True),),))
                out += [self.line_block(line) for line in lines]
                if section == "purchases":
                    total = money(holder.section_total("purchases"))
                    out.append((pair(f"{holder.name} #{holder.last4}: Total Transactions", total, 36, 380),))
        out.append((pair("Total Transactions for This Period", money(s.total("purchases")), 36, 380),))
        return out + self.tables(
            ("Fees", (("Total Fees for This Period", ZERO_USD),)),
            (
                "Interest Charged",
                (("Interest Charge on Purchases", ZERO_USD), ("Total Interest for This Period", ZERO_USD)),
            ),
            (
                "Totals Year-to-Date",
                (
                    ("Total Fees charged", ZERO_USD),
                    ("Total Interest charged", ZERO_USD),
                ),
            ),
            (
                "Interest Charge Calculation",
                (("Purchases 29.99% $0.00", ZERO_USD), ("Cash Advances 29.99% $0.00", ZERO_USD)),
            ),
        )
