"""One statement period per session, and the very same file once (the pure verdict)."""

from __future__ import annotations

import uuid
from datetime import date

from recon_extractor.adapters.statement_admission import StoredStatement, admit, period_label

SEPTEMBER = (date(2025, 9, 1), date(2025, 9, 30))
FEBRUARY = (date(2025, 2, 1), date(2025, 2, 28))
HELD = StoredStatement(uuid.uuid4(), "sept.pdf", "a" * 64, SEPTEMBER)


def test_the_first_statement_and_the_same_period_are_stored() -> None:
    assert admit("sept.pdf", "a" * 64, SEPTEMBER, False, []).verdict == "store"
    corrected = admit("sept-fixed.pdf", "b" * 64, SEPTEMBER, False, [HELD])
    assert corrected.verdict == "store" and corrected.message is None


def test_the_same_file_again_adds_nothing_and_names_the_original() -> None:
    again = admit("copy.pdf", "a" * 64, SEPTEMBER, False, [HELD])
    assert again.verdict == "duplicate" and again.duplicate_of == HELD.upload_id
    assert again.message == "copy.pdf: the same file as sept.pdf, already in this session; nothing was added"


def test_another_month_is_refused_with_its_month_and_a_way_forward() -> None:
    refused = admit("feb.pdf", "b" * 64, FEBRUARY, False, [HELD])
    assert refused.verdict == "refused"
    assert refused.message == (
        "feb.pdf: this statement is for February 2025, but this session holds September 2025; start a new "
        "session for February 2025 (or upload it again with allow_other_period=true to keep both periods in "
        "this session)"
    )


def test_another_month_with_the_override_says_the_session_spans_both() -> None:
    joined = admit("feb.pdf", "b" * 64, FEBRUARY, True, [HELD])
    assert joined.verdict == "store"
    assert joined.message == "feb.pdf: February 2025 joins September 2025; the session spans both"


def test_a_statement_without_a_period_cannot_be_compared_and_is_stored() -> None:
    assert admit("x.pdf", "b" * 64, (None, None), False, [HELD]).verdict == "store"


def test_period_labels() -> None:
    assert period_label(SEPTEMBER) == "September 2025"
    assert period_label((date(2025, 2, 26), date(2025, 3, 25))) == "26 February to 25 March 2025"
    assert period_label((None, None)) == "an unknown period"
