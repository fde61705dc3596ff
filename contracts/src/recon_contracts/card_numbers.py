"""Full card numbers never leave the file they came in: anything that looks like one is masked to its last
four digits before it is stored, shown or logged.

A card number is 13 to 19 digits run together, or printed in a card's groups split by single spaces or
dashes: 4-4-4-4 (and up to three more), or American Express's 4-6-5. Other digits next to each other
(a date before a reference number) are not joined up. No Luhn check: a number OCR misread still belongs to
a card, and masking a long reference that is not one costs nothing.
"""

from __future__ import annotations

import re
from typing import Any

_CARD_NUMBER = re.compile(
    r"(?<![\d-])(?:\d{13,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{5})(?![\d-])"
)


def _mask(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "X" * (len(digits) - 4) + digits[-4:]


def mask_card_numbers(text: str) -> str:
    """`text` with every card-number-like digit run shown as X's and its last four digits."""
    return _CARD_NUMBER.sub(_mask, text)


def mask_log_event(_logger: Any, _method: str, event: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: masks card numbers in every string of the event (message, fields, tracebacks)."""
    return {key: mask_card_numbers(value) if isinstance(value, str) else value for key, value in event.items()}
