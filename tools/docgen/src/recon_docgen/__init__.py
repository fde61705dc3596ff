"""Document generator with known ground truth: WEX statements and receipts as real text-layer PDFs."""

from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenReceipt, GenStatement
from recon_docgen.wex_pdf import render_wex_statement

__all__ = [
    "GenCardholder",
    "GenItem",
    "GenLine",
    "GenReceipt",
    "GenStatement",
    "make_statement",
    "receipt_for",
    "render_receipt",
    "render_wex_statement",
]
