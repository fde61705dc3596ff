"""Generated Amex, Chase, Capital One and U.S. Bank statements come back exact, and one test per failure a
statement reader is prone to: credits dropped or unsigned, lines lost, wrapped descriptions cut (or Amex
detail rows taken for the description), foreign
detail rows read as charges, December lines given January's year, summary tables or page headers read as
charges, lines given to the wrong card."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from recon_docgen.consumer_check import consumer_differences
from recon_docgen.consumer_pdf import (
    FORMATS,
    PLAIN,
    ConsumerStatement,
    Typeset,
    make_consumer_statement,
    render_consumer_statement,
)
from recon_docgen.consumer_scenario import SINGLE_HOLDER, Format
from recon_extractor.amounts import format_money
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement

D = Decimal
ISSUERS = {
    "amex": "American Express",
    "chase": "Chase",
    "chase_consumer": "Chase",
    "capital_one": "Capital One",
    "us_bank": "U.S. Bank",
    "bank_of_america": "Bank of America",
}


def generate(fmt: Format, seed: int = 1, **kwargs: object) -> ConsumerStatement:
    options: dict[str, object] = {
        "cardholders": 3,
        "lines_per_cardholder": (6, 24),
        "credit_ratio": 0.15,
        "fx_ratio": 0.25,
        "wrap_ratio": 0.3,
    }
    options.update(kwargs)
    return make_consumer_statement(fmt, seed, **options)


def read(truth: ConsumerStatement, tmp_path: Path, typeset: Typeset = PLAIN, parentheses: bool = False) -> Statement:
    path = tmp_path / f"{truth.format}.pdf"
    render_consumer_statement(truth, path, typeset=typeset, parentheses=parentheses)
    return read_statement(path)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_statements_are_exact_with_no_warnings(tmp_path: Path, fmt: Format, seed: int) -> None:
    truth = generate(fmt, seed)
    parsed = read(truth, tmp_path, Typeset(doubled_bold=seed == 2))
    assert parsed.issuer == ISSUERS[fmt]
    assert consumer_differences(truth, parsed) == []
    assert parsed.warnings == () and parsed.findings == ()
    assert parsed.account == f"XXXX{truth.account_last4}"


# Fonts wider and narrower than the layouts were written against, rows closer and further apart, 6-9 pt text.
TYPESETS = (
    Typeset(font="Times", leading=9.0, scale=0.75),
    Typeset(font="Courier", leading=12.0, scale=0.9),
    Typeset(font="Courier", leading=14.0, scale=0.75),  # small text, loose rows: wrapped rows still attach
    Typeset(font="Helvetica", leading=13.0, scale=1.1, doubled_bold=True, bold_copies_last=True, letter_spaced=True),
)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("typeset", TYPESETS, ids=lambda t: f"{t.font}-{t.leading:g}-{t.scale:g}")
def test_statements_set_in_other_fonts_sizes_and_leading_read_the_same(
    tmp_path: Path, fmt: Format, typeset: Typeset
) -> None:
    truth = generate(fmt, 15)
    parsed = read(truth, tmp_path, typeset)
    assert consumer_differences(truth, parsed) == []
    assert parsed.warnings == () and parsed.findings == ()


@pytest.mark.parametrize("fmt", FORMATS)
def test_multi_page_statements_keep_every_line(tmp_path: Path, fmt: Format) -> None:
    per_holder = (80, 100) if fmt in SINGLE_HOLDER else (30, 45)  # these print one list for the account
    truth = generate(fmt, 7, cardholders=5, lines_per_cardholder=per_holder)
    path = tmp_path / "long.pdf"
    pages = render_consumer_statement(truth, path)
    assert pages >= 3, "page breaks, repeated page headers and footers are part of the test"
    parsed = read_statement(path)
    assert consumer_differences(truth, parsed) == [] and parsed.warnings == ()
    assert len(parsed.lines) == len(truth.lines)


@pytest.mark.parametrize(
    ("fmt", "parentheses", "printed"),
    [
        ("amex", False, "-$"),
        ("chase", False, "-"),
        ("chase_consumer", False, "-"),
        ("capital_one", False, "- $"),
        ("capital_one", True, "($"),
        ("us_bank", False, "CR"),
        ("bank_of_america", False, "-"),
    ],
)
def test_credits_are_kept_and_negative_in_every_credit_style(
    tmp_path: Path, fmt: Format, parentheses: bool, printed: str
) -> None:
    truth = generate(fmt, 4, credit_ratio=0.4)
    parsed = read(truth, tmp_path, parentheses=parentheses)
    want = Counter(ln.amount for ln in truth.lines if ln.amount < 0)
    got = Counter(ln.amount for ln in parsed.lines if ln.amount < 0)
    assert want and got == want
    assert parsed.totals["net"] == truth.total()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_printed_balance_that_does_not_add_up_is_a_finding_and_the_lines_stay_exact(
    tmp_path: Path, fmt: Format
) -> None:
    truth = replace(generate(fmt, 13), misprint=D("100.00"))
    parsed = read(truth, tmp_path)
    assert consumer_differences(truth, parsed) == [] and parsed.warnings == ()
    computed, printed = format_money(truth.new_balance - truth.misprint), format_money(truth.new_balance)
    assert parsed.findings and {f.kind for f in parsed.findings} == {"balance_mismatch"}
    assert all(f"= {computed}, but" in f.message and f"printed as {printed}" in f.message for f in parsed.findings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_dates_take_the_year_from_a_december_january_period(tmp_path: Path, fmt: Format) -> None:
    truth = generate(fmt, 5, cycle=(date(2024, 12, 8), date(2025, 1, 7)), lines_per_cardholder=(12, 24))
    parsed = read(truth, tmp_path)
    years = Counter(ln.transaction_date.year for ln in parsed.lines)
    assert years[2024] and years[2025], "the statement spans the new year"
    assert [ln.transaction_date for ln in parsed.lines] == [ln.transaction_date for ln in truth.lines]
    assert parsed.period_end == date(2025, 1, 7)


@pytest.mark.parametrize("fmt", ["amex", "chase"])
def test_foreign_currency_rows_attach_to_their_charge(tmp_path: Path, fmt: Format) -> None:
    truth = generate(fmt, 6, fx_ratio=0.5)
    parsed = read(truth, tmp_path)
    foreign = [(ln, p) for ln, p in zip(truth.lines, parsed.lines, strict=True) if ln.foreign]
    assert foreign
    for want, got in foreign:
        assert got.amount == want.amount, "the USD amount, never the foreign one"
        assert got.foreign is not None and (got.foreign.amount, got.foreign.currency, got.foreign.rate) == (
            want.foreign.amount,
            want.foreign.currency,
            want.foreign.rate,
        )
    assert len(parsed.lines) == len(truth.lines)


def test_amex_detail_rows_under_a_charge_are_not_its_description(tmp_path: Path) -> None:
    truth = generate("amex", 8)
    parsed = read(truth, tmp_path)
    detailed = [(t, p) for t, p in zip(truth.lines, parsed.lines, strict=True) if t.details]
    assert any(len(t.details) == 2 for t, _ in detailed)
    assert all(p.description == p.merchant == t.rows[0] and p.amount == t.amount for t, p in detailed)
    payments = [p for t, p in zip(truth.lines, parsed.lines, strict=True) if t.kind == "payment"]
    assert payments and all(p.posted_date == p.transaction_date for p in payments), (
        "a date marked * is the posting date"
    )


def test_lines_go_to_the_card_they_are_printed_under(tmp_path: Path) -> None:
    truth = generate("capital_one", 9, cardholders=4)
    parsed = read(truth, tmp_path)
    assert [(c.name, c.card_last4, len(c.lines)) for c in parsed.cardholders] == [
        (c.name, c.last4, len(c.lines)) for c in truth.cardholders
    ]


def test_two_amex_card_members_with_letter_spaced_headers_keep_their_own_lines(tmp_path: Path) -> None:
    truth = generate("amex", 12, cardholders=2, lines_per_cardholder=(15, 25))
    parsed = read(truth, tmp_path, Typeset(letter_spaced=True))
    assert [(c.name, c.card_last4, len(c.lines)) for c in parsed.cardholders] == [
        (c.name, c.last4, len(c.lines)) for c in truth.cardholders
    ]
    assert consumer_differences(truth, parsed) == []
    assert parsed.warnings == () and parsed.findings == ()


@pytest.mark.parametrize("fmt", ["chase", "chase_consumer"])
def test_bold_headings_drawn_again_after_the_rest_of_the_page_read_once(tmp_path: Path, fmt: Format) -> None:
    truth = generate(fmt, 14)
    parsed = read(truth, tmp_path, Typeset(doubled_bold=True, bold_copies_last=True))
    assert consumer_differences(truth, parsed) == []
    assert parsed.warnings == () and parsed.findings == ()


def test_summary_tables_and_page_furniture_are_not_lines(tmp_path: Path) -> None:
    truth = generate("chase", 10, cardholders=4, lines_per_cardholder=(30, 40))
    parsed = read(truth, tmp_path)
    descriptions = " ".join(ln.description or "" for ln in parsed.lines)
    for furniture in ("Year-to-Date", "Total fees", "Purchases 20.49%", "Page ", "FIS33339", "Statement Date"):
        assert furniture not in descriptions
    # Every card's printed subtotal ("TRANSACTIONS THIS CYCLE (CARD 1234) ...") was checked against its lines.
    assert parsed.warnings == () and consumer_differences(truth, parsed) == []


def test_owner_password_statement_opens_without_a_password(tmp_path: Path) -> None:
    truth = generate("us_bank", 11)
    path = tmp_path / "locked.pdf"
    render_consumer_statement(truth, path, owner_password="owner-only")
    assert consumer_differences(truth, read_statement(path)) == []
