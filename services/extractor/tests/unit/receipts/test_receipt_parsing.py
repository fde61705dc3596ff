"""Receipt text rules on OCR-like text: totals by evidence, vendor rows, currency and country."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from recon_extractor.receipts.locale import receipt_locale
from recon_extractor.receipts.text import parse_receipt_text

D = Decimal


def test_rounding_adjustment_gives_the_total_paid_even_on_an_unlabelled_row() -> None:
    text = """KEDAI RUNCIT MAJU
NO 12, JALAN BESAR, 81100 JOHOR BAHRU
RECEIPT
19/10/2018 20:49:59
TOTAL AMT.... RM 60.31
ROUNDING ADJ.. -0.01
RM 60.30
70.30
CHANGE.... 10.00"""
    fields = parse_receipt_text(text)
    assert fields.total == D("60.30") and fields.confidence["total"] >= 0.9


def test_inclusive_total_beats_exclusive_and_summary_tables() -> None:
    text = """YONG ENTERPRISE
Total Sales (Excluding GST) 80.91
Total GST 0.00
Rounding -0.01
Total Sales (Inclusive of GST) : 80.90
CASH: 100.00
Change: 19.10
GST SUMMARY
Tax Code % Amt (RM) Tax(RM)
SR 0 80.91 0.00
Total: 80.91 0.00"""
    assert parse_receipt_text(text).total == D("80.90")


def test_payable_beats_per_rate_totals() -> None:
    text = """BAKERIES (KL) SDN BHD
