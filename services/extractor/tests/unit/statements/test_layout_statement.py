"""The layout engine over hand-placed words: every row kind, and the rules that keep lines whole and right."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from recon_extractor.pdf.glyphs import Word
from recon_extractor.statements.layout import StatementLayout
from recon_extractor.statements.layout_parser import LayoutParser
from recon_extractor.statements.model import ForeignAmount, Statement

D = Decimal
CHAR = 4.4
LAYOUT = StatementLayout.model_validate(
    {
        "name": "test",
        "issuer": "Test Bank",
        "recognise": {"any": ["TEST BANK"]},
        "period": {"patterns": ["Period (?P<start>{date}) - (?P<end>{date})"], "date_formats": ["%m/%d/%Y"]},
        "account": [r"Account ending (?P<last4>\d{4})"],
        "holder": [r"^Holder: (?P<name>[A-Z ]+)$"],
        "date_formats": ["%m/%d"],
        "credit_styles": ["minus", "parentheses", "cr"],
        "sections": [
            {"name": "purchases", "pattern": "^Purchases$"},
            {"name": "refunds", "pattern": "^Refunds$", "credits": True},
            {"name": "interest_table", "pattern": "^Interest Charge Calculation$", "skip": True},
        ],
        "cardholders": [{"pattern": r"^Card (?P<last4>\d{4}) total (?P<amount>{amount})$", "name_above": True}],
        "transactions": ["^(?P<trans_date>{date}) (?P<description>.+?)(?: (?P<amount>{amount}))?$"],
        "foreign": [r"^(?P<foreign_amount>{money}) (?P<currency>[A-Z]{3}) @ (?P<rate>\d+\.\d+)$"],
        "totals": [
            {"name": "purchases", "pattern": "^Total purchases (?P<amount>{amount})$", "sections": ["purchases"]}
        ],
        "ignore_rows": [r"^Page \d+$"],
    }
)
HEADER = [
    (40, 36, "TEST BANK Account ending 1234"),
    (52, 36, "Period 12/08/2024 - 01/07/2025"),
    (64, 36, "Holder: ANN LEE"),
]


def page(*cells: tuple[float, float, str]) -> list[Word]:
    """Words for (top, x, text) cells: one word per space-separated part, 4.4 pt per character."""
    words: list[Word] = []
    for top, x, text in cells:
        for part in text.split(" "):
            words.append(Word(part, x, x + CHAR * len(part), top, top + 7.0))
            x += CHAR * (len(part) + 1)
    return words


def amount(top: float, text: str, edge: float = 400.0) -> tuple[float, float, str]:
    return top, edge - CHAR * len(text), text


def charge(top: float, text: str, printed: str) -> list[tuple[float, float, str]]:
    """A row with its date and description at the left margin and its amount right-aligned."""
    return [(top, 36, text), amount(top, printed)]


def parse(*pages: list[Word]) -> Statement:
    parser = LayoutParser(LAYOUT)
    for number, words in enumerate(pages, start=1):
        parser.feed(number, words)
    return parser.finish(len(pages))


def test_header_facts_period_account_and_holder() -> None:
    stmt = parse(page(*HEADER, (80, 36, "Purchases"), (92, 36, "12/28 COFFEE"), amount(92, "4.50")))
    assert (stmt.period_start, stmt.period_end, stmt.account) == (date(2024, 12, 8), date(2025, 1, 7), "XXXX1234")
    assert [(c.name, c.card_last4) for c in stmt.cardholders] == [("ANN LEE", "1234")]


def test_dec_jan_years_and_every_credit_style() -> None:
    stmt = parse(
        page(
            *HEADER,
            (80, 36, "Purchases"),
            *charge(92, "12/06 EARLY", "1.00"),
            *charge(104, "12/28 MINUS", "-2.00"),
            *charge(116, "01/02 PARENS", "(3.00)"),
            *charge(128, "01/03 CREDITED", "4.00 CR"),
            *charge(140, "01/04 DOLLAR", "-$1,005.00"),
        )
    )
    lines = stmt.lines
    assert [ln.transaction_date for ln in lines] == [
        date(2024, 12, 6),
        date(2024, 12, 28),
        date(2025, 1, 2),
        date(2025, 1, 3),
        date(2025, 1, 4),
    ]
    assert [ln.amount for ln in lines] == [D("1.00"), D("-2.00"), D("-3.00"), D("-4.00"), D("-1005.00")]
    assert stmt.totals["net"] == D("-1013.00")


def test_a_credits_section_makes_unsigned_amounts_negative() -> None:
    stmt = parse(page(*HEADER, (80, 36, "Refunds"), (92, 36, "12/28 RETURN"), amount(92, "9.99")))
    assert stmt.lines[0].amount == D("-9.99") and stmt.lines[0].category == "refunds"


def test_multi_line_description_and_amount_on_a_later_row() -> None:
    stmt = parse(
        page(
            *HEADER,
            (80, 36, "Purchases"),
            *charge(92, "12/28 DELTA AIR LINES", "420.00"),
            (103, 66, "PASSENGER TICKET 006123"),
            (114, 66, "HOUSTON TX TO DENVER CO"),
            (125, 36, "12/29 A MERCHANT WHOSE NAME"),
            (136, 66, "WRAPS BEFORE ITS"),
            amount(136, "12.34"),
            *charge(147, "12/30 NEXT", "1.00"),
            (158, 36, "Total purchases $433.34"),
        )
    )
    first, second, third = stmt.lines
    assert first.merchant == "DELTA AIR LINES" and first.amount == D("420.00")
    assert first.description == "DELTA AIR LINES PASSENGER TICKET 006123 HOUSTON TX TO DENVER CO"
    assert second.description == "A MERCHANT WHOSE NAME WRAPS BEFORE ITS" and second.amount == D("12.34")
    assert third.description == "NEXT" and stmt.warnings == ()


def test_continuation_must_start_under_the_description_sit_close_and_stay_on_the_page() -> None:
    first = page(
        *HEADER,
        (80, 36, "Purchases"),
        *charge(92, "12/28 COFFEE", "4.50"),
        (103, 36, "A NOTE AT THE LEFT MARGIN"),
        *charge(120, "12/29 TEA", "3.00"),
        (160, 66, "FAR BELOW"),
        (700, 66, "LAST LINE"),
    )
    second = page((40, 66, "NEXT PAGE HEADER TEXT"))
    stmt = parse(first, second)
    assert [ln.description for ln in stmt.lines] == ["COFFEE", "TEA"]


def test_foreign_detail_attaches_to_its_line_without_becoming_one() -> None:
    stmt = parse(
        page(
            *HEADER,
            (80, 36, "Purchases"),
            *charge(92, "12/28 LE BISTRO PARIS", "45.67"),
            (103, 66, "41.80 EUR @ 1.0926"),
            *charge(114, "12/29 TEA", "3.00"),
        )
    )
    assert len(stmt.lines) == 2 and stmt.lines[0].amount == D("45.67")
    assert stmt.lines[0].foreign == ForeignAmount(D("41.80"), "EUR", D("1.0926"))
    assert stmt.lines[0].description == "LE BISTRO PARIS" and stmt.lines[1].foreign is None


def test_cardholders_named_above_their_subtotal_and_totals_checked() -> None:
    stmt = parse(
        page(
            *HEADER,
            (80, 36, "Purchases"),
            (92, 36, "BOB KING"),
            (103, 36, "Card 5678 total $5.00"),
            *charge(114, "12/28 COFFEE", "4.50"),
            (125, 36, "Total purchases $9.99"),
        )
    )
    assert [(c.name, c.card_last4, len(c.lines)) for c in stmt.cardholders] == [("BOB KING", "5678", 1)]
    assert [(f.kind, f.page, f.message) for f in stmt.findings] == [
        ("total_mismatch", 1, "page 1: 'Card 5678 total $5.00' is printed as $5.00 but its lines add up to $4.50"),
        ("total_mismatch", 1, "page 1: 'Total purchases $9.99' is printed as $9.99 but its lines add up to $4.50"),
    ]
    assert stmt.totals["purchases"] == D("9.99") and stmt.warnings == ()


def test_summary_tables_ignored_rows_and_unrecognised_amount_rows() -> None:
    stmt = parse(
        page(
            *HEADER,
            (80, 36, "Purchases"),
            *charge(92, "12/28 COFFEE", "4.50"),
            (104, 36, "Page 1"),
            *charge(116, "SOMETHING WITH AN AMOUNT", "7.00"),
            (122, 36, "Total purchases $4.50"),
            (128, 36, "Interest Charge Calculation"),
            *charge(140, "01/07 Purchases 20.24%", "0.00"),
        )
    )
    assert [ln.description for ln in stmt.lines] == ["COFFEE"]
    assert stmt.warnings == ("page 1: unrecognised row: 'SOMETHING WITH AN AMOUNT 7.00'",)
    assert stmt.findings == ()


def test_a_row_that_looks_like_a_charge_but_is_not_read_is_a_finding_not_a_warning() -> None:
    stmt = parse(
        page(
            *HEADER,
            (80, 36, "Purchases"),
            *charge(92, "12/28 COFFEE", "4.50"),
            *charge(104, "02/30 A DAY THAT DOES NOT EXIST", "7.00"),
            *charge(116, "12/32 CARD 4111 1111 1111 1111", "1.00"),
            *charge(128, "12/31 TEA", "3.00"),
            *charge(140, "7 12/31 A NUMBERED ROW", "2.00"),  # a row number before its date
        )
    )
    assert [ln.description for ln in stmt.lines] == ["COFFEE", "TEA"]
    assert [(f.kind, f.page) for f in stmt.findings] == [("unread_row", 1)] * 3
    assert "'02/30 A DAY THAT DOES NOT EXIST 7.00'" in stmt.findings[0].message
    assert "XXXXXXXXXXXX1111" in stmt.findings[1].message and "4111 1111" not in stmt.findings[1].message
    assert not any("row" in w for w in stmt.warnings)


def test_no_period_is_a_warning_and_yearless_lines_are_not_guessed() -> None:
    stmt = parse(page((40, 36, "TEST BANK"), (80, 36, "Purchases"), (92, 36, "12/28 COFFEE"), amount(92, "4.50")))
    assert stmt.lines == ()
    assert any("statement period not found" in w for w in stmt.warnings)
    assert [(f.kind, f.message) for f in stmt.findings] == [
        ("unread_row", "page 1: no year for the date of 'COFFEE'; line not read")
    ]


SUMMARY_LAYOUT = StatementLayout.model_validate(
    {
        **LAYOUT.model_dump(),
        "totals": [
            *LAYOUT.model_dump()["totals"],
            {"name": "previous", "checked": False},
            {"name": "credits", "label": "Payments", "sections": ["refunds"], "negate": True},
            {"name": "charges", "label": "Charges", "sections": ["purchases"], "plus": ["interest"]},
            {"name": "interest", "pattern": "^Interest this period (?P<amount>{amount})$", "checked": False},
            {"name": "new", "label": "New Balance", "checked": False},
        ],
        "summary": [r"^(?P<previous>{money}) - (?P<credits>{money}) \+ (?P<charges>{money}) = (?P<new>{money})$"],
        "balance": {"start": "previous", "add": ["credits", "charges"], "end": "new"},
    }
)


def summarised(first: str, second: str) -> Statement:
    parser = LayoutParser(SUMMARY_LAYOUT)
    parser.feed(1, page(*HEADER, (76, 36, first), (80, 36, "Purchases"), *charge(92, "12/28 COFFEE", "4.50")))
    parser.feed(
        2,
        page(
            (40, 36, second),
            (52, 36, "Refunds"),
            *charge(64, "12/29 RETURN", "2.00"),
            (76, 36, "Interest this period $1.00"),
        ),
    )
    return parser.finish(2)


def test_a_summary_row_and_the_balance_equation_reconcile_on_every_page_they_are_printed() -> None:
    stmt = summarised("$10.00 - $2.00 + $5.50 = $13.50", "$10.00 - $2.00 + $5.50 = $13.50")
    assert stmt.findings == () and stmt.warnings == ()
    assert {k: stmt.totals[k] for k in ("previous", "credits", "charges", "new")} == {
        "previous": D("10.00"),
        "credits": D("-2.00"),
        "charges": D("5.50"),
        "new": D("13.50"),
    }


def test_a_contradicted_summary_figure_and_a_balance_that_does_not_add_up_are_findings() -> None:
    stmt = summarised("$10.00 - $2.00 + $5.50 = $14.50", "$10.00 - $3.00 + $5.50 = $12.50")
    assert [(f.kind, f.page, f.message) for f in stmt.findings] == [
        ("total_mismatch", 2, "page 2: 'Payments' is printed as -$3.00 but its lines add up to -$2.00"),
        (
            "balance_mismatch",
            1,
            "page 1: the printed balance does not add up: previous $10.00 + Payments -$2.00 + Charges $5.50 = "
            "$13.50, but New Balance is printed as $14.50",
        ),
    ]


def test_a_balance_whose_figures_are_not_all_printed_says_which_it_could_not_find() -> None:
    parser = LayoutParser(SUMMARY_LAYOUT)
    parser.feed(1, page(*HEADER, (76, 36, "$10.00 - $2.00 + $5.50 = $13.50"), (88, 36, "Purchases")))
    stmt = parser.finish(1)
    layout = StatementLayout.model_validate(
        {**SUMMARY_LAYOUT.model_dump(), "balance": {"start": "previous", "add": ["interest"], "end": "new"}}
    )
    parser = LayoutParser(layout)
    parser.feed(1, page(*HEADER, (76, 36, "$10.00 - $2.00 + $5.50 = $13.50")))
    assert "page 1: the balance could not be checked: interest not found" in parser.finish(1).warnings
    assert not any("balance" in w for w in stmt.warnings)


def test_a_total_the_lines_add_to_another_printed_total_names_it() -> None:
    stmt = summarised("$10.00 - $2.00 + $6.50 = $14.50", "$10.00 - $2.00 + $5.50 = $13.50")
    assert [f.message for f in stmt.findings] == [
        "page 1: 'Charges' is printed as $6.50 but its lines and interest $1.00 add up to $5.50"
    ]


def test_a_card_total_naming_a_card_no_line_was_read_on_is_a_finding_unless_it_is_zero() -> None:
    per_card = {
        "name": "card",
        "pattern": r"^Total for card (?P<last4>\d{4}) (?P<amount>{amount})$",
        "per_cardholder": True,
    }
    layout = StatementLayout.model_validate({**LAYOUT.model_dump(), "totals": [per_card]})
    parser = LayoutParser(layout)
    parser.feed(
        1,
        page(
            *HEADER,
            (80, 36, "Purchases"),
            *charge(92, "12/28 COFFEE", "4.50"),
            (104, 36, "Total for card 1234 $4.50"),
            (116, 36, "Total for card 9999 $7.00"),
            (128, 36, "Total for card 8888 $0.00"),
        ),
    )
    stmt = parser.finish(1)
    assert [(f.kind, f.message) for f in stmt.findings] == [
        ("total_mismatch", "page 1: 'Total for card 9999 $7.00' is printed as $7.00 but no line was read on that card")
    ]
    assert stmt.warnings == ()
