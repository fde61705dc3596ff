"""The OCR pool's limits: a slow page times out, a greedy page hits the memory cap, a crash is survived.

Fake engines decide by the image bytes. Workers are forked here (the fakes live in this test module,
which a spawned interpreter could not import); the service's spawn start is exercised by the SROIE test.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
from recon_extractor.ocr.engine import OcrError, OcrLine, OcrResourceError, OcrTimeoutError
from recon_extractor.ocr.pool import OcrPool, OcrSettings

BOX = ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0))


class FakeEngine:
    def read(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        if image == b"slow":
            time.sleep(60)
        if image == b"greedy":
            _ = bytearray(4 * 2**30)
        if image == b"crash":
            os._exit(3)
        if image == b"bad":
            raise ValueError("cannot read that")
        return [OcrLine(f"pid {os.getpid()}", 0.9, BOX)]


def fake(threads: int) -> FakeEngine:
    return FakeEngine()


def broken(threads: int) -> FakeEngine:
    raise RuntimeError("model file missing")


def _vm_size_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) // 1024
    return 4096


@pytest.fixture
def pool() -> OcrPool:
    # Address-space cap: what this (forked) test process already maps plus 512 MiB of room.
    settings = OcrSettings(ocr_workers=1, ocr_page_timeout_seconds=2, ocr_memory_limit_mb=_vm_size_mb() + 512)
    with OcrPool(settings, engine_factory=fake, start_method="fork") as p:
        yield p


def _pid(pool: OcrPool) -> str:
    return pool.read(b"ok")[0].text


def test_a_page_that_runs_too_long_fails_alone_and_its_worker_is_replaced(pool: OcrPool) -> None:
    before = _pid(pool)
    start = time.perf_counter()
    with pytest.raises(OcrTimeoutError, match="longer than 2 s"):
        pool.read(b"slow")
    assert time.perf_counter() - start < 10
    assert _pid(pool) != before


def test_a_page_over_the_memory_limit_fails_alone(pool: OcrPool) -> None:
    with pytest.raises(OcrResourceError, match="memory"):
        pool.read(b"greedy")
    assert _pid(pool).startswith("pid ")


def test_a_crashed_worker_is_an_error_for_that_page_only(pool: OcrPool) -> None:
    with pytest.raises(OcrResourceError, match="exit code 3"):
        pool.read(b"crash")
    assert _pid(pool).startswith("pid ")


def test_an_engine_error_keeps_the_worker(pool: OcrPool) -> None:
    before = _pid(pool)
    with pytest.raises(OcrError, match="ValueError: cannot read that"):
        pool.read(b"bad")
    assert _pid(pool) == before


def test_an_engine_that_cannot_start_is_a_clear_error() -> None:
    with OcrPool(OcrSettings(ocr_workers=1), engine_factory=broken, start_method="fork") as p:
        with pytest.raises(OcrError, match="did not start: RuntimeError: model file missing"):
            p.wait_ready()
        with pytest.raises(OcrError, match="did not start"):
            p.read(b"ok")  # the failed worker was replaced, and the new one fails the same way


async def test_async_reads_share_the_workers() -> None:
    with OcrPool(OcrSettings(ocr_workers=2), engine_factory=fake, start_method="fork") as p:
        results = await asyncio.gather(*(p.read_image(b"ok") for _ in range(6)))
    assert len({r[0].text for r in results}) == 2


def test_a_closed_pool_refuses_work() -> None:
    p = OcrPool(OcrSettings(ocr_workers=1), engine_factory=fake, start_method="fork")
    p.close()
    with pytest.raises(OcrError, match="closed"):
        p.read(b"ok")
