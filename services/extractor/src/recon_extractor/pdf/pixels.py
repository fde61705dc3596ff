"""A PDF page as pixels for OCR: grayscale, at the resolution asked for but never more than `max_side` pixels
on its longer side, so a page with a giant MediaBox cannot ask for gigabytes of bitmap."""

from __future__ import annotations

import io
from typing import Any


def render_png(page: Any, dpi: float, max_side: int, *, top_share: float = 1.0) -> tuple[bytes, float]:
    """The page (or its top `top_share`) as PNG bytes, and the scale used in pixels per point. The PNG is
    compressed lightly: the OCR worker decodes it at once, so speed beats size."""
    width, height = page.get_size()
    scale = min(dpi / 72, max_side / max(width, height, 1.0))
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
        if top_share < 1.0:
            image = image.crop((0, 0, image.width, max(1, round(image.height * top_share))))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue(), scale
    finally:
        bitmap.close()
