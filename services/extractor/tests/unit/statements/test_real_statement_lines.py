"""Rows shaped like real card statements, as public dumps of their text print them (names and amounts
invented), read back exactly: the shapes the layouts were checked against, one test per issuer.

Each row is placed where the issuer prints it (date column, description column, amounts right-aligned), so
the positional reader sees what it would see on the real page.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from fpdf import FPDF
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement

D = Decimal
# A row: (x, text) cells; an x below zero right-aligns the text on -x.
Cells = tuple[tuple[float, str], ...]


def render(tmp_path: Path, pages: list[list[Cells]]) -> Statement:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=8)
    for rows in pages:
        pdf.add_page()
        for i, row in enumerate(rows):
            for x, text in row:
                left = -x - pdf.get_string_width(text) if x < 0 else x
                pdf.text(left, 40 + 11 * i, text)
    path = tmp_path / "statement.pdf"
    path.write_bytes(bytes(pdf.output()))
    return read_statement(path)


def line(when: str, desc: str, amount: str, date_x: float = 36, desc_x: float = 90, edge: float = 560) -> Cells:
    return (date_x, when), (desc_x, desc), (-edge, amount)


def lines(parsed: Statement) -> list[tuple[str, str | None, date, str, Decimal]]:
    return [
        (c.name, c.card_last4, ln.transaction_date, ln.description or "", ln.amount)
        for c in parsed.cardholders
        for ln in c.lines
    ]


def test_chase_business_card_lines_close_with_the_card_subtotal(tmp_path: Path) -> None:
    # Source: steerave/rental-tax-pipeline tests/fixtures/chase_credit/sample_feb_2024.txt (a Chase Ink
    # statement through pdfplumber), same shape in ashok-raj/ChaseAnalyzer: no section headings; each card's
    # lines, payment and fee included, end with the name and "TRANSACTIONS THIS CYCLE (CARD 1091) $2566.65-"
    # (no thousands separator, trailing minus), then "INCLUDING PAYMENTS RECEIVED"; page header "Page2 of 3".
    page1: list[Cells] = [
        ((36, "Manage your account online at:"), (330, "www.chase.com/cardhelp")),
        ((36, "ACCOUNT SUMMARY"),),
        ((36, "Account Number: XXXX XXXX XXXX 1091"),),
        ((36, "Previous Balance"), (-300, "$1,249.98")),
        ((36, "Payment, Credits"), (-300, "-$2,000.00")),
        ((36, "Purchases"), (-300, "+$1,510.38")),
        ((36, "Fees Charged"), (-300, "+$40.00")),
        ((36, "New Balance"), (-300, "$800.36")),
        ((36, "Opening/Closing Date 01/07/24 - 02/06/24"),),
        ((36, "0000001 FIS33339 C 1 N Z 06 24/02/06 Page 1 of 2 00225 MA DA 17665 03710000010001766501"),),
        ((36, "PAT EXAMPLE"),),
        ((36, "EXAMPLE HOLDINGS LLC"),),
        ((36, "123 MAIN ST"),),
        ((36, "ANYTOWN IA 52722"),),
    ]
    page2: list[Cells] = [
        ((36, "PAT EXAMPLE"), (250, "Page2 of 2"), (400, "Statement Date: 02/06/24")),
        ((36, "ACCOUNT ACTIVITY"),),
        ((36, "Date of"),),
        ((36, "Transaction"), (90, "Merchant Name or Transaction Description"), (-560, "$ Amount")),
        line("01/29", "Payment Thank You - Web", "-2,000.00"),
        line("01/05", "SQ *CORNER PHO Anytown IA", "73.14"),
        line("01/18", "HARBOR BATHS Chicago IL", "535.00"),
        line("01/28", "LATE FEE", "40.00"),
        ((36, "PAT EXAMPLE"),),
        ((36, "TRANSACTIONS THIS CYCLE (CARD 1091) $1351.86-"),),
        ((36, "INCLUDING PAYMENTS RECEIVED"),),
        line("01/05", "MCW 1723-LAKEVIEW ANYTOWN IA", "15.98"),
        line("01/30", "COSTCO WHSE#1325 ANYTOWN IA", "886.26"),
        ((36, "SAM SAMPLE"),),
        ((36, "TRANSACTIONS THIS CYCLE (CARD 1109) $902.24"),),
        ((36, "2024 Totals Year-to-Date"),),
        ((36, "Total fees charged in 2024"), (-560, "$80.00")),
        ((36, "INTEREST CHARGES"),),
        ((36, "Purchases 18.49%(v)(d) - 0 - - 0 -"),),
    ]
    parsed = render(tmp_path, [page1, page2])
    assert parsed.issuer == "Chase" and parsed.account == "XXXX1091"
    assert (parsed.period_start, parsed.period_end) == (date(2024, 1, 7), date(2024, 2, 6))
    assert lines(parsed) == [
        ("PAT EXAMPLE", "1091", date(2024, 1, 29), "Payment Thank You - Web", D("-2000.00")),
        ("PAT EXAMPLE", "1091", date(2024, 1, 5), "SQ *CORNER PHO Anytown IA", D("73.14")),
        ("PAT EXAMPLE", "1091", date(2024, 1, 18), "HARBOR BATHS Chicago IL", D("535.00")),
        ("PAT EXAMPLE", "1091", date(2024, 1, 28), "LATE FEE", D("40.00")),
        ("SAM SAMPLE", "1109", date(2024, 1, 5), "MCW 1723-LAKEVIEW ANYTOWN IA", D("15.98")),
        ("SAM SAMPLE", "1109", date(2024, 1, 30), "COSTCO WHSE#1325 ANYTOWN IA", D("886.26")),
    ]
    assert parsed.warnings == (), "both card subtotals, the negative one too, add up"


def test_chase_consumer_sections_foreign_rows_and_amounts_under_a_dollar(tmp_path: Path) -> None:
    # Sources: Mirekkukla/randomscripts chase_extract_tx.py (rows "10/05 AUTOMATIC PAYMENT - THANK YOU -3,826.72",
    # "09/21 CZECH KORUNA" / "175.00 X 0.046171428 (EXCHG RATE)"); a public Chase test-fixture generator
    # (gen-chase-sample.py: PAYMENTS AND OTHER CREDITS / PURCHASE headings, a wrapped flight itinerary,
    # ".99" with no leading zero); a public parser test with "08/05 FOREIGN TRANSACTION FEE .26".
    page: list[Cells] = [
        ((36, "CHASE"), (330, "www.chase.com/cardhelp")),
        ((36, "ACCOUNT SUMMARY"),),
        ((36, "Account Number: XXXX XXXX XXXX 8899"),),
        ((36, "Payment, Credits"), (-300, "-$1,545.00")),
        ((36, "Purchases"), (-300, "+$1,033.85")),
        ((36, "Opening/Closing Date 12/23/25 - 01/22/26"),),
        ((36, "ACCOUNT ACTIVITY"),),
        ((36, "Date of"),),
        ((36, "Transaction"), (90, "Merchant Name or Transaction Description"), (-560, "$ Amount")),
        ((36, "PAYMENTS AND OTHER CREDITS"),),
        line("12/28", "AUTOMATIC PAYMENT - THANK YOU", "-1,500.00"),
        line("01/05", "RIVERSIDE OUTFITTERS SPRINGFIELD IL", "-45.00"),
        ((36, "PURCHASE"),),
        line("12/26", "FAKE AIR 0001112223334 FAKEAIR.COM TX", "842.10"),
        ((90, "011526 1 R ORD LHR"),),
        line("01/08", "FOREIGN SHOP PRAHA", "167.59"),
        ((90, "01/08 CZECH KORUNA"),),
        ((90, "3,630.00 X 0.046168044 (EXCHG RATE)"),),
        line("01/08", "FOREIGN TRANSACTION FEE", "5.03"),
        line("01/20", "DINER ON MAIN 217-555-0199 IL", "18.14"),
        line("01/21", "EBOOK STORE*4Q7XR 800-555-0142 WA", ".99"),
        ((36, "2026 Totals Year-to-Date"),),
        ((36, "Total fees charged in 2026"), (-560, "$5.03")),
    ]
    parsed = render(tmp_path, [page])
    got = [(ln.transaction_date, ln.description, ln.amount, ln.category) for ln in parsed.lines]
    assert got == [
        (date(2025, 12, 28), "AUTOMATIC PAYMENT - THANK YOU", D("-1500.00"), "payments"),
        (date(2026, 1, 5), "RIVERSIDE OUTFITTERS SPRINGFIELD IL", D("-45.00"), "payments"),
        (date(2025, 12, 26), "FAKE AIR 0001112223334 FAKEAIR.COM TX 011526 1 R ORD LHR", D("842.10"), "purchases"),
        (date(2026, 1, 8), "FOREIGN SHOP PRAHA", D("167.59"), "purchases"),
        (date(2026, 1, 8), "FOREIGN TRANSACTION FEE", D("5.03"), "purchases"),
        (date(2026, 1, 20), "DINER ON MAIN 217-555-0199 IL", D("18.14"), "purchases"),
        (date(2026, 1, 21), "EBOOK STORE*4Q7XR 800-555-0142 WA", D("0.99"), "purchases"),
    ]
    fx = parsed.lines[3].foreign
    assert fx is not None and (fx.amount, fx.currency, fx.rate) == (D("3630.00"), "CZECH KORUNA", D("0.046168044"))
    assert parsed.warnings == ()


def test_amex_card_member_named_on_the_row_above_card_ending(tmp_path: Path) -> None:
    # Sources: the Blue from American Express sample statement (vdocument.in, "blue-from-american-express-..."):
    # "Closing Date 01/17/14", "Account Ending -21001" with no first digit, "p. 1/13", and (as in the scribd
    # "Statement-Dec-2015" copy) the card member's name on the row above "Closing Date", no "Prepared for";
    # a public Java extractor
    # (com/budgetbuddy/service/pdf/v2/TransactionExtractor.java) documenting the additional card member's
    # header as two rows, "MUDIT AGARWAL" then "Card Ending 1-21010"; public Amex parsers' row shapes
    # "10/14/24* MOBILE PAYMENT - THANK YOU -$620.00" and "09/22/24 PAYPAL *STARBUCKS 8007827282 WA $25.00".
    page: list[Cells] = [
        ((36, "Blue from American Express"), (-576, "p. 1/3")),
        ((36, "C F SAMPLE"),),
        ((36, "Closing Date 01/17/14"), (330, "Account Ending -21001")),
        ((36, "Account Summary"), (330, "americanexpress.com")),
        ((36, "Detail"), (200, "*Indicates posting date")),
        ((36, "Payments"), (-576, "Amount")),
        line("01/02/14*", "MOBILE PAYMENT - THANK YOU", "-$1,530.00", desc_x=100, edge=576),
        ((100, "Total Payments"), (-576, "-$1,530.00")),
        ((36, "New Charges"),),
        ((36, "Detail"),),
        ((36, "C F SAMPLE"),),
        ((36, "Card Ending -21001"),),
        line("12/22/13", "PAYPAL *COFFEEHOUSE 8007827282 WA", "$25.00", desc_x=100, edge=576),
        ((36, "J Q SAMPLE"),),
        ((36, "Card Ending 1-21019"),),
        line("01/03/14", "HARDWARE BARN 4155550100 CA", "$112.40", desc_x=100, edge=576),
        ((100, "HARDWARE SUPPLIES"),),
        ((100, "Total New Charges"), (-576, "$137.40")),
    ]
    parsed = render(tmp_path, [page])
    assert parsed.issuer == "American Express" and parsed.account == "XXXX1001"
    assert lines(parsed) == [
        ("C F SAMPLE", "1001", date(2014, 1, 2), "MOBILE PAYMENT - THANK YOU", D("-1530.00")),
        ("C F SAMPLE", "1001", date(2013, 12, 22), "PAYPAL *COFFEEHOUSE 8007827282 WA", D("25.00")),
        ("J Q SAMPLE", "1019", date(2014, 1, 3), "HARDWARE BARN 4155550100 CA", D("112.40")),  # not its detail row
    ]
    assert parsed.warnings == ()


def test_capital_one_cards_with_and_without_activity(tmp_path: Path) -> None:
    # Source: Ninja91/ExpenseExplorer debug_statement.md (a 2025 Venture X statement as extracted text): the
    # summary prints "Payments - $591.71" and "Other Credits $0.00" apart; "NAME #0958: Payments, Credits and
    # Adjustments", "Nov 19 Nov 19 CAPITAL ONE AUTOPAY PYMT - $591.71", "NAME #0958: Total Transactions
    # $107.23"; a second card's headers print with no rows under them.
    page: list[Cells] = [
        ((36, "Capital One"), (420, "Page 1 of 1")),
        ((36, "Venture X Card | Visa Infinite ending in 0958"),),
        ((36, "Oct 25, 2025 - Nov 24, 2025 | 31 days in Billing Cycle"),),
        ((36, "Payments"), (-380, "- $591.71")),
        ((36, "Other Credits"), (-380, "$0.00")),
        ((36, "Transactions"), (-380, "+ $107.23")),
        ((36, "Transactions"),),
        ((36, "Visit capitalone.com to see detailed transactions."),),
        ((36, "ALEX EXAMPLE #0958: Payments, Credits and Adjustments"),),
        ((36, "Trans Date"), (76, "Post Date"), (116, "Description"), (-380, "Amount")),
        ((36, "Nov 19"), (76, "Nov 19"), (116, "CAPITAL ONE AUTOPAY PYMT"), (-380, "- $591.71")),
        ((36, "ALEX EXAMPLE #0958: Transactions"),),
        ((36, "Oct 25"), (76, "Oct 27"), (116, "UBER *TRIP HELP.UBER.COM CA"), (-380, "$68.33")),
        ((36, "Nov 16"), (76, "Nov 17"), (116, "MSI INSURANCE BEDFORD TAMPA FL"), (-380, "$38.90")),
        ((36, "ALEX EXAMPLE #0958: Total Transactions"), (-380, "$107.23")),
        ((36, "JO SAMPLE #7495: Payments, Credits and Adjustments"),),
        ((36, "JO SAMPLE #7495: Transactions"),),
        ((36, "Total Transactions for This Period"), (-380, "$107.23")),
        ((36, "Totals Year-to-Date"),),
        ((36, "Total Fees charged"), (-380, "$395.00")),
    ]
    parsed = render(tmp_path, [page])
    assert parsed.issuer == "Capital One" and parsed.account == "XXXX0958"
    assert (parsed.period_start, parsed.period_end) == (date(2025, 10, 25), date(2025, 11, 24))
    assert [(ln.transaction_date, ln.posted_date, ln.amount) for ln in parsed.lines] == [
        (date(2025, 11, 19), date(2025, 11, 19), D("-591.71")),
        (date(2025, 10, 25), date(2025, 10, 27), D("68.33")),
        (date(2025, 11, 16), date(2025, 11, 17), D("38.90")),
    ]
    # The card printed with nothing under it is listed, with no lines: it is on the account.
    assert [(c.name, c.card_last4, len(c.lines)) for c in parsed.cardholders] == [
        ("ALEX EXAMPLE", "0958", 3),
        ("JO SAMPLE", "7495", 0),
    ]
    assert parsed.warnings == ()


def test_us_bank_rows_with_and_without_a_reference_or_a_second_date(tmp_path: Path) -> None:
    # Sources: benjamin-awd/monopoly src/monopoly/banks/usbank/usbank.py (header "Date Date Ref # Transaction
    # Description Amount", "Closing Date: MM/DD/YYYY", amounts "$" + optional CR); a public pdfplumber
    # "US Bank Credit Card" parser that reads "Open Date:" / "Closing Date:" from one row and a second date
    # only when the row has one.
    page: list[Cells] = [
        ((36, "U.S. Bank Visa Platinum Card"), (-576, "usbank.com")),
        ((36, "LEE EXAMPLE"),),
        ((36, "Account Number: XXXX XXXX XXXX 4321"),),
        ((36, "Open Date: 11/09/2024 Closing Date: 12/08/2024"),),
        ((36, "Payments and Other Credits"),),
        ((36, "11/15"), (76, "11/15"), (116, "8234"), (150, "INTERNET PAYMENT THANK YOU"), (-540, "$500.00CR")),
        ((36, "Purchases and Other Debits"),),
        ((36, "11/12"), (76, "11/10"), (116, "5478"), (150, "AMAZON MKTPLACE PMTS AMZN.COM/BILL WA"), (-540, "$12.34")),
        ((36, "11/20"), (76, "11/19"), (150, "CITY PARKING 555-0100 MN"), (-540, "$6.00")),
        ((36, "Interest Charged"),),
        ((36, "12/08"), (150, "INTEREST CHARGE ON PURCHASES"), (-540, "$1.23")),
    ]
    parsed = render(tmp_path, [page])
    assert parsed.issuer == "U.S. Bank"
    got = [(ln.transaction_date, ln.posted_date, ln.reference, ln.description, ln.amount) for ln in parsed.lines]
    assert got == [
        (date(2024, 11, 15), date(2024, 11, 15), "8234", "INTERNET PAYMENT THANK YOU", D("-500.00")),
        (date(2024, 11, 10), date(2024, 11, 12), "5478", "AMAZON MKTPLACE PMTS AMZN.COM/BILL WA", D("12.34")),
        (date(2024, 11, 19), date(2024, 11, 20), None, "CITY PARKING 555-0100 MN", D("6.00")),
        (date(2024, 12, 8), None, None, "INTEREST CHARGE ON PURCHASES", D("1.23")),
    ]
