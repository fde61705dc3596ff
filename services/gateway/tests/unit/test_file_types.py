from __future__ import annotations

import pytest
from recon_gateway.domain import file_types as ft


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%...", ft.PDF),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ft.JPEG),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ft.PNG),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", ft.HEIC),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", ft.XLSX),
        (b"Employee,Amount,Date\r\nJOHN,1.00,2025-03-01\r\n", ft.CSV),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),
        (b"PK\x03\x04\x14\x00word/document.xml", None),
        (b"just one line of prose without separators", None),
        (b"", None),
    ],
)
def test_type_comes_from_the_bytes(head: bytes, expected: str | None) -> None:
    assert ft.detect_file_type(head) == expected


def test_a_pdf_named_like_a_csv_is_a_pdf() -> None:
    assert ft.detect_file_type(b"%PDF-1.4 whatever, with, commas") == ft.PDF
