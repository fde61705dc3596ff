"""Duplicate receipts: flagged and left out of counts and sums, never silently dropped.

Two kinds: the same file or image uploaded twice (same sha256 of the bytes), and the same receipt
photographed or scanned twice (different bytes, but the same vendor, date and total). The vendor is
compared loosely because two photos of one receipt OCR slightly differently (`MR D.I.Y.` /
`MR DIY`): names are reduced to letters and digits, then compared by similarity. A receipt with no
date or no total is never a "same receipt" duplicate: too little is known to say so.
The first receipt seen is the original; later ones point to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Literal

SAME_VENDOR = 0.85


@dataclass(frozen=True)
class ReceiptKey:
    """What duplicates are judged on: an id of the caller's choosing, the bytes' hash and three fields."""

    id: str
    sha256: str | None
    vendor: str | None
    date: date | None
    total: Decimal | None


@dataclass(frozen=True)
class Duplicate:
    """`id` repeats `original`: the same bytes (`same_image`) or the same receipt (`same_receipt`)."""

    id: str
    original: str
    reason: Literal["same_image", "same_receipt"]


def _letters(name: str | None) -> str:
    return re.sub(r"[^A-Z0-9]", "", (name or "").upper())


def _same_vendor(a: str | None, b: str | None) -> bool:
    x, y = _letters(a), _letters(b)
    if not x or not y:
        return not x and not y  # neither has a readable name: date and total decide alone
    return x == y or SequenceMatcher(None, x, y).ratio() >= SAME_VENDOR


def find_duplicates(receipts: Sequence[ReceiptKey]) -> list[Duplicate]:
    """Each receipt that repeats an earlier one, with the earlier one's id and why."""
    found: list[Duplicate] = []
    by_hash: dict[str, str] = {}
    originals: list[ReceiptKey] = []
    for r in receipts:
        if r.sha256 and r.sha256 in by_hash:
            found.append(Duplicate(r.id, by_hash[r.sha256], "same_image"))
            continue
        if r.sha256:
            by_hash[r.sha256] = r.id
        match = None
        if r.date is not None and r.total is not None:
            match = next(
                (o for o in originals if o.date == r.date and o.total == r.total and _same_vendor(o.vendor, r.vendor)),
                None,
            )
        if match is not None:
            found.append(Duplicate(r.id, match.id, "same_receipt"))
        else:
            originals.append(r)
    return found


def distinct(receipts: Sequence[ReceiptKey]) -> list[ReceiptKey]:
    """The receipts without their duplicates: what to count and sum."""
    repeated = {d.id for d in find_duplicates(receipts)}
    return [r for r in receipts if r.id not in repeated]
