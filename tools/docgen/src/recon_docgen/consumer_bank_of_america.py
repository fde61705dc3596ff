"""Bank of America credit card as printed: Account Summary beside Payment Information, then Transactions with a
transaction date, a posting date, a reference number and the card's last four per row, a total per section.

Modelled on public descriptions of the statement (its summary: Previous Balance, Payments and Other Credits,
Purchases and Adjustments, ..., New Balance Total; rows "12/28 12/29 STARBUCKS ... 4023 1234 4.50", credits
with a minus; "TOTAL PURCHASES AND ADJUSTMENTS FOR THIS PERIOD"). Later pages repeat the name, the account
and "Page N of M" above the column header.
"""

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
)
from recon_docgen.consumer_scenario import ConsumerLine


class BankOfAmericaPrinter(Printer):
    date_x, desc_x, amount_edge = 36.0, 110.0, 576.0

    def amount(self, value: Decimal) -> str:
        return money(value, dollar="")

    def dates(self, line: ConsumerLine) -> list[Cell]:
        posted = line.posted_date or line.transaction_date
        return [
            Cell(36, f"{line.transaction_date:%m/%d}"),
            Cell(72, f"{posted:%m/%d}"),
            Cell(440, line.reference or ""),
            Cell(490, self.stmt.account_last4),
        ]

    @property
    def account(self) -> str:
        return f"Account# XXXX XXXX XXXX {self.stmt.account_last4}"

    @property
    def cycle(self) -> str:
        s = self.stmt
        return f"{s.cycle_start:%B} {s.cycle_start.day} - {s.cycle_end:%B} {s.cycle_end.day}, {s.cycle_end.year}"

    def first_page(self) -> list[Row]:
        s = self.stmt
        top: list[Row] = [
            (Cell(36, "Bank of America", bold=True, size=12), Cell(576, "bankofamerica.com", right=True)),
            (Cell(36, s.primary.name), Cell(330, self.account)),
            (Cell(36, self.cycle),),
            BLANK,
        ]
        summary = [
            heading("Account Summary"),
            pair("Previous Balance", money(s.previous_balance)),
            pair("Payments and Other Credits", money(s.total("payments"))),
            pair("Balance Transfer Activity", ZERO_USD),
            pair("Cash Advance Activity", ZERO_USD),
            pair("Purchases and Adjustments", money(s.total("purchases"))),
            pair("Fees Charged", ZERO_USD),
            pair("Interest Charged", ZERO_USD),
            pair("New Balance Total", money(s.new_balance)),
        ]
        panel = [
            heading("Payment Information", 330),
            pair("New Balance Total", money(s.new_balance), 330, 576),
            pair("Current Payment Due", "$40.00", 330, 576),
            pair("Payment Due Date", "02/04/2025", 330, 576),
        ]
        return top + beside(summary, panel) + [BLANK, heading("Transactions"), *self.column_header()]

    def column_header(self) -> list[Row]:
        return [
            (Cell(36, "Transaction"), Cell(72, "Posting"), Cell(440, "Reference"), Cell(490, "Account")),
            (
                Cell(36, "Date"),
                Cell(72, "Date"),
                Cell(110, "Description"),
                Cell(440, "Number"),
                Cell(490, "Number"),
                Cell(576, "Amount", True),
            ),
        ]

    def page_header(self, page: int, count: int) -> list[Row]:
        name = self.stmt.primary.name
        return [(Cell(36, f"{name} ! {self.account}"), Cell(576, f"Page {page} of {count}", right=True))]

    def continued(self) -> list[Row]:
        return [heading("Transactions (Continued)"), *self.column_header()]

    def footer(self, page: int, count: int) -> list[Row]:
        return [(Cell(36, "Bank of America, N.A. Member FDIC", size=6),)]

    def blocks(self) -> list[Block]:
        s = self.stmt
        out: list[Block] = []
        for section, title, total in (
            ("payments", "Payments and Other Credits", "TOTAL PAYMENTS AND OTHER CREDITS FOR THIS PERIOD"),
            ("purchases", "Purchases and Adjustments", "TOTAL PURCHASES AND ADJUSTMENTS FOR THIS PERIOD"),
        ):
            out.append((heading(title),))
            out += [self.line_block(line) for _, lines in groups(s, section) for line in lines]
            out.append((pair(total, money(s.total(section)), 110, 576),))
        return out + self.tables(
            ("Fees Charged", (("TOTAL FEES CHARGED FOR THIS PERIOD", ZERO_USD),)),
            (
                "Interest Charged",
                (("Interest Charged on Purchases", "0.00"), ("TOTAL INTEREST CHARGED FOR THIS PERIOD", ZERO_USD)),
            ),
            (
                f"{self.year} Totals Year-to-Date",
                (
                    (f"Total fees charged in {self.year}", ZERO_USD),
                    (f"Total interest charged in {self.year}", ZERO_USD),
                ),
            ),
            ("Interest Charge Calculation", (("Purchases 21.24% V $0.00", ZERO_USD),)),
        )
