from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from recon_gateway.domain import file_types as ft


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%...", ft.PDF),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ft.JPEG),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ft.PNG),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", ft.HEIC),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", ft.ZIP),
        (b"Employee,Amount,Date\r\nJOHN,1.00,2025-03-01\r\n", ft.CSV),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),
        (b"PK\x03\x04\x14\x00word/document.xml", ft.ZIP),
        (b"just one line of prose without separators", None),
        (b"", None),
    ],
)
def test_type_comes_from_the_bytes(head: bytes, expected: str | None) -> None:
    assert ft.detect_file_type(head) == expected


def test_a_pdf_named_like_a_csv_is_a_pdf() -> None:
    assert ft.detect_file_type(b"%PDF-1.4 whatever, with, commas") == ft.PDF


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "expected", "refusal"),
    [
        ({"[Content_Types].xml": b"", "xl/workbook.xml": b"<workbook/>"}, ft.XLSX, None),
        ({"[Content_Types].xml": b"", "word/document.xml": b""}, None, "a Word document (.docx), not a"),
        ({"[Content_Types].xml": b"", "ppt/presentation.xml": b""}, None, "a PowerPoint presentation (.pptx)"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, None, "an OpenDocument file"),
        ({"notes.txt": b"hello"}, None, "a zip archive, not a statement"),
    ],
)
def test_a_zip_is_a_workbook_only_when_it_holds_one(
    tmp_path: Path, members: dict[str, bytes], expected: str | None, refusal: str | None
) -> None:
    kind, why = ft.zip_file_type(_zip(tmp_path / "f", members))
    assert kind == expected
    assert (why or "").startswith(refusal or "")
    assert (why is None) == (refusal is None)


def test_a_damaged_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"PK\x03\x04 and then nothing a zip needs")
    assert ft.zip_file_type(path) == (None, "a damaged zip archive: upload a PDF, image, CSV or XLSX workbook")


@pytest.mark.parametrize(
    ("name", "media_type", "expected"),
    [
        ("expenses.pdf p.3 image 1", "image/jpeg", "expenses.pdf p.3 image 1.jpg"),
        ("scans.pdf p.2", "application/pdf", "scans.pdf p.2.pdf"),
        ("photo.JPEG", "image/jpeg", "photo.JPEG"),
        ("r.png", "image/png", "r.png"),
        ("odd", "application/octet-stream", "odd"),
    ],
)
def test_a_download_name_ends_in_its_extension(name: str, media_type: str, expected: str) -> None:
    assert ft.download_name(name, media_type) == expected
