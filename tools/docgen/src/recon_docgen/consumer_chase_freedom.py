"""Chase consumer cards (Freedom, Sapphire) as printed: the account's lines under PAYMENTS AND OTHER CREDITS and
PURCHASE headings in ACCOUNT ACTIVITY, no per-card subtotals, and the account number printed whole in the
summary (statements-dev chase_freedom.pdf; only its last four may be kept).
"""

from __future__ import annotations

from recon_docgen.consumer_chase import ChasePrinter
from recon_docgen.consumer_formats import BLANK, ZERO_USD, Block, Cell, Row, beside, groups, heading, money, pair, plus


class ChaseFreedomPrinter(ChasePrinter):
    def first_page(self) -> list[Row]:
        s = self.stmt
        summary = [
            heading("ACCOUNT SUMMARY"),
            (Cell(36, f"Account Number: 4147 2020 3012 {s.account_last4}"),),
            pair("Previous Balance", money(s.previous_balance)),
            pair("Payment, Credits", money(s.total("payments"))),
            pair("Purchases", plus(s.total("purchases"))),
            pair("Cash Advances", ZERO_USD),
            pair("Balance Transfers", ZERO_USD),
            pair("Fees Charged", ZERO_USD),
            pair("Interest Charged", ZERO_USD),
            pair("New Balance", money(s.new_balance)),
            (Cell(36, f"Opening/Closing Date {s.cycle_start:%m/%d/%y} - {s.cycle_end:%m/%d/%y}"),),
        ]
        panel = [
            heading("PAYMENT INFORMATION", 330),
            pair("New Balance", money(s.new_balance), 330, 576),
            pair("Minimum Payment Due", "$40.00", 330, 576),
        ]
        address: list[Row] = [
            BLANK,
            (Cell(36, s.primary.name),),
            (Cell(36, "1200 MAIN ST"),),
            (Cell(36, "HOUSTON TX 77002"),),
            BLANK,
        ]
        top = [(Cell(36, "CHASE", bold=True, size=14), Cell(330, "Manage your account online: www.chase.com/cardhelp"))]
        return top + beside(summary, panel) + address + self.column_header()

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for section, title in (("payments", "PAYMENTS AND OTHER CREDITS"), ("purchases", "PURCHASE")):
            lines = [line for _, group in groups(self.stmt, section) for line in group]
            if lines:
                out.append((heading(title),))
                out += [self.line_block(line) for line in lines]
        return out + self.tables(
            ("FEES CHARGED", (("TOTAL FEES FOR THIS PERIOD", ZERO_USD),)),
            ("INTEREST CHARGED", (("TOTAL INTEREST FOR THIS PERIOD", ZERO_USD),)),
            (f"{self.year} Totals Year-to-Date", ((f"Total fees charged in {self.year}", ZERO_USD),)),
        )
