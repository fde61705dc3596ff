"""What changed since the previous run: the answer to "what did the late receipts fix?"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

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
        c.line_id
        for c in changed
        if c.after is not None and c.after not in _DONE and (c.before is None or c.before in _DONE)
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
