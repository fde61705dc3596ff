"""The real public statements in `../shared/data/statements-dev` read exactly, and every printed figure that
contradicts the lines is a finding naming the figure and what the lines add up to (see that folder's README).
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement

DATA = Path(__file__).resolve().parents[5] / ".." / "shared" / "data" / "statements-dev"
NAMES = (
    "amex_blue_cash",
    "chase_freedom",
    "capital_one",
    "capital_one_bad_1",
    "capital_one_bad_2",
    "capital_one_bad_3",
)
# What each statement's checks contradict (README "expect"): (kind, page, printed figure, what the lines give).
FINDINGS: dict[str, list[tuple[str, int, str, str]]] = {
    "amex_blue_cash": [],
    "chase_freedom": [],
    "capital_one": [
        ("balance_mismatch", 1, "$4,666.65", "-$1,333.35"),
        ("total_mismatch", 2, "-$1,234.56", "-$7,234.56"),
    ],
    "capital_one_bad_1": [
        ("total_mismatch", 1, "-$1,234.56", "-$7,234.56"),
        ("total_mismatch", 2, "-$1,234.56", "-$7,234.56"),
    ],
    "capital_one_bad_2": [
        ("total_mismatch", 1, "$198.76", "$98.76"),
        ("total_mismatch", 2, "-$1,234.56", "-$7,234.56"),
        ("balance_mismatch", 1, "$4,666.65", "-$1,233.35"),
    ],
    "capital_one_bad_3": [
        ("total_mismatch", 1, "$9,456.78", "$3,456.78"),
        ("total_mismatch", 2, "-$1,234.56", "-$7,234.56"),
    ],
}
FULL_NUMBER = re.compile(r"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}")


def truth(name: str) -> dict[str, Any]:
    return json.loads((DATA / f"{name}.truth.json").read_text(encoding="utf-8"))


def truth_cards(doc: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, str | None, str, Decimal]]]]:
    return [
        (
            ch["name"],
            ch["card_last4"],
            [
                (ln["transaction_date"], ln["posted_date"], ln["description"], Decimal(ln["amount"]))
                for ln in ch["lines"]
            ],
        )
        for ch in doc["cardholders"]
    ]


def read_cards(stmt: Statement) -> list[tuple[str, str | None, list[tuple[str, str | None, str | None, Decimal]]]]:
    return [
        (
            ch.name,
            ch.card_last4,
            [
                (
                    ln.transaction_date.isoformat(),
                    ln.posted_date.isoformat() if ln.posted_date else None,
                    ln.description,
                    ln.amount,
                )
                for ln in ch.lines
            ],
        )
        for ch in stmt.cardholders
    ]


@pytest.fixture(scope="module", params=NAMES)
def statement(request: pytest.FixtureRequest) -> tuple[str, Statement]:
    return request.param, read_statement(DATA / f"{request.param}.pdf")


def test_every_line_is_read_exactly_on_the_card_it_is_printed_under(statement: tuple[str, Statement]) -> None:
    name, stmt = statement
    doc = truth(name)
    assert doc["issuer"].endswith(stmt.issuer)  # "JPMorgan Chase" is the Chase layout's "Chase"
    assert read_cards(stmt) == truth_cards(doc)
    assert stmt.warnings == ()
    assert (stmt.period_start, stmt.period_end) == tuple(date.fromisoformat(doc["period"][k]) for k in ("start", "end"))


def test_each_contradicted_printed_figure_is_a_finding_and_a_reconciled_statement_has_none(
    statement: tuple[str, Statement],
) -> None:
    name, stmt = statement
    assert sorted((f.kind, f.page) for f in stmt.findings) == sorted((k, p) for k, p, _, _ in FINDINGS[name])
    assert bool(stmt.findings) == ("expect" in truth(name))
    for kind, page, printed, computed in FINDINGS[name]:
        assert any(
            f.kind == kind and f.page == page and f"printed as {printed}" in f.message and computed in f.message
            for f in stmt.findings
        ), (kind, page, [f.message for f in stmt.findings])


def test_no_full_card_number_in_any_warning_or_finding(statement: tuple[str, Statement]) -> None:
    _, stmt = statement
    texts = [*stmt.warnings, *(f.message for f in stmt.findings), stmt.account or ""]
    assert not [t for t in texts if FULL_NUMBER.search(t)]


def test_the_chase_account_number_is_kept_as_its_last_four_only() -> None:
    stmt = read_statement(DATA / "chase_freedom.pdf")
    assert stmt.account == "XXXX7320" and [c.card_last4 for c in stmt.cardholders] == ["7320"]
