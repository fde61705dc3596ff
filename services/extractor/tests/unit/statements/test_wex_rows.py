from datetime import date
from decimal import Decimal

from recon_extractor.statements.wex_rows import (
    is_furniture,
    looks_like_charge,
    parse_item,
    parse_totals,
    report_period,
    totals_kind,
)


def test_furniture_and_rows_that_look_like_charges() -> None:
    assert all(map(is_furniture, ["Page 3 of 9", "Page 12", "Account Code = S-89S", "Primary Sort: Cardholder Name"]))
    assert not is_furniture("03/04/2025 SHELL $12.00 Page 3")
    assert is_furniture("Run on 6/2/2025 8:15:32 AM") and is_furniture("Run on 6/2/2025 8:15:32 AM Page 2 of 7")
    assert looks_like_charge("03/04/2025 MANUAL ADJUSTMENT 1,012.00")
    assert looks_like_charge("F 000127739 SHELL OIL129799150")
    assert not looks_like_charge("Posted Date between 3/1/2025 and 3/31/2025")
    assert not looks_like_charge("OIL086166926")  # a merchant's wrapped store number
    assert looks_like_charge("1 1 / 1 4 / 2 0 2 5 H O M E 5 4 5 . 3 8")  # text come apart into letters
    assert looks_like_charge("C a r d h o l d e r T o t a l s : $ 1 7 8 0 . 9 7")
    assert not looks_like_charge("Produced On: 4/2/2025 8:15:32 AM")


def test_period_and_totals_rows() -> None:
    assert report_period("Posted Date between 3/1/2025 and 3/31/2025") == (date(2025, 3, 1), date(2025, 3, 31))
    assert report_period("From: 03/01/2025 To: 03/31/2025") == (date(2025, 3, 1), date(2025, 3, 31))
    assert totals_kind("Transaction Totals: $1.00 $0.00 $1.00") == "transaction"
    assert totals_kind("Grand Totals: $1.00") == "report"
    assert totals_kind("03/04/2025 SHELL") is None
    assert totals_kind("Transaction Totais: $41.28 $0.00 $41.28") == "transaction"  # OCR's l for i
    assert parse_totals({"gross": "-$0.45", "discount": "$0.00", "net": "-$0.45"}) == (
        Decimal("-0.45"),
        Decimal("0.00"),
        Decimal("-0.45"),
    )


def test_product_row_with_empty_description_and_foreign_state() -> None:
    row = parse_item(
        {
            "trans_date": "03/04/2025",
            "posted_date": "03/06/2025",
            "level": "N",
            "reference": "000127739",
            "merchant": "HOTEL CONTINENTAL",
            "city": "OSLO, CN",
            "group": "HOTELS",
            "ppu": "1,204.50000",
            "quantity": "1.00",
            "gross": "$1,204.50",
            "discount": "$0.00",
            "net": "$1,204.50",
        }
    )
    assert row is not None
    assert (row.city, row.state, row.item.description) == ("OSLO", "CN", None)
    assert row.item.ppu == Decimal("1204.50000") and row.item.net == Decimal("1204.50")
    assert parse_item({"trans_date": "Trans Date"}) is None
    garbled = {"trans_date": "03/04/2025", "reference": "000127739 HOTEL", "merchant": "CONTINENTAL", "net": "$1.00"}
    assert parse_item(garbled) is None


def test_a_wrapped_line_continues_its_product_row() -> None:
    cells = {"trans_date": "03/04/2025", "reference": "000127739", "merchant": "SHELL", "city": "BREAUX"}
    row = parse_item({**cells, "group": "FUEL", "description": "UNL REG", "net": "$36.66"})
    assert row is not None and (row.city, row.state) == ("BREAUX", None)
    more = row.continued({"merchant": "OIL129799150", "city": "BRIDGE, LA", "description": "86/87 OC"})
    assert (more.merchant, more.city, more.state, more.category) == (
        "SHELL OIL129799150",
        "BREAUX BRIDGE",
        "LA",
        "FUEL",
    )
    assert more.item.description == "UNL REG 86/87 OC"
