import io
import json
from pathlib import Path

from recon_docgen.cli import main
from recon_docgen.scenario import make_statement
from recon_docgen.wex_fuzz import draw_layout
from recon_docgen.wex_pdf import render_wex_statement


def test_statement_command_writes_pdf_and_truth(tmp_path: Path) -> None:
    out, truth = tmp_path / "s.pdf", tmp_path / "s.json"
    args = ["statement", "--seed", "3", "--cardholders", "4", "--lines", "2,5", "--doubled-bold", "--interleave"]
    assert main([*args, "--out", str(out), "--truth", str(truth)]) == 0
    data = json.loads(truth.read_text())
    assert out.read_bytes().startswith(b"%PDF")
    assert len(data["cardholders"]) == 4
    line = data["cardholders"][0]["lines"][0]
    assert isinstance(line["amount"], str) and isinstance(line["items"][0]["ppu"], str)
    assert data["totals"]["lines"] == sum(len(c["lines"]) for c in data["cardholders"])


def test_receipt_command(tmp_path: Path) -> None:
    out, truth = tmp_path / "r.pdf", tmp_path / "r.json"
    assert main(["receipt", "--seed", "5", "--out", str(out), "--truth", str(truth)]) == 0
    data = json.loads(truth.read_text())
    assert out.read_bytes().startswith(b"%PDF")
    assert set(data) >= {"vendor", "date", "total", "card_last4"}


def test_statement_command_draws_a_layout_and_writes_its_truth(tmp_path: Path) -> None:
    layout = draw_layout(2)
    stmt = layout.statement(make_statement(7, cardholders=5, lines_per_cardholder=(2, 5)))
    out, truth = tmp_path / "s.pdf", tmp_path / "s.json"
    args = ["statement", "--seed", "7", "--cardholders", "5", "--lines", "2,5", "--layout", "2"]
    assert main([*args, "--out", str(out), "--truth", str(truth)]) == 0
    pdf = io.BytesIO()
    render_wex_statement(stmt, pdf, style=layout.style)
    assert out.read_bytes() == pdf.getvalue()
    ids = [c["employee_id"] for c in json.loads(truth.read_text())["cardholders"]]
    assert ids == [c.employee_id for c in stmt.cardholders] and "" in ids
