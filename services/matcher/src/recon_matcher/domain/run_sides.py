"""A run's inputs indexed once: lines with their facts, entries, attachments, loose receipts, who is who and
what reviewers pinned (a pin whose entry or receipt has gone is reported, not fatal)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from recon_matcher.domain.cardholders import HolderKey, Identities, resolve_identities
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.pair_scoring import LineFacts, ScoringContext
from recon_matcher.domain.readable import line_label
from recon_matcher.domain.review_decisions import LineRules, fold_decisions
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt, ReviewDecision

_NO_RULES = LineRules()


@dataclass
class RunSides:
    """The inputs indexed once, plus what reviewers pinned."""

    lines: list[CardLine]
    facts: dict[str, LineFacts]
    entries: dict[str, ExpenseEntry]
    attached: dict[str, list[Receipt]]
    loose: list[Receipt]
    who: Identities
    rules: dict[str, LineRules]
    entry_pins: dict[str, list[str]] = field(default_factory=dict)
    receipt_pins: dict[str, str] = field(default_factory=dict)
    receipts: dict[str, Receipt] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def rules_of(self, line_id: str) -> LineRules:
        return self.rules.get(line_id, _NO_RULES)

    def holder_of_entry(self, entry: ExpenseEntry) -> HolderKey | None:
        found = self.who.resolved.get(entry.employee)
        return found[0] if found else None

    def needs_receipt(self, line: CardLine, settings: MatchSettings) -> bool:
        holder = self.who.holders[self.who.holder_of_line[line.id]]
        return not self.rules_of(line.id).waived and (settings.accounts_need_receipts or not holder.is_account)


def attachments(
    entries: Sequence[ExpenseEntry], receipts: Sequence[Receipt]
) -> tuple[dict[str, list[Receipt]], list[Receipt]]:
    by_id = {r.id: r for r in receipts}
    attached = {e.id: [by_id[r] for r in e.receipt_ids if r in by_id] for e in entries}
    listed = {r for e in entries for r in e.receipt_ids}
    for r in receipts:
        if r.entry_id in attached and r.id not in listed:
            attached[r.entry_id].append(r)
            listed.add(r.id)
    return attached, [r for r in receipts if r.id not in listed]


def prepare_sides(
    lines: Sequence[CardLine],
    entries: Sequence[ExpenseEntry],
    receipts: Sequence[Receipt],
    directory: Directory,
    decisions: Iterable[ReviewDecision],
    ctx: ScoringContext,
) -> RunSides:
    s = ctx.settings
    attached, loose = attachments(entries, receipts)
    sides = RunSides(
        lines=list(lines),
        facts={line.id: ctx.facts(line) for line in lines},
        entries={e.id: e for e in entries},
        attached=attached,
        loose=loose,
        who=resolve_identities(lines, entries, directory, s.identity_min_score),
        rules=fold_decisions(decisions, waive_receipt=s.no_receipt_waives_receipt),
        receipts={r.id: r for r in receipts},
    )
    known_receipts = {r.id for r in receipts}
    for line_id, rules in sides.rules.items():
        if line_id not in sides.facts:
            sides.warnings.append("a decision about a card line no longer in the session is kept but not applied")
            continue
        label = line_label(sides.facts[line_id].line)
        missing = [e for e in rules.pinned_entries if e not in sides.entries]
        if missing:
            sides.warnings.append(
                f"{label}: {len(missing)} approved entry(ies) no longer in the current expense report"
            )
        if pinned := [e for e in rules.pinned_entries if e in sides.entries]:
            sides.entry_pins[line_id] = pinned
        if rules.pinned_receipt is not None:
            if rules.pinned_receipt in known_receipts:
                sides.receipt_pins[line_id] = rules.pinned_receipt
            else:
                sides.warnings.append(f"{label}: the approved receipt is no longer in the session")
    return sides
