"""Receipt photos and scans checked and made ready for OCR: JPEG, PNG, JPEG 2000, TIFF, HEIC (with pi-heif).

Everything that can be refused cheaply is refused before decoding: an empty file, an unknown format, a
header claiming more than `MAX_PIXELS` (a 50 000 x 50 000 PNG is 7 GB decoded). JPEGs are decoded at a
reduced scale when they are far larger than OCR needs (libjpeg's draft mode: an 8x smaller decode costs
1/64 of the memory). The result is the original bytes when they are already a JPEG or PNG of a usable size
and orientation, so an embedded scan is read exactly as it was stored, and a lossless PNG otherwise.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from recon_extractor.errors import UnreadableDocumentError

MAX_PIXELS = 50_000_000
"""A 48 MP phone photo passes; beyond this a file is refused, not decoded (50 MP of RGB is 150 MB)."""
_MEGAPIXELS = MAX_PIXELS // 1_000_000
MAX_OCR_SIDE = 2000
"""RapidOCR scales anything longer down to this itself; doing it here keeps the worker's input small."""

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"%PDF-", 0, "application/pdf"),
    (b"\x00\x00\x00\x0cjP  ", 0, "image/jp2"),
    (b"\xff\x4f\xff\x51", 0, "image/jp2"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
_PASS_THROUGH = {"JPEG", "PNG"}
_ORIENTATION = 0x0112


def sniff_media_type(data: bytes) -> str | None:
    """The media type the bytes' signature says (not the file name), None when unknown."""
    head = data[:1024]
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic"
    for signature, offset, media_type in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return media_type
    return None


def _register_heif() -> None:
    """pi-heif (decoder only, LGPL wheels) where installed, else pillow-heif (its wheels bundle the GPL
    x265 encoder); both register the same Pillow opener."""
    try:
        from pi_heif import register_heif_opener
    except ImportError:
        try:
            from pillow_heif import register_heif_opener
        except ImportError as exc:
            raise UnreadableDocumentError(
                "HEIC photos need the pi-heif package, which is not installed here; send the photo as JPEG"
            ) from exc
    register_heif_opener()


def _open(data: bytes) -> Image.Image:
    if not data:
        raise UnreadableDocumentError("the file is empty")
    kind = sniff_media_type(data)
    if kind == "image/heic":
        _register_heif()
    elif kind == "application/pdf":
        raise UnreadableDocumentError("this is a PDF, not an image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise UnreadableDocumentError(f"the image is over the {_MEGAPIXELS} megapixel limit ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise UnreadableDocumentError("not an image that can be read (JPEG, PNG, HEIC, JPEG 2000, TIFF)") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableDocumentError(f"the image is corrupt: {exc}") from exc


def _decode(img: Image.Image) -> Image.Image:
    width, height = img.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise UnreadableDocumentError(f"the image is {width} x {height} pixels, over the {_MEGAPIXELS} megapixel limit")
    if img.format == "JPEG" and max(width, height) > 2 * MAX_OCR_SIDE:
        scale = MAX_OCR_SIDE / max(width, height)
        img.draft(img.mode, (int(width * scale), int(height * scale)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as exc:
        raise UnreadableDocumentError(f"the image is truncated or corrupt: {exc}") from exc
    return img


def _flatten(img: Image.Image) -> Image.Image:
    """Grey or RGB; transparency over white (a receipt cut out of a screenshot is black on nothing)."""
    if img.mode in ("L", "RGB"):
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return img.convert("L" if img.mode in ("1", "I", "I;16", "F") else "RGB")


def prepare_image(data: bytes) -> bytes:
    """JPEG or PNG bytes ready for OCR; UnreadableDocumentError (with the reason) when the image cannot be."""
    original = _open(data)
    header_size, fmt = original.size, original.format
    img: Any = _decode(original)
    if img.getexif().get(_ORIENTATION, 1) != 1:
        img = ImageOps.exif_transpose(img)  # phone photos are stored sideways with a flag saying so
    img = _flatten(img)
    if max(img.size) > MAX_OCR_SIDE:
        img = img.copy() if img is original else img
        img.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE), Image.Resampling.LANCZOS)
    elif fmt in _PASS_THROUGH and img is original and img.size == header_size:
        return data
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()
