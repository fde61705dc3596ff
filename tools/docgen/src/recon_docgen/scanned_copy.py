"""An image-only copy of a PDF, as an office scanner makes it: each page a grayscale JPEG, slightly skewed."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF


def scan_pdf(text_pdf: Path, out: Path, *, dpi: int = 200, skew_degrees: float = 0.8, quality: int = 85) -> int:
    """Write the scanned copy of `text_pdf` to `out` (no text layer left); returns the page count."""
    source = pdfium.PdfDocument(text_pdf)
    try:
        width, height = source[0].get_size()
        scan = FPDF(unit="pt", format=(width, height))
        for index in range(len(source)):
            image = source[index].render(scale=dpi / 72, grayscale=True).to_pil()
            jpeg = io.BytesIO()
            image.rotate(skew_degrees, fillcolor=255).save(jpeg, format="JPEG", quality=quality)
            scan.add_page()
            scan.image(jpeg, x=0, y=0, w=width, h=height)
        pages = len(source)
    finally:
        source.close()
    out.write_bytes(bytes(scan.output()))
    return pages
