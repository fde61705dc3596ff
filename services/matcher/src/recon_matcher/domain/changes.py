"""What changed since the previous run: the answer to "what did the late receipts fix?".

Every line whose status differs from the previous run's is a change, whatever the two statuses (Missing Both ->
Missing Coding counts as much as Missing Receipt -> Complete); a line the previous run did not have is new, and
is never "newly missing": only a line that was complete or a credit before can become newly missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeAlias

from recon_matcher.domain.readable import STATUS_WORDS
from recon_matcher.domain.results import (
    CardholderSummary,
    Changes,
    LineResult,
    LineStatus,
    Reconciliation,
    StatusChange,
)

Previous: TypeAlias = Reconciliation | Mapping[str, LineStatus] | None
_DONE = frozenset({"complete", "credit"})


def diff_runs(previous: Previous, lines: Sequence[LineResult], cardholders: Sequence[CardholderSummary]) -> Changes:
    """Newly complete / newly missing line ids; cardholder moves only when the previous run is a Reconciliation."""
    if previous is None:
        return Changes()
    before: Mapping[str, LineStatus] = previous.statuses() if isinstance(previous, Reconciliation) else previous
    after = {r.line_id: r.status for r in lines}
    changed = tuple(
        StatusChange(line_id, before.get(line_id), after.get(line_id))
        for line_id in [*after, *(k for k in before if k not in after)]
        if before.get(line_id) != after.get(line_id)
    )
    newly_complete = tuple(c.line_id for c in changed if c.before is not None and c.after == "complete")
    newly_missing = tuple(
        c.line_id for c in changed if c.before in _DONE and c.after is not None and c.after not in _DONE
    )
    was_complete: set[str] = set()
    known: set[str] = set()
    if isinstance(previous, Reconciliation):
        known = {c.name for c in previous.cardholders}
        was_complete = {c.name for c in previous.cardholders if c.complete}
    return Changes(
        newly_complete=newly_complete,
        newly_missing=newly_missing,
        status_changed=changed,
        added=tuple(k for k in after if k not in before),
        removed=tuple(k for k in before if k not in after),
        cardholders_newly_complete=tuple(c.name for c in cardholders if c.complete and c.name in known - was_complete),
        cardholders_newly_incomplete=tuple(c.name for c in cardholders if not c.complete and c.name in was_complete),
    )


def _word(status: LineStatus | None, none: str) -> str:
    return STATUS_WORDS[status] if status else none


def describe_changes(changes: Changes) -> str:
    """'3 line(s) changed status: 1 Missing Both → Missing Coding, 2 new → Missing Receipt', in a stable order."""
    if not changes.status_changed:
        return "no line changed status"
    moves = Counter((_word(c.before, "new"), _word(c.after, "gone")) for c in changes.status_changed)
    groups = ", ".join(f"{n} {before} → {after}" for (before, after), n in sorted(moves.items()))
    return f"{len(changes.status_changed)} line(s) changed status: {groups}"
