"""Duplicate receipts are flagged against the first one and left out of what is counted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from recon_extractor.receipts.duplicates import Duplicate, ReceiptKey, distinct, find_duplicates

D = Decimal
DAY = date(2018, 1, 12)


def test_same_bytes_twice() -> None:
    receipts = [ReceiptKey("a", "h1", "MR D.I.Y.", DAY, D("33.90")), ReceiptKey("b", "h1", None, None, None)]
    assert find_duplicates(receipts) == [Duplicate("b", "a", "same_image")]


def test_same_receipt_photographed_twice_despite_ocr_differences() -> None:
    receipts = [
        ReceiptKey("a", "h1", "MR D.I.Y. (JOHOR) SDN BHD", DAY, D("33.90")),
        ReceiptKey("b", "h2", "MR DIY (JOHOR) SDN BHD", DAY, D("33.90")),
    ]
    assert find_duplicates(receipts) == [Duplicate("b", "a", "same_receipt")]
    assert [r.id for r in distinct(receipts)] == ["a"]


def test_different_vendor_date_or_total_is_not_a_duplicate() -> None:
    base = ReceiptKey("a", "h1", "SHELL", DAY, D("40.00"))
    others = [
        ReceiptKey("b", "h2", "EXXON", DAY, D("40.00")),
        ReceiptKey("c", "h3", "SHELL", date(2018, 1, 13), D("40.00")),
        ReceiptKey("d", "h4", "SHELL", DAY, D("40.01")),
    ]
    assert find_duplicates([base, *others]) == []


def test_unknown_date_or_total_is_never_a_same_receipt_duplicate() -> None:
    receipts = [ReceiptKey("a", "h1", "SHELL", None, D("40.00")), ReceiptKey("b", "h2", "SHELL", None, D("40.00"))]
    assert find_duplicates(receipts) == []


def test_three_copies_all_point_to_the_first() -> None:
    receipts = [ReceiptKey(i, f"h{i}", "SHELL", DAY, D("40.00")) for i in "abc"]
    assert find_duplicates(receipts) == [Duplicate("b", "a", "same_receipt"), Duplicate("c", "a", "same_receipt")]