Total 0% supplies: 7.61
Total 6% supplies (excl. GST): 24.00
GST: 1.44
Total 6% supplies (Inc. GST): 25.44
Total Payable: 33.05"""
    fields = parse_receipt_text(text)
    assert (fields.total, fields.tax) == (D("33.05"), D("1.44"))


@pytest.mark.parametrize(
    ("rows", "total"),
    [
        ("TOTL, : RM 73.00\nCASH RM 73.00\nCHANGE: RM 0.00", "73.00"),  # OCR garbled the label
        ("Tatal Sales (Inclusive of GST) : 32.70\nCASH : 40.00\nChange : 7.30", "32.70"),
        ("Grand TotalRM15.40\nTotal Paid RM50.00\nChange RM34.60", "15.40"),  # currency glued to the label
        ("TOTAL 78-10\nDEBIT CARD 78-10", "78.10"),  # OCR read the decimal point as a dash
        ("Total Amount: $8.20\nNett Total: $8.20\nCASH $8.20\nChange $0.00", "8.20"),
        ("Total Rounded 08.660\nMastercard -99.80\nTotal RM Including GST 6% 99.80", "99.80"),
    ],
)
def test_garbled_totals(rows: str, total: str) -> None:
    assert parse_receipt_text(f"SOME SHOP SDN BHD\n{rows}").total == D(total)


def test_cash_minus_change_when_no_total_label_survived() -> None:
    text = "SHOP SDN BHD\n1 L Fries 11.10\nEat-In (incl GST) 1.10\nCash Tendered 21.10\nChange 10.00"
    assert parse_receipt_text(text).total == D("11.10")


def test_tendered_is_the_row_nearest_the_change() -> None:
    text = "SHOP\nSub Total RM8.60\nTotal Sales Incl GST @ 6% RM8.60\nCash 8.60\nTendered 9.00\nChange 0.40"
    assert parse_receipt_text(text).total == D("8.60")


def test_without_a_total_the_subtotal_with_its_tax() -> None:
    text = "SHOP SDN BHD\nSUB-TOTAL 49.06\nGST 2.94\nTOTAL 2-品\nCASH\nGST SUMMARY\nSR 49.06 6 2.94"
    fields = parse_receipt_text(text)
    assert fields.total == D("52.00") and fields.confidence["total"] <= 0.5


def test_refund_total_is_negative() -> None:
    assert parse_receipt_text("HAMPTON INN\nMERCHANDISE -377.13\nTOTAL -$377.13\nREFUND").total == D("-377.13")


@pytest.mark.parametrize(
    ("top", "vendor"),
    [
        ("tan woon yann\nINDAH GIFT & HOME DECO\n27,JALAN DEDAP 13,", "INDAH GIFT & HOME DECO"),  # handwriting
        ("MR D.I.Y. (JOHOR) SDN BHD\n(CO.REG :933109-X)\nLOT 1851-A, JALAN KPB 6,", "MR D.I.Y. (JOHOR) SDN BHD"),
        ("AEON CO. (M) BHD (126926-H)\n3RD FLR, AEON TAMAN MALURI", "AEON CO. (M) BHD"),
        ("HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G, JALAN SETIA", "HOME MASTER HARDWARE & ELECTRICAL"),
        (
            "AIK HUAT HARDWARE\nENTERPRISE (SETIA\nALAM) SDN BHD\nNO. 17-G, JALAN",
            "AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD",
        ),
        ("A04110\nT ICE\nDOMINO'S PIZZA\nGST REF NO : 001694261248\n30, Jln Kebudayaan 7", "DOMINO'S PIZZA"),
        ("99 SPEED MART S/B (519537-X)\nLOT P.T. 2811, JALAN ANGSA,", "99 SPEED MART S/B"),
        (
            "TQFOR SHOPPING WITH myNEWS.com\nPAGOH REST AND SERVICE AREA\nLOT R1, KWS REHAT",
            "PAGOH REST AND SERVICE AREA",
        ),
        ("WELCOME TO SHELL #1234\n100 MAIN ST", "SHELL"),
    ],
)
def test_vendor_rows(top: str, vendor: str) -> None:
    assert parse_receipt_text(f"{top}\nTOTAL 1.00").vendor == vendor


def test_customer_block_below_the_address_is_not_the_vendor() -> None:
    text = "PERNIAGAAN ZHENG HUI\nJM0325955-V\nNO.59 JALAN PERMAS 9/5\nGOGIANT ENGINEERING (M) SDN BHD\nTOTAL 5.00"
    assert parse_receipt_text(text).vendor == "PERNIAGAAN ZHENG HUI"


@pytest.mark.parametrize(
    ("text", "country", "currency", "day_first"),
    [
        ("UNIHAKKA INTERNATIONAL SDN BHD\nJALAN TAMPOI\nTotal Amount: $8.20", "MY", "MYR", True),
        ("SHOP PTE LTD\nSINGAPORE 238801\nTOTAL $5.00", "SG", "SGD", True),
        ("SHELL\nHAMMOND, LA 70401\nTOTAL $5.00", "US", "USD", False),
        ("CAFE\nTOTAL €5.00", None, "EUR", True),
        ("SHOP\nTOTAL 5.00", None, None, None),
    ],
)
def test_locale(text: str, country: str | None, currency: str | None, day_first: bool | None) -> None:
    locale = receipt_locale(text)
    assert (locale.country, locale.currency, locale.day_first) == (country, currency, day_first)


def test_malaysian_dollar_receipt_reads_dates_day_first() -> None:
    fields = parse_receipt_text("UNIHAKKA INTERNATIONAL SDN BHD\nJALAN TAMPOI\n05/03/2018\nTotal Amount: $8.20")
    assert (fields.currency, fields.date, fields.date_ambiguous) == ("MYR", date(2018, 3, 5), False)


def test_payment_method_and_no_full_card_number() -> None:
    fields = parse_receipt_text("SHOP\nTOTAL $12.00\nVISA 4111111111111111\nSTRICTLY NO CASH REFUND")
    assert fields.payment_method == "VISA" and fields.card_last4 in (None, "1111")
    cash = parse_receipt_text("SHOP\nTOTAL 12.00\nCASH 20.00\nCHANGE 8.00")
    assert (cash.payment_method, cash.confidence["payment_method"]) == ("CASH", 0.8)
