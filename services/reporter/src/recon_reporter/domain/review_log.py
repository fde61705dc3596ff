"""The Review log in words: who decided what, when, about which line (reference, merchant, amount) or name, with
the entry and receipt it named (employee, date, amount, purpose) and what the line was before. Never an id or JSON:
an id nobody can name any more reads as such."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from recon_reporter.domain.report_rows import STATUS_LABELS, AuditLine, dollars

ACTION_WORDS = {
    "line.approve": "approved",
    "line.reject": "rejected",
    "line.reassign": "reassigned",
    "line.no_receipt": "accepted without a receipt",
    "alias.confirm": "confirmed a name",
    "alias.reject": "rejected a name",
}
_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


@dataclass(frozen=True)
class AuditRecord:
    """An audit log row as stored (ids and JSON)."""

    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str | None
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


def line_label(reference: str | None, when: date, merchant: str, amount: Decimal) -> str:
    """line 000127739 (SHELL OIL, $36.66)."""
    return f"line {reference or 'of ' + when.isoformat()} ({merchant}, {dollars(amount)})"


def entry_label(employee: str, when: date | None, amount: Decimal | None, purpose: str | None) -> str:
    """entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12."""
    parts = [employee, when.isoformat() if when else None, dollars(amount) if amount is not None else None, purpose]
    return "entry of " + ", ".join(p for p in parts if p)


def receipt_label(file_name: str, vendor: str | None, when: date | None, amount: Decimal | None) -> str:
    """receipt r.pdf (Shell, 2025-03-04, $36.66)."""
    parts = [vendor, when.isoformat() if when else None, dollars(amount) if amount is not None else None]
    shown = ", ".join(p for p in parts if p)
    return f"receipt {file_name} ({shown})" if shown else f"receipt {file_name}"


def ids_named(record: AuditRecord) -> set[str]:
    """The row ids a record mentions, so the caller can look up their labels."""
    found = {record.target_id} if record.target_id else set()
    for side in (record.before, record.after):
        found |= {str(v) for v in (side or {}).values() if isinstance(v, str) and _ID.match(v)}
    return found


def _name(value: Any, labels: Mapping[str, str], missing: str) -> str:
    return labels.get(str(value), missing)


def _line_decision(after: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    parts = []
    if after.get("expense_entry_id"):
        parts.append(_name(after["expense_entry_id"], labels, "an entry no longer in the session"))
    if after.get("receipt_id"):
        parts.append(_name(after["receipt_id"], labels, "a receipt no longer in the session"))
    if after.get("reason"):
        parts.append(f"reason: {after['reason']}")
    return "; ".join(parts)


def _line_before(before: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    status = before.get("line_status")
    words = STATUS_LABELS.get(status or "", "not matched yet")
    if before.get("expense_entry_id"):
        words += ", with " + _name(before["expense_entry_id"], labels, "an entry no longer in the session")
    return words


def _plain(side: Mapping[str, Any] | None) -> str:
    """Any other record: its values in words, ids left out."""
    items = [
        (k, v) for k, v in (side or {}).items() if v not in (None, "") and not (isinstance(v, str) and _ID.match(v))
    ]
    return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in items)


def describe(record: AuditRecord, labels: Mapping[str, str]) -> AuditLine:
    action = ACTION_WORDS.get(record.action, record.action.replace(".", " ").replace("_", " "))
    at = record.at.replace(tzinfo=None)
    if record.target_type == "card_line":
        subject = _name(record.target_id, labels, "a card line no longer in the session")
        decision = _line_decision(record.after or {}, labels)
        return AuditLine(at, record.actor, action, subject, decision, _line_before(record.before or {}, labels))
    if record.target_type == "cardholder_alias":
        after = record.after or {}
        verb = "is" if record.action == "alias.confirm" else "is not"
        decision = f"{record.target_id} {verb} {after.get('cardholder_name', 'that cardholder')}"
        before = (record.before or {}).get("status") or "not decided before"
        return AuditLine(at, record.actor, action, f"name {record.target_id}", decision, before)
    subject = _name(record.target_id, labels, record.target_type.replace("_", " "))
    return AuditLine(at, record.actor, action, subject, _plain(record.after), _plain(record.before))
