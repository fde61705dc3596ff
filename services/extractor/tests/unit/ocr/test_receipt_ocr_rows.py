"""OCR boxes into rows in reading order, on straight and slanted pages."""

from __future__ import annotations

import math

from recon_extractor.ocr.engine import OcrLine
from recon_extractor.ocr.rows import ocr_rows, ocr_text


def _line(text: str, x: float, y: float, width: float, height: float = 20, degrees: float = 0.0) -> OcrLine:
    """A box with its top-left corner at (x, y), turned by `degrees` around that corner."""
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)

    def at(dx: float, dy: float) -> tuple[float, float]:
        return (x + dx * cos - dy * sin, y + dx * sin + dy * cos)

    return OcrLine(text, 0.99, (at(0, 0), at(width, 0), at(width, height), at(0, height)))


def test_label_and_amount_far_apart_share_a_row() -> None:
    lines = [
        _line("12.50", 400, 102, 60),
        _line("TOTAL", 20, 100, 80),
        _line("SHOP", 20, 20, 100),
        _line("CASH", 20, 140, 60),
        _line("20.00", 400, 141, 60),
    ]
    assert ocr_text(lines) == "SHOP\nTOTAL 12.50\nCASH 20.00"


def test_slanted_photo_rows_follow_the_slant() -> None:
    # At 4 degrees the amount's end of a 500 px row sits ~35 px lower than its label: more than a line.
    lines = []
    for k, (label, amount) in enumerate([("SUBTOTAL", "10.00"), ("TAX", "0.80"), ("TOTAL", "10.80")]):
        y = 100 + 30 * k
        lines.append(_line(label, 20, y, 100, degrees=4))
        lines.append(_line(amount, 500, y + 480 * math.tan(math.radians(4)), 60, degrees=4))
    assert ocr_text(lines).splitlines() == ["SUBTOTAL 10.00", "TAX 0.80", "TOTAL 10.80"]


def test_overlapping_boxes_at_one_height_stay_separate_rows() -> None:
    rows = ocr_rows([_line("A LONG LINE", 20, 100, 300), _line("OVERLAP", 100, 104, 200)])
    assert [[ln.text for ln in row] for row in rows] == [["A LONG LINE"], ["OVERLAP"]]


def test_empty() -> None:
    assert ocr_text([]) == ""
