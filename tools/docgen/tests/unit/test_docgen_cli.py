import json
from pathlib import Path

from recon_docgen.cli import main


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
