"""Printed amounts to Decimal: `$1,234.56`, `-$0.45`, `($0.45)`, `0.45 CR`, `$0.45-`, `2.76054`."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_AMOUNT = re.compile(
    r"^(?P<open>\()?\s*(?P<sign1>-)?\s*(?:[$€£]|RM|USD)?\s*(?P<sign2>-)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)\s*(?P<close>\))?\s*(?:(?P<cr>CR)|(?P<trail>-))?$",
    re.IGNORECASE,
)


def parse_amount(text: str | None) -> Decimal | None:
    """The amount printed in `text`, negative for `-`, parentheses or `CR`; None when it is not one."""
    if not text:
        return None
    m = _AMOUNT.match(text.strip())
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None
    try:
        value = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    negative = bool(m.group("sign1") or m.group("sign2") or m.group("open") or m.group("cr") or m.group("trail"))
    return -value if negative else value


def format_money(value: Decimal) -> str:
    """`$1,234.56` / `-$0.45`, for messages."""
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.2f}"
