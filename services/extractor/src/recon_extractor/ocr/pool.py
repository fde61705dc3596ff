"""OCR in worker processes, each with its models loaded once and with per-page time and memory limits.

A page that runs past `ocr_page_timeout_seconds` raises `OcrTimeoutError` and its worker is killed and
replaced (a stuck onnxruntime call cannot be interrupted any other way); a worker's address space is capped
with RLIMIT_AS at `ocr_memory_limit_mb`, so a decompression bomb fails that page (`OcrResourceError`)
instead of the pod. Workers are started with `spawn`: forking the service would copy its event loop,
Kafka client and pdfium lock into every worker.

`read(image)` is the blocking API (CLI, bench, extraction threads); `read_image(image)` the async one.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import queue
import re
import resource
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from recon_extractor.ocr.engine import OcrEngine, OcrError, OcrLine, OcrResourceError, OcrTimeoutError

EngineFactory = Callable[[int], OcrEngine]
"""Builds an engine in the worker from its thread count; must be importable by name (it is pickled)."""

_Wire = list[tuple[str, float, Any]]
_OUT_OF_MEMORY = re.compile(r"alloc|out of memory|insufficient memory|bad_alloc", re.IGNORECASE)


class OcrSettings(BaseSettings):
    """OCR pool sizing and limits (OCR_WORKERS, OCR_PAGE_TIMEOUT_SECONDS, ...)."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    ocr_workers: int = 2
    """Worker processes; each takes one core while it reads a page."""
    ocr_threads_per_worker: int = 0
    """onnxruntime threads per worker; 0 shares the machine's cores between the workers."""
    ocr_page_timeout_seconds: float = 60.0
    ocr_memory_limit_mb: int = 3072
    """RLIMIT_AS of a worker: address space, not RSS (onnxruntime reserves ~1 GiB it never touches; a
    statement page detected at 1600 px peaks at ~1.9 GiB of address space for ~0.9 GiB resident)."""
    ocr_start_timeout_seconds: float = 120.0


def _default_engine(threads: int) -> OcrEngine:
    from recon_extractor.ocr.rapidocr_engine import RapidOcrEngine

    return RapidOcrEngine(threads=threads)


