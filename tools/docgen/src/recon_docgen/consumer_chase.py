"""Chase business (Ink) cards as printed: ACCOUNT SUMMARY beside PAYMENT INFORMATION, then ACCOUNT ACTIVITY by card.

Each card's lines (payments, credits and fees too) end with the employee's name and the card's subtotal,
"TRANSACTIONS THIS CYCLE (CARD 1091) $2566.65-": no thousands separator, a trailing minus, and "INCLUDING
PAYMENTS RECEIVED" on the next row when the card's lines hold a payment (public pdfplumber dumps:
steerave/rental-tax-pipeline tests/fixtures/chase_credit/sample_feb_2024.txt, ashok-raj/ChaseAnalyzer).
"""

from __future__ import annotations

from decimal import Decimal

from recon_docgen.consumer_formats import (
    BLANK,
    CURRENCY_NAMES,
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
    short,
)
from recon_docgen.consumer_scenario import CHASE_FX_FEE, ConsumerLine


def subtotal(value: Decimal) -> str:
    """A card's subtotal as printed: `$12355.20`, `$2566.65-`."""
    return f"${abs(value):.2f}{'-' if value < 0 else ''}"


class ChasePrinter(Printer):
    def amount(self, value: Decimal) -> str:
        """`1,234.56`, `-500.00`, and `.26` under a dollar (no leading zero)."""
        printed = money(value, dollar="")
        return printed.replace("0.", ".", 1) if abs(value) < 1 else printed

    def first_page(self) -> list[Row]:
        s = self.stmt
        fees = sum((ln.amount for ln in s.lines if ln.merchant == CHASE_FX_FEE[0]), Decimal("0.00"))
        credits = sum((ln.amount for ln in s.lines if ln.amount < 0), Decimal("0.00"))
        summary = [
            heading("ACCOUNT SUMMARY"),
            (Cell(36, f"Account Number: XXXX XXXX XXXX {s.account_last4}"),),
            pair("Previous Balance", money(s.previous_balance)),
            pair("Payment, Credits", money(credits)),
            pair("Purchases", plus(s.total() - credits - fees)),
            pair("Cash Advances", ZERO_USD),
            pair("Fees Charged", plus(fees)),
            pair("Interest Charged", ZERO_USD),
            pair("New Balance", money(s.new_balance)),
            (Cell(36, f"Opening/Closing Date {short(s.cycle_start)} - {short(s.cycle_end)}"),),
            pair("Credit Access Line", "$15,000"),
        ]
        panel = [
            heading("PAYMENT INFORMATION", 330),
            pair("New Balance", money(s.new_balance), 330, 576),
            pair("Payment Due Date", "02/04/25", 330, 576),
            pair("Minimum Payment Due", "$40.00", 330, 576),
            (Cell(330, "Late Payment Warning: If we do not receive your minimum"),),
            (Cell(330, "payment by the date listed above, you may have to pay a fee."),),
        ]
        address: list[Row] = [
            BLANK,
            (Cell(36, s.primary.name),),
            (Cell(36, "EXAMPLE HOLDINGS LLC"),),
            (Cell(36, "1200 MAIN ST"),),
            (Cell(36, "HOUSTON TX 77002"),),
            BLANK,
        ]
        top = [(Cell(36, "CHASE", bold=True, size=14), Cell(330, "Manage your account online: www.chase.com/cardhelp"))]
        return top + beside(summary, panel) + address + self.column_header()

    def column_header(self) -> list[Row]:
        return [
            heading("ACCOUNT ACTIVITY"),
            (Cell(36, "Date of"),),
            (
                Cell(36, "Transaction"),
                Cell(90, "Merchant Name or Transaction Description"),
                Cell(576, "$ Amount", True),
            ),
        ]

    def page_header(self, page: int, count: int) -> list[Row]:
        return [
            (
                Cell(36, self.stmt.primary.name),
                Cell(330, f"Page {page} of {count}"),
                Cell(576, f"Statement Date: {short(self.stmt.cycle_end)}", right=True),
            )
        ]

    def continued(self) -> list[Row]:
        rows = self.column_header()
        return [heading("ACCOUNT ACTIVITY (CONTINUED)"), *rows[1:]]

    def footer(self, page: int, count: int) -> list[Row]:
        code = f"0000001 FIS33339 C 1 N Z 01 {self.stmt.cycle_end:%y/%m/%d} Page {page} of {count} 06610 MA MA 34942"
        return [(Cell(36, code, size=6),)]

    def fx_rows(self, line: ConsumerLine) -> list[Row]:
        if line.foreign is None:
            return []
        name = CURRENCY_NAMES["chase"][line.foreign.currency]
        fx = line.foreign
        return [
            (Cell(self.desc_x, f"{line.transaction_date:%m/%d} {name}"),),
            (Cell(self.desc_x, f"{fx.amount:,.2f} X {fx.rate} (EXCHG RATE)"),),
        ]

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for holder, lines in groups(self.stmt, "activity"):
            assert holder is not None
            out += [self.line_block(line) for line in lines]
            footer: list[Row] = [
                (Cell(36, holder.name),),
                (
                    Cell(
                        36,
                        f"TRANSACTIONS THIS CYCLE (CARD {holder.last4}) {subtotal(holder.section_total('activity'))}",
                    ),
                ),
            ]
            if any(line.kind == "payment" for line in lines):
                footer.append((Cell(36, "INCLUDING PAYMENTS RECEIVED"),))
            out.append(tuple(footer))
        return out + self.tables(
            ("FEES CHARGED", (("TOTAL FEES FOR THIS PERIOD", ZERO_USD),)),
            ("INTEREST CHARGED", (("TOTAL INTEREST FOR THIS PERIOD", ZERO_USD),)),
            (
                f"{self.year} Totals Year-to-Date",
                (
                    (f"Total fees charged in {self.year}", ZERO_USD),
                    (f"Total interest charged in {self.year}", ZERO_USD),
                ),
            ),
            (
                "INTEREST CHARGES",
                (
                    ("PURCHASES", ""),
                    ("Purchases 20.49%(v)(d)", "- 0 - - 0 -"),
                    ("CASH ADVANCES", ""),
                    ("Cash Advances 29.99%(v)(d)", "- 0 - - 0 -"),
                ),
            ),
        )
