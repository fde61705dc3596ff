"""American Express as printed: Account Summary, then Payments, Credits and New Charges by card member."""

from __future__ import annotations

from datetime import timedelta

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
from recon_docgen.consumer_scenario import ConsumerLine


class AmexPrinter(Printer):
    desc_x = 100.0

    @property
    def days(self) -> int:
        return (self.stmt.cycle_end - self.stmt.cycle_start).days + 1

    @property
    def ending(self) -> str:
        return f"Account Ending 7-1{self.stmt.account_last4}"

    def first_page(self) -> list[Row]:
        s = self.stmt
        top: list[Row] = [
            (Cell(36, "AMERICAN EXPRESS", bold=True, size=14), Cell(576, "p. 1/{count}", right=True)),
            (Cell(36, "Business Platinum Card"), Cell(330, self.ending)),
            (Cell(36, "Prepared for"),),
            (Cell(36, s.primary.name),),
            BLANK,
        ]
        summary = [
            heading("Account Summary"),
            pair("Previous Balance", money(s.previous_balance)),
            pair("Payments/Credits", money(s.total("payments", "credits"))),
            pair("New Charges", plus(s.total("charges"))),
            pair("Fees", "+$0.00"),
            pair("Interest Charged", "+$0.00"),
            pair("New Balance", money(s.new_balance)),
        ]
        panel = [
            (Cell(330, f"Closing Date {short(s.cycle_end)}"),),
            (Cell(330, f"Next Closing Date {short(s.cycle_end + timedelta(days=30))}"),),
            (Cell(330, "New Balance"), Cell(576, money(s.new_balance), right=True)),
            (Cell(330, "Minimum Payment Due"), Cell(576, "$40.00", right=True)),
            (Cell(330, "Customer Care: 1-800-492-3344  americanexpress.com"),),
        ]
        return top + beside(summary, panel) + [BLANK]

    def page_header(self, page: int, count: int) -> list[Row]:
        return [(Cell(36, self.stmt.primary.name), Cell(250, self.ending), Cell(576, f"p. {page}/{count}", right=True))]

    def footer(self, page: int, count: int) -> list[Row]:
        return [(Cell(36, "See reverse side for important information"),)]

    def dates(self, line: ConsumerLine) -> list[Cell]:
        star = "*" if line.kind == "payment" else ""
        return [Cell(self.date_x, f"{short(line.transaction_date)}{star}")]

    def fx_rows(self, line: ConsumerLine) -> list[Row]:
        if line.foreign is None:
            return []
        name = CURRENCY_NAMES["amex"][line.foreign.currency]
        return [
            (Cell(self.desc_x, f"Foreign Spend Amount: {line.foreign.amount:,.2f} {name}"),),
            (Cell(self.desc_x, f"Commission Amount: 0.00 Currency Exchange Rate: {line.foreign.rate}"),),
        ]

    def card_member(self, name: str, last4: str, amount: str) -> Row:
        """A card member's row in the Summary, with the member's total."""
        return Cell(36, name), Cell(200, f"Card Ending 7-1{last4}"), Cell(576, amount, right=True)

    @staticmethod
    def card_member_header(name: str, last4: str) -> Block:
        """Where a card member's lines start in the Detail: the name, then its own "Card Ending" row."""
        return (
            (Cell(576, "Amount", right=True),),
            (Cell(36, name, spaced=True),),
            (Cell(36, f"Card Ending 7-1{last4}", spaced=True),),
        )

    def blocks(self) -> list[Block]:
        s = self.stmt
        out: list[Block] = [(heading("Detail", right=Cell(200, "*Indicates posting date")),)]
        for section, title, total in (
            ("payments", "Payments", "Total Payments"),
            ("credits", "Credits", "Total Credits"),
        ):
            out.append((heading(title, right=Cell(576, "Amount", right=True)),))
            for holder, lines in groups(s, section):
                if holder is not None:
                    out.append(self.card_member_header(holder.name, holder.last4))
                out += [self.line_block(line) for line in lines]
            out.append((pair(total, money(s.total(section)), 100, 576),))
        out.append((heading("New Charges"), heading("Summary")))
        for holder, _lines in groups(s, "charges"):
            assert holder is not None
            out.append((self.card_member(holder.name, holder.last4, money(holder.section_total("charges"))),))
        out.append((pair("Total New Charges", money(s.total("charges")), 100, 576), BLANK, heading("Detail")))
        for holder, lines in groups(s, "charges"):
            assert holder is not None
            out.append(self.card_member_header(holder.name, holder.last4))
            out += [self.line_block(line) for line in lines]
        out += self.tables(
            ("Fees", (("Total Fees for this Period", ZERO_USD),)),
            ("Interest Charged", (("Total Interest Charged for this Period", ZERO_USD),)),
            (
                f"{self.year} Fees and Interest Totals Year-to-Date",
                ((f"Total Fees in {self.year}", ZERO_USD), (f"Total Interest in {self.year}", ZERO_USD)),
            ),
            # The opening date is not printed: the calculation counts the period's days instead.
            (
                "Interest Charge Calculation",
                (("Pay Over Time 20.24% (v)", "$0.00 $0.00"), (f"Days in Billing Period: {self.days}", "")),
            ),
        )
        return out
