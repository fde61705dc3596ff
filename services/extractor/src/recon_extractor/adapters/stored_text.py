"""Text read from a file, as it is stored: free text with card numbers masked, no control characters, and
coding that fits its column (or the file fails, naming the entry and the column).

Free text is whatever a person or a printer wrote in words: a line's merchant, category, description and raw
row, a receipt's vendor and everything else it read, an entry's employee, expense type, purpose, merchant and
address. It is masked with `mask_card_numbers` before insert, so a full card number never reaches the database
(DESIGN rule 7): a receipt's "VISA 4111 1111 1111 1111" or a purpose quoting a card are common.
Coding (GL account, job, phase, cost type) is not free text: a long job number is a job number, so it is never
masked; only control characters go, as from every field (PostgreSQL refuses NUL, and the rest mean nothing).

Column widths, chosen per column (migration 0010):
- An entry's employee, expense type and merchant are `text`: a long name or description is legitimate, and
  nothing downstream needs it short.
- Coding stays `varchar(50)`: a longer value is no code of the AP chart (usually a shifted column). Cut, it
  would book to another account; stored whole, the AP import would carry a code the AP system refuses. So the
  file fails alone, naming each entry and column, and its other rows are not stored half-right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from recon_contracts.card_numbers import mask_card_numbers
from recon_contracts.db import ExpenseEntryRow

from recon_extractor.expense_reports.model import ExpenseEntry

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CODING = {"gl_account": "GL account", "job": "job", "phase": "phase", "cost_type": "cost type"}
FREE_TEXT = ("employee", "expense_type", "purpose", "merchant", "address")
SHOWN_PROBLEMS = 5


def code(value: str | None) -> str | None:
    """A coding value without control characters."""
    return None if value is None else _CONTROL.sub("", value)


def free_text(value: str | None) -> str | None:
    """Free text without control characters and with card numbers masked."""
    return None if value is None else mask_card_numbers(_CONTROL.sub("", value))


def masked_json(value: Any) -> Any:
    """A raw row (dicts, lists, strings, numbers) with every string as `free_text`."""
    if isinstance(value, str):
        return free_text(value)
    if isinstance(value, dict):
        return {key: masked_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [masked_json(item) for item in value]
    return value


def stored_entry(entry: ExpenseEntry) -> ExpenseEntry:
    """The entry as stored: free text masked, coding cleaned."""
    changes: dict[str, Any] = {name: free_text(getattr(entry, name)) for name in FREE_TEXT}
    changes.update({name: code(getattr(entry, name)) for name in CODING})
    return replace(entry, **changes)


def _limit(name: str) -> int:
    return int(ExpenseEntryRow.__table__.c[name].type.length)


def _entry_label(entry: ExpenseEntry) -> str:
    facts = [entry.employee, entry.date.isoformat() if entry.date else None]
    facts.append(f"${entry.amount:,.2f}" if entry.amount is not None else None)
    where = f" on page {entry.page}" if entry.page else ""
    return f"entry {entry.index + 1}{where} ({', '.join(f for f in facts if f)})"


def overlong_coding(filename: str, entries: Sequence[ExpenseEntry]) -> str | None:
    """Why the file cannot be stored, when any entry's coding is longer than its column holds; else None."""
    problems = [
        f"{_entry_label(entry)}: its {label} is {len(value)} characters long, more than the {_limit(name)} "
        f"a {label} holds"
        for entry in entries
        for name, label in CODING.items()
        if (value := code(getattr(entry, name))) is not None and len(value) > _limit(name)
    ]
    if not problems:
        return None
    more = f"; and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    return mask_card_numbers(f"{filename}: {shown}{more}. Correct the coding and upload the file again")
