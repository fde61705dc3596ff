"""One LineResult per card line from what a run found: status, match, notes, outcome and the coding it carries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from recon_matcher.domain.cardholders import HolderKey
from recon_matcher.domain.classification import line_status
from recon_matcher.domain.credits import Refund
from recon_matcher.domain.line_states import LineState, line_match, line_notes
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.outcomes import line_outcome
from recon_matcher.domain.results import LineResult, Suggestion
from recon_matcher.domain.run_sides import RunSides
from recon_matcher.domain.sides import CardLine, ExpenseEntry


@dataclass
class LineResults:
    """What a run found, turned into one LineResult per card line."""

    sides: RunSides
    states: dict[str, LineState]
    refunds: dict[str, Refund]
    netted: dict[str, str]
    short: dict[str, str]
    settings: MatchSettings
    holder_has_entries: set[HolderKey] = field(init=False)
    refunded_by: dict[str, list[str]] = field(init=False)
    lines: dict[str, CardLine] = field(init=False)

    def __post_init__(self) -> None:
        self.holder_has_entries = {h for h, _ in self.sides.who.resolved.values()}
        self.refunded_by = defaultdict(list)
        for r in self.refunds.values():
            self.refunded_by[r.charge_id].append(r.credit_id)
        self.lines = {line.id: line for line in self.sides.lines}

    def coding(self, line: CardLine) -> list[ExpenseEntry]:
        """The entries coding the line: its own, or for a credit without any, the first of its charge's."""
        own = self.states[line.id].entries
        refund = self.refunds.get(line.id)
        if own or line.amount >= 0 or refund is None:
            return own
        return self.states[refund.charge_id].entries[:1]

    def result(self, line: CardLine, suggested: list[Suggestion]) -> LineResult:
        sides, st, rules = self.sides, self.states[line.id], self.sides.rules_of(line.id)
        holder = sides.who.holder_of_line[line.id]
        status = line_status(
            credit=line.amount < 0 or line.id in self.netted,
            entries=st.entries,
            has_receipt=st.receipt_id is not None,
            needs_receipt=sides.needs_receipt(line, self.settings),
            holder_has_entries=holder in self.holder_has_entries,
            coding_fields=self.settings.coding_fields,
            coded_in_full=line.id not in self.short,
        )
        refund = self.refunds.get(line.id)
        charge = self.lines[refund.charge_id] if refund else None
        netted_by = self.lines[self.netted[line.id]] if line.id in self.netted else None
        notes = line_notes(rules, refund, charge, netted_by) + ((self.short[line.id],) if line.id in self.short else ())
        match = line_match(st, rules, line.id in sides.receipt_pins)
        receipt = sides.receipts.get(st.receipt_id) if st.receipt_id else None
        return LineResult(
            line_id=line.id,
            reference=line.reference,
            cardholder=sides.who.holders[holder].name,
            employee_id=line.employee_id,
            transaction_date=line.transaction_date,
            amount=line.amount,
            merchant=line.merchant,
            status=status,
            match=match,
            review=bool(st.review or suggested or line.id in self.short),
            candidates=tuple(st.review),
            suggestions=tuple(suggested),
            refund_of=refund.charge_id if refund else None,
            refunded_by=tuple(self.refunded_by.get(line.id, ())),
            notes=notes,
            outcome=line_outcome(
                status,
                match,
                rules,
                st.entries,
                receipt,
                notes,
                self.short.get(line.id),
                paired=refund is not None or netted_by is not None,
            ),
            coding_entry_ids=tuple(e.id for e in self.coding(line)),
        )
