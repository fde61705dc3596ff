"""How a session's status follows the progress its services report."""

from __future__ import annotations

# "needs_attention" is a finished session a person must look at before its AP import (see domain.attention).
TERMINAL = frozenset({"completed", "needs_attention", "failed", "expired"})
_RANK = {"processing": 0, "extracting": 1, "matching": 2, "reporting": 3, "completed": 4}


def next_status(current: str, stage: str) -> str:
    """The status after a progress stage arrives.

    Failure always wins over work in progress; a terminal status stays put; otherwise a session only
    moves forward, so a late 'extracting' after 'matching' (events from parallel extractors) changes nothing.
    """
    if current in TERMINAL:
        return current
    if stage == "failed":
        return "failed"
    if _RANK.get(stage, -1) > _RANK.get(current, -1):
        return stage
    return current
