"""Full card numbers never leave the file they came in: anything that looks like one is masked to its last
four digits before it is stored, shown or logged.

A run of digit groups (separated by one or two spaces of any width, a dash, a dot or an underscore) is a card
number when its groups hold 13 to 19 digits and either
- it is one unbroken run, or is printed in a card's groups (4-4-4-4 with up to three more digits, American
  Express's 4-6-5, Diners' 4-6-4): no Luhn check here, since a number OCR misread still belongs to a card
  and a statement may print a test number that fails it; or
- it passes the Luhn check, however it is grouped (`4111 11 1111 111 1111`, OCR's odd splits).
Digits glued to a date or a decimal (`03/04/2025 000127739`, `$1,234.56`) never start or end a card number,
and longer runs (20 digits and up) are other identifiers.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

_SPACES = " \u00a0\u2007\u2009\u202f"
# Digit groups and the separators between them; a group glued to `/`, `,`, `-` or a decimal point on its
# outer side belongs to a date, an amount or a range, not to a card.
_RUN = re.compile(
    rf"(?<![\d/.,-])\d+(?:(?:[{_SPACES}]{{1,2}}|[-._])\d+)*(?![\d/,]|[.-]\d)",
)
_GROUP = re.compile(r"\d+")
_CARD_SHAPES = ((4, 4, 4, 4), (4, 6, 5), (4, 6, 4))
MIN_DIGITS, MAX_DIGITS = 13, 19


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card_shaped(sizes: Sequence[int]) -> bool:
    if len(sizes) == 1:
        return True
    if tuple(sizes) in _CARD_SHAPES:
        return True
    return tuple(sizes[:4]) == (4, 4, 4, 4) and len(sizes) == 5 and sizes[4] <= 3


def _card_span(groups: Sequence[re.Match[str]], start: int) -> int | None:
    """The index past the last group of the longest card number starting at group `start`, if any."""
    best = None
    digits = ""
    for end in range(start, len(groups)):
        digits += groups[end].group(0)
        if len(digits) > MAX_DIGITS:
            break
        if len(digits) >= MIN_DIGITS:
            sizes = [len(g.group(0)) for g in groups[start : end + 1]]
            if _card_shaped(sizes) or luhn_valid(digits):
                best = end + 1
    return best


def _mask_run(run: str) -> str:
    groups = list(_GROUP.finditer(run))
    out: list[str] = []
    cursor = 0
    i = 0
    while i < len(groups):
        end = _card_span(groups, i)
        if end is None:
            i += 1
            continue
        first, last = groups[i], groups[end - 1]
        digits = "".join(g.group(0) for g in groups[i:end])
        out.append(run[cursor : first.start()])
        out.append("X" * (len(digits) - 4) + digits[-4:])
        cursor = last.end()
        i = end
    out.append(run[cursor:])
    return "".join(out)


def mask_card_numbers(text: str) -> str:
    """`text` with every card-number-like digit run shown as X's and its last four digits."""
    return _RUN.sub(lambda m: _mask_run(m.group(0)), text)


# Ids we generate as hex: a run of 13+ digits inside one is no card number, and masking it breaks the trace link.
_OWN_IDS = frozenset({"trace_id", "span_id"})


def mask_log_event(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: masks card numbers in every string of the event (message, fields, tracebacks)."""
    return {
        key: mask_card_numbers(value) if isinstance(value, str) and key not in _OWN_IDS else value
        for key, value in event.items()
    }


class CardNumberFilter(logging.Filter):
    """A stdlib logging filter: the record's message (arguments merged) with card numbers masked, for the
    libraries that log without structlog (Kafka client, web server, database driver)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_card_numbers(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
