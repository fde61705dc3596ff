"""The same month under many WEX layouts reads exactly: a sample of docgen's layout fuzzer.

The layouts (`recon_docgen.wex_fuzz.SAMPLE_SEEDS`) show between them every value of every knob the fuzzer
draws: fonts (standard and embedded TrueType), sizes, leading, margins, page size and orientation, column
order, widths and spreading, one- to three-line and abbreviated headers, titles, footers, blocks mid-page,
stacked / aligned / two-column block labels, blank employee IDs, doubled bold, thousands separators,
merchant/city overflow, kept or split swipes, continuation pages with or without block and header.
`bench/wex_layouts_bench.py` runs a few hundred.
"""

from __future__ import annotations

import io

import pytest
from recon_docgen.check import statement_differences
from recon_docgen.scenario import make_statement
from recon_docgen.wex_fuzz import SAMPLE_SEEDS, draw_layout
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.statements.reader import read_statement


@pytest.mark.parametrize("seed", SAMPLE_SEEDS)
def test_the_layout_reads_exactly(seed: int) -> None:
    layout = draw_layout(seed)
    truth = layout.statement(make_statement(seed, cardholders=4, lines_per_cardholder=(3, 9), credit_ratio=0.1))
    pdf = io.BytesIO()
    render_wex_statement(truth, pdf, style=layout.style)
    pdf.seek(0)
    parsed = read_statement(pdf)
    assert statement_differences(truth, parsed) == [], f"layout {seed}: {layout.changes()}"
    assert parsed.findings == (), f"layout {seed}: {layout.changes()}"
