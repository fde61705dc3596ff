"""Each card's network digit is read from that card's own number, not the first card's for everyone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.statements.reader import read_statement


def test_each_cardholder_keeps_the_first_digit_of_their_own_card(tmp_path: Path) -> None:
    truth = make_statement(7, cardholders=4)
    numbers = ("411111XXXXXX", "371449XXXXXX", "601111XXXXXX", "556735XXXXXX")
    holders = tuple(
        replace(h, card_number=prefix + h.card_number[-4:])
        for h, prefix in zip(truth.cardholders, numbers, strict=True)
    )
    path = tmp_path / "networks.pdf"
    render_wex_statement(replace(truth, cardholders=holders), path)
    parsed = read_statement(path)
    assert {(c.name, c.card_first_digit) for c in parsed.cardholders} == {(h.name, h.card_number[0]) for h in holders}
    assert {c.card_first_digit for c in parsed.cardholders} == {"4", "3", "6", "5"}
