"""What a file is, decided from its first bytes, never from its name."""

from __future__ import annotations

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
HEIC = "image/heic"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"

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
    if head.startswith(b"PK\x03\x04") and (b"[Content_Types].xml" in head or b"xl/" in head):
        return XLSX
    if _looks_like_csv(head):
        return CSV
    return None


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
