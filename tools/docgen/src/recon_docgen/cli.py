"""`python -m recon_docgen statement|receipt ...`: write a document and its ground truth as JSON."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path

from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_docgen.truth import receipt_to_dict, statement_to_dict
from recon_docgen.wex_fuzz import draw_layout
from recon_docgen.wex_pdf import render_wex_statement
from recon_docgen.wex_style import DEFAULT_STYLE


def _range(text: str) -> tuple[int, int]:
    low, _, high = text.partition(",")
    return int(low), int(high or low)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recon_docgen", description=__doc__)
    sub = parser.add_subparsers(dest="kind", required=True)
    st = sub.add_parser("statement", help="a WEX Cardholder Activity Report")
    st.add_argument("--seed", type=int, default=1)
    st.add_argument("--cardholders", type=int, default=5)
    st.add_argument("--lines", type=_range, default=(3, 8), help="swipes per cardholder: MIN,MAX")
    st.add_argument("--credit-ratio", type=float, default=0.05)
    st.add_argument("--doubled-bold", action="store_true", help="draw bold text twice (doubled characters)")
    st.add_argument("--interleave", action="store_true", help="merchant names overrun the city column")
    st.add_argument("--layout", type=int, help="draw the layout with this seed (wex_fuzz), truth to match")
    st.add_argument("--out", type=Path, required=True)
    st.add_argument("--truth", type=Path)
    rc = sub.add_parser("receipt", help="a till receipt for one swipe of a generated statement")
    rc.add_argument("--seed", type=int, default=1)
    rc.add_argument("--out", type=Path, required=True)
    rc.add_argument("--truth", type=Path)
    return parser


def _write_truth(path: Path | None, data: object) -> None:
    if path is not None:
        path.write_text(json.dumps(data, indent=2) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.kind == "statement":
        stmt = make_statement(args.seed, args.cardholders, args.lines, credit_ratio=args.credit_ratio)
        style = DEFAULT_STYLE
        if args.layout is not None:
            layout = draw_layout(args.layout)
            stmt, style = layout.statement(stmt), layout.style
        render_wex_statement(
            stmt, args.out, doubled_bold=args.doubled_bold, interleave_columns=args.interleave, style=style
        )
        _write_truth(args.truth, statement_to_dict(stmt))
    else:
        stmt = make_statement(args.seed, cardholders=1, lines_per_cardholder=(3, 3), credit_ratio=0.0)
        holder = stmt.cardholders[0]
        line = random.Random(args.seed).choice(holder.lines)
        receipt = receipt_for(line, args.seed, card_last4=holder.card_last4)
        render_receipt(receipt, args.out)
        _write_truth(args.truth, receipt_to_dict(receipt))
    return 0
