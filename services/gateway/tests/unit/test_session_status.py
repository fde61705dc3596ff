from __future__ import annotations

import pytest
from recon_gateway.domain.session_status import next_status


@pytest.mark.parametrize(
    ("current", "stage", "expected"),
    [
        ("processing", "extracting", "extracting"),
        ("extracting", "matching", "matching"),
        ("matching", "extracting", "matching"),  # a late event from a parallel extractor
        ("reporting", "completed", "completed"),
        ("extracting", "failed", "failed"),
        ("failed", "completed", "failed"),
        ("completed", "extracting", "completed"),
        ("completed", "failed", "completed"),
        ("expired", "matching", "expired"),
        ("needs_attention", "matching", "needs_attention"),  # a late event after the session settled
    ],
)
def test_status_moves_forward_and_failure_wins(current: str, stage: str, expected: str) -> None:
    assert next_status(current, stage) == expected
