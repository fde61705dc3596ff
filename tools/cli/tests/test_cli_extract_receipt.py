from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from recon_cli.main import main
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for

KEYS = {"vendor", "vendor_raw", "date", "total", "subtotal", "tax", "tip", "currency", "card_last4", "confidence"}


def test_receipt_json_shape_from_a_text_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = make_statement(4, cardholders=1).cardholders[0].lines[0]
    truth = receipt_for(line, 4, card_last4="4321")
    pdf = tmp_path / "r.pdf"
    buf = io.BytesIO()
    render_receipt(truth, buf)
    pdf.write_bytes(buf.getvalue())
    assert main(["extract", "receipt", str(pdf), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= KEYS and "receipts" not in out
    assert (out["vendor"], out["date"], Decimal(out["total"])) == (truth.vendor, truth.date.isoformat(), truth.total)
    assert out["card_last4"] == "4321" and out["currency"] == "USD"
    confidence = out["confidence"]
    assert set(confidence) >= {"vendor", "date", "total"} and all(0 <= c <= 1 for c in confidence.values())


def test_a_photo_without_ocr_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    photo = tmp_path / "photo.jpg"
    Image.new("L", (100, 200), 255).save(photo, format="JPEG")
    assert main(["extract", "receipt", str(photo), "--json", "--no-ocr"]) == 2
    assert "photo.jpg" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"\xff\xd8\xff\xe0\x00\x10JFIF truncated"])
def test_bad_images_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(content)
    assert main(["extract", "receipt", str(bad), "--json"]) == 2
    err = capsys.readouterr().err
    assert "bad.jpg" in err and ("empty" in err or "corrupt" in err or "not an image" in err)


def test_a_real_scan_through_ocr(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("rapidocr", reason="the OCR engine (rapidocr + onnxruntime) is not installed")
    scan = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "sroie-dev" / "img" / "001.jpg"
    if not scan.is_file():
        pytest.skip(f"no SROIE sample at {scan}")
    assert main(["extract", "receipt", str(scan), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["vendor"], out["date"], out["total"], out["currency"]) == (
        "INDAH GIFT & HOME DECO",
        "2018-10-19",
        "60.30",
        "MYR",
    )
