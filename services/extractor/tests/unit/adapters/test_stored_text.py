from __future__ import annotations

from datetime import date
from decimal import Decimal

from recon_extractor.adapters.stored_text import free_text, masked_json, overlong_coding, stored_entry
from recon_extractor.expense_reports.model import ExpenseEntry

CARD = "4111 1111 1111 1111"


def _entry(index: int = 0, **fields: str | None) -> ExpenseEntry:
    values: dict[str, str | None] = dict.fromkeys(
        ("expense_type", "purpose", "merchant", "address", "gl_account", "job", "phase", "cost_type")
    )
    values.update(fields)
    return ExpenseEntry(index, "ANNA BROWN", date=date(2025, 9, 3), amount=Decimal("40.00"), **values)  # type: ignore[arg-type]


def test_free_text_masks_card_numbers_and_drops_control_characters() -> None:
    assert free_text(f"paid with VISA {CARD}\x00\x07 ok\tthen") == "paid with VISA XXXXXXXXXXXX1111 ok\tthen"
    assert free_text(None) is None


def test_raw_rows_are_masked_everywhere_inside() -> None:
    raw = {"city": "X", "items": [{"description": f"card {CARD}", "net": "1.00"}], "page": 3, "n": None}
    assert masked_json(raw) == {
        "city": "X",
        "items": [{"description": "card XXXXXXXXXXXX1111", "net": "1.00"}],
        "page": 3,
        "n": None,
    }


def test_an_entry_masks_free_text_but_never_its_coding() -> None:
    job = "4111111111111111"  # a long job number is a job number
    entry = stored_entry(
        _entry(purpose=f"card {CARD}", merchant=f"SHELL {CARD}", address=CARD, expense_type=CARD, job=job + "\x00")
    )
    assert entry.purpose == "card XXXXXXXXXXXX1111"
    assert entry.merchant == "SHELL XXXXXXXXXXXX1111"
    assert entry.address == entry.expense_type == "XXXXXXXXXXXX1111"
    assert entry.job == job


def test_coding_longer_than_its_column_names_each_entry_and_column() -> None:
    entries = [_entry(0, gl_account="6100"), _entry(1, gl_account="G" * 61), _entry(2, phase="P" * 51, job="J" * 50)]
    assert overlong_coding("expenses.csv", entries) == (
        "expenses.csv: entry 2 (ANNA BROWN, 2025-09-03, $40.00): its GL account is 61 characters long, more than "
        "the 50 a GL account holds; entry 3 (ANNA BROWN, 2025-09-03, $40.00): its phase is 51 characters long, "
        "more than the 50 a phase holds. Correct the coding and upload the file again"
    )
    assert overlong_coding("expenses.csv", entries[:1]) is None
    # Control characters do not count: they are not stored.
    assert overlong_coding("e.csv", [_entry(gl_account="G" * 50 + "\x00")]) is None


def test_many_overlong_values_are_summarised() -> None:
    message = overlong_coding("e.csv", [_entry(i, job="J" * 60) for i in range(8)])
    assert message is not None
    assert message.count("its job is 60 characters long") == 5
    assert "; and 3 more." in message
