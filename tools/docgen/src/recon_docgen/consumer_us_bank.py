"""U.S. Bank as printed: post date, transaction date and reference per row; credits as `$x.xxCR`."""

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
from recon_docgen.consumer_scenario import ConsumerLine


class UsBankPrinter(Printer):
    date_x, desc_x, amount_edge = 36.0, 150.0, 540.0

    def amount(self, value: Decimal) -> str:
        return f"{money(-value)}CR" if value < 0 else money(value)

    def dates(self, line: ConsumerLine) -> list[Cell]:
        posted = line.posted_date or line.transaction_date
        return [
            Cell(36, f"{posted:%m/%d}"),
            Cell(76, f"{line.transaction_date:%m/%d}"),
            Cell(116, line.reference or ""),
        ]

    def first_page(self) -> list[Row]:
        s = self.stmt
        top: list[Row] = [
            (Cell(36, "U.S. Bank Visa Platinum Card", bold=True, size=12), Cell(576, "usbank.com", right=True)),
            (Cell(36, s.primary.name),),
            (Cell(36, f"Account Number: XXXX XXXX XXXX {s.account_last4}"),),
            (Cell(36, f"Open Date: {s.cycle_start:%m/%d/%Y} Closing Date: {s.cycle_end:%m/%d/%Y}"),),
            BLANK,
        ]
        summary = [
            heading("Account Summary"),
            pair("Previous Balance", f"+ {money(s.previous_balance)}"),
            pair("Payments and Other Credits", money(s.total("payments"), minus="- ")),
            pair("Purchases and Other Debits", plus(s.total("purchases")).replace("+", "+ ")),
            pair("Fees Charged", "+ $0.00"),
            pair("Interest Charged", "+ $0.00"),
            pair("New Balance", f"= {money(s.new_balance)}"),
        ]
        panel = [
            heading("Payment Summary", 330),
            pair("Minimum Payment Due", "$40.00", 330, 576),
            pair("Payment Due Date", "02/04/2025", 330, 576),
        ]
        return top + beside(summary, panel) + [BLANK, heading("Transactions"), *self.column_header()]

    def column_header(self) -> list[Row]:
        return [
            (Cell(36, f"{self.stmt.primary.name}"), Cell(300, "Credit Limit $15,000.00")),
            (Cell(36, "Post"), Cell(76, "Trans")),
            (
                Cell(36, "Date"),
                Cell(76, "Date"),
                Cell(116, "Ref #"),
                Cell(150, "Transaction Description"),
                Cell(540, "Amount", True),
                Cell(548, "Notation"),
            ),
        ]

    def page_header(self, page: int, count: int) -> list[Row]:
        return [(Cell(36, self.stmt.primary.name), Cell(576, f"Page {page} of {count}", right=True))]

    def continued(self) -> list[Row]:
        return [heading("Transactions (continued)"), *self.column_header()]

    def footer(self, page: int, count: int) -> list[Row]:
        return [(Cell(36, "Member FDIC. U.S. Bank National Association.", size=6),)]

    def blocks(self) -> list[Block]:
        s = self.stmt
        out: list[Block] = []
        for section, title, total in (
            ("payments", "Payments and Other Credits", "TOTAL PAYMENTS AND OTHER CREDITS"),
            ("purchases", "Purchases and Other Debits", "TOTAL PURCHASES AND OTHER DEBITS FOR THIS PERIOD"),
        ):
            out.append((heading(title),))
            out += [self.line_block(line) for _, lines in groups(s, section) for line in lines]
            out.append((pair(total, self.amount(s.total(section)), 150, 540),))
        return out + self.tables(
            ("Fees", (("TOTAL FEES FOR THIS PERIOD", ZERO_USD),)),
            ("Interest Charged", (("TOTAL INTEREST FOR THIS PERIOD", ZERO_USD),)),
            (
                f"{self.year} Totals Year-to-Date",
                (
                    (f"Total Fees Charged in {self.year}", ZERO_USD),
                    (f"Total Interest Charged in {self.year}", ZERO_USD),
                ),
            ),
            ("Interest Charge Calculation", (("Purchases 19.24% $0.00", ZERO_USD),)),
        )
