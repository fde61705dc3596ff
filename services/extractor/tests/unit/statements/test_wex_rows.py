from datetime import date
from decimal import Decimal

from recon_extractor.statements.wex_rows import block_field, parse_item, parse_totals, report_period, totals_kind


def test_block_fields() -> None:
    assert block_field("Cardholder Name: WILLIAMBURT") == ("Cardholder Name", "WILLIAMBURT")
    assert block_field("Card Number: 556735XXXXXX0028 BATON ROUGE, LA 70801") == (
        "Card Number",
        "556735XXXXXX0028 BATON ROUGE, LA 70801",
    )
    assert block_field("Account Code = S-89S") is None


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
