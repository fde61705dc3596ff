"""A Reconciliation as the `recon reconcile --json` document (issue 5), ready for `json.dumps`.

The keys of the issue's shape come first and never change; `extras=True` adds what the UI and the matcher
service need (line and entry ids, review candidates, suggestions, changes).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from recon_matcher.domain.results import CardholderSummary, LineResult, Match, Reconciliation

Money = Callable[[Decimal], Any]


def _match(m: Match | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "entry": m.entry_id,
        "receipt": m.receipt_id,
        "confidence": round(m.confidence, 3),
        "reasons": list(m.reasons),
    }


def _cardholder(c: CardholderSummary, money: Money) -> dict[str, Any]:
    return {
        "name": c.name,
        "employee_id": c.employee_id,
        "card_total": money(c.card_total),
        "receipt_total": money(c.receipt_total),
        "receipt_count": c.receipt_count,
        "missing_receipt_amount": money(c.missing_receipt_amount),
        "flags": list(c.flags),
        "complete": c.complete,
    }


def _line(r: LineResult, money: Money, extras: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "reference": r.reference,
        "cardholder": r.cardholder,
        "transaction_date": r.transaction_date.isoformat(),
        "amount": money(r.amount),
        "merchant": r.merchant,
        "status": r.status,
        "match": _match(r.match),
        "review": r.review,
    }
    if extras:
        out.update(
            id=r.line_id,
            match_source=r.match.source if r.match else None,
            more_entries=list(r.match.more_entry_ids) if r.match else [],
            candidates=[_match(c) for c in r.candidates],
            suggestions=[s.reasons[0] for s in r.suggestions],
            refund_of=r.refund_of,
            notes=list(r.notes),
        )
    return out


def reconciliation_to_json(rec: Reconciliation, *, money: Money = str, extras: bool = False) -> dict[str, Any]:
    """Money as `str` by default ("1234.56"), so no cent is lost on the way through JSON."""
    out: dict[str, Any] = {
        "cardholders": [_cardholder(c, money) for c in rec.cardholders],
        "lines": [_line(r, money, extras) for r in rec.lines],
    }
    if extras:
        out["identity_suggestions"] = [
            {
                "name": s.expense_name,
                "cardholder": s.cardholder,
                "employee_id": s.employee_id,
                "score": s.score,
                "reasons": list(s.reasons),
            }
            for s in rec.identity_suggestions
        ]
        out["changes"] = {
            "newly_complete": list(rec.changes.newly_complete),
            "newly_missing": list(rec.changes.newly_missing),
        }
        out["warnings"] = list(rec.warnings)
    return out
