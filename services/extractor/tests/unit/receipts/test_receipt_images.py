"""Images checked before OCR: clear errors for what cannot be read, bounded work for what is too large."""

from __future__ import annotations

import base64
import importlib.util
import io
import struct
import sys
import time
import zlib

import pytest
from PIL import Image
from recon_extractor.errors import UnreadableDocumentError
from recon_extractor.receipts.images import MAX_OCR_SIDE, prepare_image, sniff_media_type

HEIC_64x32 = base64.b64decode(
    "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAX1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAA"
    "ACJpbG9jAAAAAERAAAEAAQAAAAABoQABAAAAAAAAACIAAAAjaWluZgAAAAAAAQAAABVpbmZlAgAAAAABAABodmMxAAAAAA5waXRt"
    "AAAAAAABAAAA/WlwcnAAAADdaXBjbwAAAHZodmNDAQNwAAAAkAAAAAAAHvAA/P34+AAADwNgAAEAGEABDAH//wNwAAADAJAAAAMA"
    "AAMAHroCQGEAAQAqQgEBA3AAAAMAkAAAAwAAAwAeoCCBBZbq5Ka5uAhoMCAAAAMDIAAAAwAhYgABAAZEAcFzwIkAAAATY29scm5j"
    "bHgAAQANAAaAAAAAFGlzcGUAAAAAAAAAQAAAAEAAAAAoY2xhcAAAAEAAAAABAAAAIAAAAAEAAAAAAAAAAv///+AAAAACAAAAEHBp"
    "eGkAAAAAAwgICAAAABhpcG1hAAAAAAAAAAEAAQWBAgMFhAAAACptZGF0AAAAHigBrxOA5scoU//+s70Y1b96BNXz/81AAwxXT+qz"
    "OA=="
)
"""A 64 x 32 HEIC photo, white with a black 16 x 16 square top-left (made with pillow-heif)."""


def _jpeg(size: tuple[int, int] = (300, 500), exif_orientation: int | None = None) -> bytes:
    img = Image.new("L", size, 255)
    img.paste(0, (10, 10, 60, 30))  # a dark mark in the top-left corner, to see rotations
    buf = io.BytesIO()
    if exif_orientation is None:
        img.save(buf, format="JPEG")
    else:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        img.save(buf, format="JPEG", exif=exif)
    return buf.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` x `height` (its pixel data is a few bytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def test_a_usable_jpeg_goes_through_unchanged() -> None:
    data = _jpeg()
    assert prepare_image(data) == data


def test_zero_bytes_is_a_clear_error() -> None:
    with pytest.raises(UnreadableDocumentError, match="empty"):
        prepare_image(b"")


def test_a_truncated_jpeg_is_a_clear_error() -> None:
    data = _jpeg((800, 1200))
    with pytest.raises(UnreadableDocumentError, match="truncated or corrupt"):
        prepare_image(data[: len(data) // 2])


def test_not_an_image() -> None:
    with pytest.raises(UnreadableDocumentError, match="not an image"):
        prepare_image(b"hello, this is a text file" * 10)


def test_huge_dimensions_are_refused_before_decoding() -> None:
    start = time.perf_counter()
    with pytest.raises(UnreadableDocumentError, match="over the 50 megapixel limit"):
        prepare_image(_png_header(100_000, 100_000))  # Pillow's own bomb check refuses this one at open
    with pytest.raises(UnreadableDocumentError, match="10000 x 6000 pixels, over the 50 megapixel limit"):
        prepare_image(_png_header(10_000, 6_000))
    assert time.perf_counter() - start < 1.0


def test_a_large_photo_is_scaled_down_and_decoded_at_reduced_size() -> None:
    out = Image.open(io.BytesIO(prepare_image(_jpeg((6000, 4000)))))
    assert max(out.size) == MAX_OCR_SIDE and out.size[0] > out.size[1]


def test_exif_rotation_is_applied() -> None:
    out = Image.open(io.BytesIO(prepare_image(_jpeg((300, 500), exif_orientation=6))))
    assert out.size == (500, 300)  # stored portrait, shown landscape
    assert out.getpixel((500 - 20, 20)) < 128  # the top-left mark is now top-right


def test_transparency_is_flattened_on_white() -> None:
    img = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    out = Image.open(io.BytesIO(prepare_image(buf.getvalue())))
    assert out.mode == "RGB" and out.getpixel((5, 5)) == (255, 255, 255)


def test_heic_is_read_when_a_heif_decoder_is_installed() -> None:
    if importlib.util.find_spec("pi_heif") is None and importlib.util.find_spec("pillow_heif") is None:
        pytest.skip("neither pi-heif nor pillow-heif is installed")
    assert sniff_media_type(HEIC_64x32) == "image/heic"
    out = Image.open(io.BytesIO(prepare_image(HEIC_64x32)))
    assert out.size == (64, 32) and out.getpixel((2, 2)) == (0, 0, 0)  # the black square top-left


def test_heic_without_a_decoder_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pi_heif", None)  # imports fail as if not installed
    monkeypatch.setitem(sys.modules, "pillow_heif", None)
    with pytest.raises(UnreadableDocumentError, match="pi-heif"):
        prepare_image(HEIC_64x32)


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"\xff\xd8\xff\xe0", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"%PDF-1.7", "application/pdf")],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff_media_type(head + b"\x00" * 16) == kind
