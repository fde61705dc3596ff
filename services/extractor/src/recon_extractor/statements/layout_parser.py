"""Any statement described by a `StatementLayout`, read row by row, page by page.

Each printed row is, in this order: page furniture (`ignore_rows`), a section header, a cardholder header,
a printed total or summary row, or, inside a section that is not a summary table, a foreign-currency detail
of the line above, a transaction, or the continuation of the line above (no amount, starting at or right of
its description, on the same page, close below it). A row there that starts with a date (perhaps after a
row number) and ends in an amount but was not read is an `unread_row` finding: it looks like a charge and
the lines may be incomplete; any other row ending in an amount is a warning. Printed totals and the balance
equation are checked at the end (`printed_totals`): a contradiction is a finding, never an error. Card
numbers in warnings and findings are masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import pairwise

from recon_contracts.card_numbers import mask_card_numbers

from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.printed_rows import PrintedRow, printed_rows
from recon_extractor.statements.columns import reading_order
from recon_extractor.statements.date_order import ORDERS, decide_order, formats_for
from recon_extractor.statements.dates import PrintedDate, parse_printed_date
from recon_extractor.statements.header_facts import HeaderFacts
from recon_extractor.statements.layout import StatementLayout
from recon_extractor.statements.layout_book import ZERO, HolderKey, LineBook, PendingLine
from recon_extractor.statements.layout_specs import CardholderSpec, SectionSpec, TotalSpec
from recon_extractor.statements.model import Finding, Statement
from recon_extractor.statements.printed_totals import (
    PrintedTotal,
    balance_findings,
    signed_amount,
    statement_totals,
    summary_row,
    total_findings,
    total_row,
)
from recon_extractor.statements.row_words import clean_words

DEFAULT_HOLDER = "ACCOUNT HOLDER"
NEXT_ROW = 1.5  # of the page's row pitch: further below, a row is not the next one (a blank row lies between)


class LayoutParser:
    """Feed pages in order (`feed`), then `finish()`."""

    def __init__(self, layout: StatementLayout, warnings: Iterable[str] = ()) -> None:
        self.layout = layout
        self.rules = layout.row_rules
        self.warnings = list(warnings)
        self.findings: list[Finding] = []
        self.book = LineBook(self.warnings, self.findings)
        self.facts = HeaderFacts(layout)
        self.pitch = 0.0  # the usual distance between one row and the next on the page being read
        self.section: SectionSpec | None = next((s for s in layout.sections if s.name == layout.start_section), None)
        self.holder: HolderKey | None = None
        self.opened: set[str] = set()  # sections whose header was printed
        self.claimed = 0  # lines before this index are on a card named by a footer row
        self.open: PendingLine | None = None
        self.plain_above: str | None = None
        self.ends_in_amount = layout.compile(r"(?:^|\s)(?P<amount>{amount})$")
        # A charge starts with its date, perhaps after a row number (Capital One's 2014 statements).
        self.starts_with_date = layout.compile(r"^(?:\d{1,3} )?{date}(?=\W|$)")

    def feed(self, number: int, words: Sequence[Word]) -> None:
        """One page's words: its header facts, then its rows within the layout's region."""
        words = clean_words(words)
        if self.facts.missing():
            self.facts.read("\n".join(row.text for row in printed_rows(words)))
        rows = printed_rows(words, self.layout.region.x0, self.layout.region.x1)
        self.pitch = _pitch(rows)
        for column in reading_order(rows, self.layout.column_rules):
            for row in column:
                self._row(number, row)
            self._close()  # a line never continues into the next column or onto the next page

    def _row(self, page: int, row: PrintedRow) -> None:
        text = row.text
        if any(p.search(text) for p in self.rules["ignore"]):
            return
        above, self.plain_above = self.plain_above, None  # a name is only "above" if it is the row just before
        for pattern, section in self.layout.section_rules:
            if pattern.search(text):
                self._close()
                self.section = section
                self.opened.add(section.name)
                return
        for pattern, spec in self.layout.cardholder_rules:
            if m := pattern.search(text):
                self._cardholder(page, m, spec, above)
                return
        for pattern, total in self.layout.total_rules:
            if m := pattern.search(text):
                self._printed(page, m, total)
                return
        for pattern in self.layout.summary_rules:
            if m := pattern.search(text):
                self._printed(page, m)
                return
        if self.section is None or self.section.skip:
            self._close()
            return
        if self._line_row(page, row):
            return
        self._close()
        if self.ends_in_amount.search(text) and self.starts_with_date.search(text):
            self.findings.append(
                Finding("unread_row", f"page {page}: a row that looks like a charge was not read: {text!r}", page)
            )
        elif self.layout.warn_unrecognised and self.ends_in_amount.search(text):
            self.warnings.append(f"page {page}: unrecognised row: {text!r}")
        else:
            self.plain_above = text

    def _line_row(self, page: int, row: PrintedRow) -> bool:
        """A foreign detail, a transaction or a continuation: True when the row was one."""
        attached = self._attached(page, row)
        if attached and self.open is not None:
            for pattern in self.rules["foreign"]:
                if m := pattern.search(row.text):
                    self.open.foreign.update({k: v for k, v in m.groupdict().items() if v})
                    self.open.bottom = row.bottom
                    return True
        for pattern in self.rules["transactions"]:
            if (m := pattern.search(row.text)) and self._transaction(page, row, m):
                return True
        return attached and self._continuation(row)

    def _attached(self, page: int, row: PrintedRow) -> bool:
        line = self.open
        return (
            line is not None
            and line.page == page
            and (
                row.top - line.bottom <= self.layout.max_row_gap * max(row.height, 1.0)
                or row.bottom - line.bottom <= NEXT_ROW * self.pitch  # the next row, however loosely set
            )
            and row.x0 >= line.desc_x - self.layout.continuation_slack
        )

    def _continuation(self, row: PrintedRow) -> bool:
        assert self.open is not None
        m = self.ends_in_amount.search(row.text)
        if m is None:
            if not self.layout.detail_rows:
                self.open.parts.append(row.text)
        elif self.open.amount is None:
            if prefix := row.text[: m.start("amount")].strip():
                self.open.parts.append(prefix)
            self.open.amount = self._amount(m.group("amount"))
        else:
            return False
        self.open.bottom = row.bottom
        return True

    def _date(self, text: str) -> PrintedDate | None:
        """A printed date, read day-first too when the layout infers the order (decided in `finish`)."""
        for order in ORDERS if self.layout.date_order == "infer" else ORDERS[:1]:
            if read := parse_printed_date(text, formats_for(order, self.layout.date_formats)):
                return read
        return None

    def _transaction(self, page: int, row: PrintedRow, m: re.Match[str]) -> bool:
        groups = m.groupdict()
        trans = self._date(groups["trans_date"])
        posted = self._date(groups["posted_date"]) if groups.get("posted_date") else None
        if groups.get("posted_mark"):
            posted = trans
        if trans is None or (groups.get("posted_date") and posted is None):
            return False
        self._close()
        self.open = PendingLine(
            page=page,
            bottom=row.bottom,
            desc_x=row.x_at(m.start("description")),
            signature=(row.text, round(row.top)),
            trans=trans,
            posted=posted,
            reference=groups.get("reference"),
            parts=[" ".join(groups["description"].split())],
            amount=self._amount(groups["amount"]) if groups["amount"] else None,
            section=self.section,
            holder=self._holder(),
            city=groups.get("city"),
            state=groups.get("state"),
            printed=(groups["trans_date"], groups.get("posted_date")),
        )
        return True

    def _amount(self, printed: str) -> Decimal | None:
        value = signed_amount(printed)
        if value is not None and self.section is not None and self.section.credits:
            value = -abs(value)
        return value

    def _holder(self) -> HolderKey:
        return self.holder or (self.facts.holder_name or DEFAULT_HOLDER, self.facts.account_last4)

    def _cardholder(self, page: int, m: re.Match[str], spec: CardholderSpec, above: str | None) -> None:
        self._close()
        groups = m.groupdict()
        name = groups.get("name") or (above if spec.name_above else None) or self._holder()[0]
        holder = (" ".join(name.split()), groups.get("last4"))
        if spec.section:
            self.section = next(s for s in self.layout.sections if s.name == spec.section)
            self.opened.add(spec.section)
        if spec.closes:
            self._claim(holder)
        else:
            self.holder = holder
            self.book.holders.setdefault(holder, None)
        if groups.get("amount") and (amount := signed_amount(groups["amount"])) is not None:
            self.book.totals.append(PrintedTotal(None, m.group(0), amount, spec.total_sections, holder, page))

    def _claim(self, holder: HolderKey) -> None:
        """A footer row names the card of every line printed since the previous footer."""
        book = self.book
        for line in book.lines[self.claimed :]:
            line.holder = holder
        self.claimed = len(book.lines)
        used = {line.holder for line in book.lines}
        book.holders = {key: None for key in (*book.holders, holder) if key in used or key == holder}

    def _printed(self, page: int, m: re.Match[str], spec: TotalSpec | None = None) -> None:
        """A printed total (`spec`) or a summary row of several, kept to be checked at the end."""
        self._close()
        totals, problems = total_row(spec, m, page, self._holder()) if spec else summary_row(self.layout, m, page)
        self.book.totals += totals
        self.warnings += problems

    def _close(self) -> None:
        if self.open is not None:
            description = " ".join(self.open.parts)
            for pattern, section in self.layout.takes_rules:
                if pattern.search(description):
                    self.open.section = section
            self.book.book(self.open)
            self.open = None

    def finish(self, pages: int = 0) -> Statement:
        """The statement, after the last page (`pages`, the count fed, is only for symmetry with WEX)."""
        self._close()
        if self.layout.drop_repeated_rows:
            self.book.drop_repeated()
        if self.layout.date_order == "infer":
            self._decide_date_order()
        period = self.facts.period or (None, None)
        if self.facts.period is None:
            self.warnings.append("statement period not found; dates printed without a year cannot be placed")
        cardholders = self.book.cardholders(period, self.layout.currency)
        self._check_totals()
        net = sum((line.amount for ch in cardholders for line in ch.lines), ZERO)
        account = f"XXXX{self.facts.account_last4}" if self.facts.account_last4 else None
        totals = {**statement_totals(self.book.totals), "net": net}
        warnings = tuple(mask_card_numbers(w) for w in self.warnings)
        findings = tuple(Finding(f.kind, mask_card_numbers(f.message), f.page) for f in self.findings)
        return Statement(self.layout.issuer, *period, account, cardholders, totals, warnings, findings=findings)

    def _decide_date_order(self) -> None:
        """Read every numeric date in the one order the statement's period and dates allow (`date_order`)."""
        facts, layout = self.facts, self.layout
        texts = [t for line in self.book.lines for t in line.printed if t]
        period_formats = layout.period.date_formats if layout.period else ()
        decided = decide_order(facts.period_texts, texts, layout.date_formats, period_formats)
        facts.period = decided.period or facts.period
        if decided.doubt:
            self.findings.append(Finding("date_order", decided.doubt))
        self.book.reread_dates(formats_for(decided.order, layout.date_formats), decided.order.replace("_", "-"))

    def _check_totals(self) -> None:
        book = self.book
        if self.layout.totals and not book.totals:
            self.warnings.append("no printed totals were found, so the lines could not be checked against any")
        # A summary total of sections this statement never printed (Chase business cards list every line
        # under ACCOUNT ACTIVITY, by card) has no lines to be checked against; it is still a balance figure.
        checked = [t for t in book.totals if not t.sections or self.opened & set(t.sections)]
        self.findings += total_findings(checked, book.lines, book.holder_for, self.warnings)
        if self.layout.balance:
            self.findings += balance_findings(book.totals, self.layout.balance, self.warnings)


def _pitch(rows: Sequence[PrintedRow]) -> float:
    """The page's usual distance from one row to the next (the median step between consecutive rows)."""
    steps = sorted(b.bottom - a.bottom for a, b in pairwise(rows) if b.bottom > a.bottom)
    return steps[len(steps) // 2] if steps else 0.0
