"""What a statement prints about itself: its period, the account's last four and the holder's name.

Each is searched in a page's whole text (rows joined by newlines), page by page until found. A layout that
infers its date order keeps the period as printed too, so it can be read again day-first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from recon_extractor.statements.date_order import ORDERS, formats_for, read_period
from recon_extractor.statements.layout import StatementLayout

Period = tuple[date | None, date | None]


class HeaderFacts:
    def __init__(self, layout: StatementLayout) -> None:
        self.layout = layout
        self.rules = layout.row_rules
        self.period: Period | None = None
        self.period_texts: tuple[str | None, str | None] | None = None
        self.account_last4: str | None = None
        self.holder_name: str | None = None
        self.days: int | None = None

    def missing(self) -> bool:
        rules = self.rules
        return bool(
            (self.period is None and rules["period"])
            or (self.account_last4 is None and rules["account"])
            or (self.holder_name is None and rules["holder"])
            or (self.days is None and rules["days"] and (self.period is None or self.period[0] is None))
        )

    def read(self, text: str) -> None:
        """Take the facts not yet found from one page's text."""
        if self.period is None:
            self._period(text)
        if self.days is None and (days := _first_group(self.rules["days"], text, "days")):
            self.days = int(days)
        if self.period and self.period[0] is None and self.period[1] and self.days:
            # The period's first day is its last day less the days it counts, the last one included.
            self.period = (self.period[1] - timedelta(days=self.days - 1), self.period[1])
        if self.account_last4 is None:
            self.account_last4 = _first_group(self.rules["account"], text, "last4")
        if self.holder_name is None:
            name = _first_group(self.rules["holder"], text, "name")
            self.holder_name = " ".join(name.split()) if name else None

    def _period(self, text: str) -> None:
        """The first printed period that reads as one (in either date order when the layout infers it)."""
        spec = self.layout.period
        if spec is None:
            return
        orders = ORDERS if self.layout.date_order == "infer" else ORDERS[:1]
        for texts in _period_texts(self.rules["period"], text):
            for order in orders:
                if period := read_period(texts, formats_for(order, spec.date_formats)):
                    self.period, self.period_texts = period, texts
                    return


def _period_texts(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[tuple[str | None, str | None]]:
    for pattern in patterns:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("start") or groups.get("end"):
                yield groups.get("start"), groups.get("end")


def _first_group(patterns: Sequence[re.Pattern[str]], text: str, group: str) -> str | None:
    for pattern in patterns:
        for m in pattern.finditer(text):
            if m.groupdict().get(group):
                return m.group(group)
    return None
