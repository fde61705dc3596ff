"""Ground truth of a generated month and how a reconciliation is scored against it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.results import LineStatus, Reconciliation
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt

Pair = tuple[str | None, str | None]


@dataclass(frozen=True)
class LineTruth:
    """What a correct reconciliation says about one card line."""

    line_id: str
    case: str
    status: LineStatus
    # The pairing a correct matcher makes (automatically or, when review is True, not at all).
    expected: Pair = (None, None)
    # Other pairings as good as `expected` (indistinguishable twins).
    also_ok: frozenset[Pair] = frozenset()
    review: bool = False
    refund_of: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class MonthScenario:
    lines: tuple[CardLine, ...]
    entries: tuple[ExpenseEntry, ...]
    receipts: tuple[Receipt, ...]
    directory: Directory
    settings: MatchSettings
    truth: dict[str, LineTruth]
    # Expense-report names no rule can resolve -> the statement cardholder they belong to.
    unknown_names: dict[str, str]
    period: tuple[date, date]


@dataclass(frozen=True)
class Score:
    """How a reconciliation did against the truth; the lists hold line ids for diagnosis."""

    auto_matches: int
    correct_matches: int
    expected_matches: int
    wrong_matches: list[str]
    wrong_status: list[str]
    missed_review: list[str]
    wrong_refund: list[str]
    missed_suggestion: list[str]
    wrong_identity: list[str]

    @property
    def precision(self) -> float:
        return self.correct_matches / self.auto_matches if self.auto_matches else 1.0

    @property
    def recall(self) -> float:
        return self.correct_matches / self.expected_matches if self.expected_matches else 1.0


def evaluate(scenario: MonthScenario, result: Reconciliation) -> Score:
    """Auto-match precision/recall over lines, plus every exception, review, refund and identity check."""
    auto = correct = expected = 0
    wrong: list[str] = []
    status: list[str] = []
    review: list[str] = []
    refund: list[str] = []
    suggestion: list[str] = []
    for r in result.lines:
        t = scenario.truth[r.line_id]
        # A line in review may still have an automatic part (its entry) that must be right.
        wants_match = t.expected != (None, None)
        expected += wants_match
        if r.match is not None and r.match.source == "auto":
            auto += 1
            got = (r.match.entry_id, r.match.receipt_id)
            if got == t.expected or got in t.also_ok:
                correct += 1
            else:
                wrong.append(r.line_id)
        if r.status != t.status:
            status.append(r.line_id)
        if t.review and not r.review:
            review.append(r.line_id)
        if t.refund_of is not None and r.refund_of != t.refund_of:
            refund.append(r.line_id)
        if t.suggestion is not None and not any(s.kind == t.suggestion for s in r.suggestions):
            suggestion.append(r.line_id)
    suggested = {s.expense_name: s.cardholder for s in result.identity_suggestions}
    identity = [name for name, holder in scenario.unknown_names.items() if suggested.get(name) != holder]
    return Score(auto, correct, expected, wrong, status, review, refund, suggestion, identity)


def cases(scenario: MonthScenario) -> dict[str, int]:
    """How many lines each case produced, to show the scenario covers what it claims."""
    out: dict[str, int] = {}
    for t in scenario.truth.values():
        out[t.case] = out.get(t.case, 0) + 1
    return out


def line_ids(scenario: MonthScenario, case: str) -> Iterable[str]:
    return (t.line_id for t in scenario.truth.values() if t.case == case)
