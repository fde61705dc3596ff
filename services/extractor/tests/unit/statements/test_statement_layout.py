"""Declarative layouts: every built-in one loads, a broken one is refused naming the file and the fault."""

from __future__ import annotations

from pathlib import Path

import pytest
from recon_extractor.errors import ExtractionError
from recon_extractor.statements.layout import (
    StatementLayout,
    builtin_layouts,
    load_layout_file,
    load_statement_layout,
)

GOOD = """
name: test
issuer: Test Bank
recognise: {any: ['TEST BANK']}
date_formats: ['%m/%d']
sections: [{name: purchases, pattern: '^Purchases$'}]
transactions: ['^(?P<trans_date>{date}) (?P<description>.+?) (?P<amount>{amount})$']
"""


def test_builtin_layouts_are_wex_three_or_more_consumer_formats_and_the_fallback() -> None:
    names = {layout.name for layout in builtin_layouts()}
    assert {"wex", "amex", "chase", "capital_one", "us_bank", "generic"} <= names
    assert load_statement_layout("wex").engine == "wex"
    assert [layout.name for layout in builtin_layouts() if layout.fallback] == ["generic"]


def test_unknown_layout_name_lists_the_known_ones() -> None:
    with pytest.raises(ExtractionError, match="chase"):
        load_statement_layout("nope")


def test_placeholders_expand_to_the_layouts_formats() -> None:
    layout = load_layout_file_from(GOOD)
    row = layout.compile(layout.transactions[0])
    assert row.search("12/28 COFFEE 4.50")
    assert row.search("12/28 REFUND -4.50")
    assert not row.search("12/28 REFUND (4.50)"), "parentheses are not one of this layout's credit styles"
    assert not row.search("12/28 REFUND 4.50 CR")


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        ("transactions: ['^(?P<trans_date>{date}) (?P<amount>{amount})$']", "description"),
        ("transactions: ['^(?P<trans_date>{date} (?P<description>.+) (?P<amount>{amount})$']", "missing"),
        ("totals: [{name: t, pattern: 'Total (?P<amount>{amount})', sections: [nope]}]", "nope"),
        ("totals: [{name: t, pattern: 'Total {amount}'}]", "amount group"),
        ("summary: ['^(?P<nope>{money})$']", "nope"),
        ("totals: [{name: t, sections: [purchases]}]", "no pattern and no summary group"),
        ("balance: {start: a, add: [b], end: c}", "unknown total"),
        ("period: {patterns: ['Closing (?P<end>{date})'], days: ['Days: \\d+']}", "days group"),
        ("date_formats: ['%m/%d %H']", "%H"),
        ("colour: blue", "colour"),
    ],
)
def test_a_broken_layout_names_the_file_and_the_fault(tmp_path: Path, change: str, fault: str) -> None:
    key = change.split(":")[0]
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(f"{key}:")) + "\n" + change
    path = tmp_path / "broken_bank.yaml"
    path.write_text(text)
    with pytest.raises(ExtractionError, match=r"broken_bank\.yaml") as info:
        load_layout_file(path)
    assert fault in str(info.value)


def test_recognition_needs_every_all_pattern_and_one_any_pattern() -> None:
    chase = load_statement_layout("chase")
    assert chase.recognises("CHASE\nACCOUNT SUMMARY\nOpening/Closing Date 12/08/24 - 01/07/25")
    assert not chase.recognises("CHASE\nACCOUNT SUMMARY")
    assert not chase.recognises("ACCOUNT SUMMARY\nOpening/Closing Date 12/08/24 - 01/07/25")


def test_amex_is_recognised_when_its_account_number_is_read_in_kerned_pieces() -> None:
    # Page 1 of statements-dev amex_blue_cash.pdf as the text layer reads before the layout joins its pieces.
    page = "Blue Cash from American Express\nClosing Date 09/27/23\nAccount Ending 7 -730 45 Website: amex.com"
    assert load_statement_layout("amex").recognises(page)


def load_layout_file_from(text: str) -> StatementLayout:
    import yaml

    return StatementLayout.model_validate(yaml.safe_load(text))