def _serve(conn: Connection, factory: EngineFactory, threads: int, memory_limit: int) -> None:
    """Worker main: load the engine, say ready, then read one image per message until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it closes the pool
    if memory_limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        engine = factory(threads)
    except BaseException as exc:
        conn.send(("error", f"the OCR engine did not start: {type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            image, det_max_side = conn.recv()
        except (EOFError, OSError):
            return
        try:
            cpu = time.process_time()
            wire: _Wire = [(ln.text, ln.confidence, ln.box) for ln in engine.read(image, det_max_side)]
            conn.send(("ok", (wire, time.process_time() - cpu)))
        except Exception as exc:
            # numpy says MemoryError; onnxruntime and OpenCV say it in words ("Failed to allocate memory").
            if isinstance(exc, MemoryError) or _OUT_OF_MEMORY.search(str(exc)):
                conn.send(("memory", f"the page needs more memory than the OCR worker's limit ({exc})"[:500]))
                return  # allocators may be left half-initialised: start clean
            conn.send(("error", f"{type(exc).__name__}: {exc}"[:500]))


class _Worker:
    def __init__(self, ctx: Any, factory: EngineFactory, threads: int, memory_limit: int) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_serve, args=(child, factory, threads, memory_limit), daemon=True, name="ocr-worker"
        )
        self.process.start()
        child.close()
        self.ready = False

    def _receive(self, timeout: float, what: str) -> tuple[str, Any]:
        if not self.conn.poll(timeout):
            raise OcrTimeoutError(f"{what} took longer than {timeout:g} s")
        try:
            kind, payload = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.process.join(1)
            code = self.process.exitcode
            raise OcrResourceError(f"the OCR worker died during {what} (exit code {code}; out of memory?)") from exc
        return kind, payload

    def ensure_ready(self, start_timeout: float) -> None:
        if not self.ready:
            kind, payload = self._receive(start_timeout, "OCR engine start")
            if kind != "ready":
                raise OcrError(payload)
            self.ready = True

    def read(
        self, image: bytes, det_max_side: int | None, start_timeout: float, timeout: float
    ) -> tuple[list[OcrLine], float]:
        self.ensure_ready(start_timeout)
        try:
            self.conn.send((image, det_max_side))
        except OSError as exc:  # it died between pages
            raise OcrResourceError(f"the OCR worker had died (exit code {self.process.exitcode})") from exc
        kind, payload = self._receive(timeout, "the OCR of the page")
        if kind == "ok":
            wire, cpu = payload
            return [OcrLine(text, conf, tuple(tuple(p) for p in box)) for text, conf, box in wire], cpu
        raise (OcrResourceError if kind == "memory" else OcrError)(payload)

    def kill(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class OcrPool:
    """A fixed number of OCR worker processes; a failed or stuck worker is replaced, the pool stays usable."""

    def __init__(
        self,
        settings: OcrSettings | None = None,
        engine_factory: EngineFactory = _default_engine,
        start_method: str = "spawn",
    ) -> None:
        self.settings = s = settings or OcrSettings()
        if s.ocr_workers < 1:
            raise ValueError("ocr_workers must be at least 1")
        self._threads = s.ocr_threads_per_worker or max(1, (os.cpu_count() or 1) // s.ocr_workers)
        self._ctx = multiprocessing.get_context(start_method)
        self._factory = engine_factory
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(s.ocr_workers):
            self._idle.put(self._spawn())
        self._executor = ThreadPoolExecutor(max_workers=s.ocr_workers, thread_name_prefix="ocr")

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self._factory, self._threads, self.settings.ocr_memory_limit_mb * 2**20)

    def read(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        """The image's text lines; OcrTimeoutError / OcrResourceError / OcrError for this page only."""
        return self.read_measured(image, det_max_side)[0]

    def read_measured(self, image: bytes, det_max_side: int | None = None) -> tuple[list[OcrLine], float]:
        """`read`, plus the CPU seconds the worker spent on the page (all its threads; unlike wall time,
        not inflated by other processes on the machine)."""
        if self._closed:
            raise OcrError("the OCR pool is closed")
        worker = self._take()
        if not worker.process.is_alive():
            worker = self._replace(worker)  # died while idle (killed from outside): not this page's fault
        try:
            s = self.settings
            return worker.read(image, det_max_side, s.ocr_start_timeout_seconds, s.ocr_page_timeout_seconds)
        except (OcrTimeoutError, OcrResourceError):
            worker = self._replace(worker)  # stuck or dead: only a new process recovers
            raise
        except OcrError:
            if not worker.ready:
                worker = self._replace(worker)  # the engine did not start; try afresh next time
            raise
        except BaseException:
            worker = self._replace(worker)  # interrupted mid-page: its pipe may hold a half-read answer
            raise
        finally:
            with self._lock:
                if self._closed:
                    worker.kill()
                else:
                    self._idle.put(worker)

    def _take(self) -> _Worker:
        while True:
            try:
                return self._idle.get(timeout=0.5)
            except queue.Empty:
                if self._closed:
                    raise OcrError("the OCR pool is closed") from None

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        return self._spawn()

    def wait_ready(self) -> None:
        """Block until every worker has loaded its models; OcrError when one cannot (call at start-up, so a
        broken install fails the service's start, not its first receipt)."""
        workers = [self._take() for _ in range(self.settings.ocr_workers)]
        failure: OcrError | None = None
        for k, worker in enumerate(workers):
            try:
                worker.ensure_ready(self.settings.ocr_start_timeout_seconds)
            except OcrError as exc:
                failure, workers[k] = exc, self._replace(worker)
        for worker in workers:
            self._idle.put(worker)
        if failure is not None:
            raise failure

    async def read_image(self, image: bytes) -> list[OcrLine]:
        """`read` without blocking the event loop; at most `ocr_workers` pages are in flight."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self.read, image)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            while True:
                try:
                    self._idle.get_nowait().kill()
                except queue.Empty:
                    break
        self._executor.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
