"""The one interface every OCR engine implements: image bytes in, recognised text lines with boxes out.

ExtractionError
└── OcrError                 the OCR of one page failed (permanent: the same page fails the same way)
    ├── OcrTimeoutError      the page took longer than the per-page limit; its worker was replaced
    └── OcrResourceError     the page needed more memory than the worker's limit, or the worker died
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from recon_extractor.errors import ExtractionError

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]


class OcrError(ExtractionError):
    """The OCR of a page failed."""


class OcrTimeoutError(OcrError):
    """The OCR of a page ran past its time limit."""


class OcrResourceError(OcrError):
    """The OCR of a page ran out of memory, or its worker process died."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One detected text line: its text, the recogniser's confidence (0..1) and its box in image pixels.

    `box` is the detector's quadrilateral, clockwise from the top-left corner as the text reads, so a
    skewed photo keeps the slope that reading-order grouping needs.
    """

    text: str
    confidence: float
    box: Quad

    @property
    def x0(self) -> float:
        return min(p[0] for p in self.box)

    @property
    def x1(self) -> float:
        return max(p[0] for p in self.box)

    @property
    def top(self) -> float:
        return min(p[1] for p in self.box)

    @property
    def bottom(self) -> float:
        return max(p[1] for p in self.box)


class OcrEngine(Protocol):
    """Reads the text lines of one image (JPEG or PNG bytes). Lines come in the engine's own order.

    `det_max_side` overrides the engine's detection size for this image: a full statement page carries
    small print that a receipt-sized detector merges into neighbouring rows."""

    def read(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]: ...


class Ocr(Protocol):
    """What the readers call to OCR an image: an engine's `read`, the pool's, or a fake in tests."""

    def __call__(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]: ...
