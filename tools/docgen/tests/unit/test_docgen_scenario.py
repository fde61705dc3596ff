from datetime import date
from decimal import Decimal

from recon_docgen.scenario import make_statement, receipt_for, vendor_name


def test_same_seed_same_statement() -> None:
    assert make_statement(42, cardholders=8) == make_statement(42, cardholders=8)
    assert make_statement(42, cardholders=8) != make_statement(43, cardholders=8)


def test_sums_hold_at_every_level() -> None:
    stmt = make_statement(3, cardholders=20, lines_per_cardholder=(5, 15), credit_ratio=0.2)
    for ch in stmt.cardholders:
        for line in ch.lines:
            assert line.items
            for item in line.items:
                assert item.net == item.gross - item.discount
            assert line.net == sum((i.net for i in line.items), Decimal(0))
            assert line.amount == line.net
        assert ch.net == sum((ln.net for ln in ch.lines), Decimal(0))
    assert stmt.net == sum((ch.net for ch in stmt.cardholders), Decimal(0))
    assert stmt.gross - stmt.discount == stmt.net
    assert stmt.line_count == len(stmt.lines)


def test_printed_fields_look_like_wex() -> None:
    stmt = make_statement(5, cardholders=30, lines_per_cardholder=(4, 12))
    refs = [ln.reference for ln in stmt.lines]
    assert len(set(refs)) == len(refs)
    assert all(len(r) == 9 and r.isdigit() for r in refs)
    assert all(len(ln.merchant) <= 18 and len(ln.state) == 2 for ln in stmt.lines)
    for ch in stmt.cardholders:
        assert ch.name.isupper() and " " not in ch.name
        assert ch.card_number.startswith("556735XXXXXX") and ch.card_last4.isdigit()
    assert "GEAUXPASS" in [ch.name for ch in stmt.cardholders]
    assert [ch.name for ch in stmt.cardholders] == sorted(ch.name for ch in stmt.cardholders)
    for line in stmt.lines:
        assert stmt.period_start <= line.posted_date <= stmt.period_end
        assert line.transaction_date <= line.posted_date


def test_the_hard_cases_occur() -> None:
    stmt = make_statement(9, cardholders=40, lines_per_cardholder=(5, 15), credit_ratio=0.1)
    items = [i for ln in stmt.lines for i in ln.items]
    assert any(ln.net < 0 for ln in stmt.lines)
    assert any(i.quantity < 0 for i in items)
    assert any(i.description is None for i in items)
    assert any(ln.description is None for ln in stmt.lines)
    assert any(i.discount > 0 for i in items)
    assert any(len(ln.items) > 1 for ln in stmt.lines)
    assert all(i.ppu.as_tuple().exponent == -5 for i in items)


def test_period_can_be_given() -> None:
    stmt = make_statement(1, period=(date(2024, 12, 1), date(2024, 12, 31)))
    assert (stmt.period_start, stmt.period_end) == (date(2024, 12, 1), date(2024, 12, 31))
    assert all(date(2024, 12, 1) <= ln.posted_date <= date(2024, 12, 31) for ln in stmt.lines)


def test_receipt_matches_its_swipe() -> None:
    stmt = make_statement(11, cardholders=10, credit_ratio=0.2)
    for ch in stmt.cardholders:
        for line in ch.lines:
            receipt = receipt_for(line, 11, card_last4=ch.card_last4)
            assert receipt == receipt_for(line, 11, card_last4=ch.card_last4)
            assert receipt.total == line.net and receipt.date == line.transaction_date
            assert receipt.card_last4 == ch.card_last4
            assert sum((amount for _, amount in receipt.items), Decimal(0)) == (receipt.subtotal or receipt.total)
            if receipt.subtotal is not None:
                parts = receipt.subtotal + (receipt.tax or 0) + (receipt.tip or 0)
                assert parts == receipt.total


def test_vendor_name_drops_store_numbers() -> None:
    assert vendor_name("SHELL OIL129799150") == "SHELL OIL"
    assert vendor_name("WHATABURGER 123") == "WHATABURGER"
    assert vendor_name("OVERHEAD DOOR COMP") == "OVERHEAD DOOR COMP"
