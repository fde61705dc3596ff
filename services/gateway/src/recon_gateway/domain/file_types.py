"""What a file is, decided from its content, never from its name: its first bytes, and for a zip container
(XLSX, but also .docx, .pptx, .odt) the names it holds."""

from __future__ import annotations

import zipfile
from pathlib import Path

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
HEIC = "image/heic"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"
ZIP = "application/zip"  # a container to look inside before it is taken for anything

ACCEPTED = (PDF, JPEG, PNG, HEIC, XLSX, CSV)
SNIFF_BYTES = 4096


def detect_file_type(head: bytes) -> str | None:
    """The media type of a file from its first SNIFF_BYTES bytes; None when it is none we accept."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heim", b"heis"):
        return HEIC
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if _looks_like_csv(head):
        return CSV
    return None


_EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", HEIC: ".heic", XLSX: ".xlsx", CSV: ".csv"}


def download_name(name: str, media_type: str) -> str:
    """A file name that ends in its type's extension ("expenses.pdf p.3 image 1" → "... image 1.jpg")."""
    extension = _EXTENSIONS.get(media_type.split(";")[0].strip())
    if (
        extension is None
        or name.lower().endswith(extension)
        or (extension == ".jpg" and name.lower().endswith(".jpeg"))
    ):
        return name
    return name + extension


def _looks_like_csv(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        # The sniffed prefix may end inside a multi-byte character.
        try:
            text = head[:-3].decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
    first_line = text.splitlines()[0] if text.splitlines() else ""
    return first_line.count(",") >= 1 or first_line.count(";") >= 1


_OFFICE_PARTS = (
    ("word/document.xml", "a Word document (.docx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
)


def container_type(names: list[str], mimetype: bytes = b"") -> tuple[str | None, str | None]:
    """(XLSX, None) for a workbook, else (None, why it is refused): a zip is a workbook only when it holds
    `xl/workbook.xml`. `mimetype` is the OpenDocument `mimetype` member when there is one."""
    if "xl/workbook.xml" in names:
        return XLSX, None
    what = next((label for part, label in _OFFICE_PARTS if part in names), None)
    if what is None and mimetype.startswith(b"application/vnd.oasis.opendocument"):
        what = "an OpenDocument file (.odt, .ods or .odp)"
    what = what or "a zip archive"
    return None, f"{what}, not a statement, expense report or receipt: upload a PDF, image, CSV or XLSX workbook"


def zip_file_type(path: Path) -> tuple[str | None, str | None]:
    """`container_type` of a stored zip; a zip that cannot be opened is refused as such."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None, "a damaged zip archive: upload a PDF, image, CSV or XLSX workbook"
    return container_type(names, mimetype)
