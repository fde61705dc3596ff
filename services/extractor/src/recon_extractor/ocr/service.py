"""The extractor's OCR: a worker pool started on the first image, so building the service connects to nothing."""

from __future__ import annotations

import asyncio
import threading

from recon_extractor.ocr.engine import OcrLine
from recon_extractor.ocr.pool import OcrPool, OcrSettings


class LazyOcr:
    """`read(image)` for the extraction threads; the pool (and its models) load once, on first use."""

    def __init__(self, settings: OcrSettings | None = None) -> None:
        self._settings = settings
        self._pool: OcrPool | None = None
        self._lock = threading.Lock()

    def read(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        with self._lock:
            if self._pool is None:
                self._pool = OcrPool(self._settings or OcrSettings())
            pool = self._pool
        return pool.read(image, det_max_side)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    async def close_when_stopped(self, stop: asyncio.Event) -> None:
        """A service background loop: shut the workers down with the service."""
        await stop.wait()
        self.close()
