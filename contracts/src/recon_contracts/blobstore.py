"""Claim-check storage: file bytes live here, events carry a reference and a sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from recon_contracts.errors import PermanentError


class BlobTooLargeError(PermanentError):
    """A stream grew past its size limit while being stored."""


@dataclass(frozen=True)
class StoredBlob:
    """Where a blob went and what it holds."""

    ref: str
    sha256: str
    size: int


class BlobWriter:
    """Writes one blob through a temporary file, hashing and counting as it goes."""

    def __init__(self, ref: str, target: Path, max_bytes: int | None) -> None:
        self.ref = ref
        self.size = 0
        self._target = target
        self._max_bytes = max_bytes
        self._digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        self._tmp = Path(tmp)
        self._out = os.fdopen(fd, "wb")

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self._max_bytes is not None and self.size > self._max_bytes:
            raise BlobTooLargeError(f"larger than the limit of {self._max_bytes} bytes")
        self._digest.update(chunk)
        self._out.write(chunk)

    def commit(self) -> StoredBlob:
        self._out.close()
        os.replace(self._tmp, self._target)
        return StoredBlob(ref=self.ref, sha256=self._digest.hexdigest(), size=self.size)

    def abort(self) -> None:
        self._out.close()
        self._tmp.unlink(missing_ok=True)


class LocalBlobStore:
    """A folder acting as the blob store (dev and tests; production plugs in Azure Blob behind the same calls)."""

    SCHEME = "local:"

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def writer(self, key: str, *, max_bytes: int | None = None) -> BlobWriter:
        """A writer that streams chunks to key; commit() makes the blob visible, abort() discards it."""
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        return BlobWriter(self.SCHEME + key, target, max_bytes)

    async def put_stream(self, key: str, chunks: AsyncIterator[bytes], *, max_bytes: int | None = None) -> StoredBlob:
        """Stream chunks to key, hashing as they pass; never holds the whole file in memory."""
        writer = self.writer(key, max_bytes=max_bytes)
        try:
            async for chunk in chunks:
                writer.write(chunk)
        except BaseException:
            writer.abort()
            raise
        return writer.commit()

    async def put_file(self, key: str, path: Path, chunk_size: int = 1024 * 1024) -> StoredBlob:
        """Store a local file (a built report, an extracted image) under key, a chunk at a time."""

        async def chunks() -> AsyncIterator[bytes]:
            with path.open("rb") as source:
                while chunk := source.read(chunk_size):
                    yield chunk

        return await self.put_stream(key, chunks())

    async def put_bytes(self, key: str, data: bytes) -> StoredBlob:
        async def one() -> AsyncIterator[bytes]:
            yield data

        return await self.put_stream(key, one())

    def local_path(self, ref: str) -> Path:
        """A readable local path for ref (a local blob is read in place)."""
        if not ref.startswith(self.SCHEME):
            raise PermanentError(f"unknown blob reference {ref!r}")
        path = self._path(ref.removeprefix(self.SCHEME))
        if not path.is_file():
            raise PermanentError(f"blob {ref!r} is missing from the store")
        return path

    def delete(self, ref: str) -> None:
        """Remove one blob (absent is fine)."""
        if ref.startswith(self.SCHEME):
            self._path(ref.removeprefix(self.SCHEME)).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> None:
        """Remove every blob under a key prefix (a purged session)."""
        base = self._path(prefix)
        if base.is_dir():
            for path in sorted(base.rglob("*"), reverse=True):
                path.rmdir() if path.is_dir() else path.unlink()
            base.rmdir()

    def child_prefixes(self, prefix: str) -> Iterator[tuple[str, datetime]]:
        """The prefixes one level under `prefix` ("sessions" → each session's folder), each with the time
        anything under it last changed (an upload still streaming keeps its folder fresh)."""
        base = self._path(prefix)
        if not base.is_dir():
            return
        for child in base.iterdir():
            if child.is_dir():
                newest = max((p.stat().st_mtime for p in child.rglob("*")), default=child.stat().st_mtime)
                yield child.name, datetime.fromtimestamp(max(newest, child.stat().st_mtime), UTC)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise PermanentError(f"blob key {key!r} escapes the store")
        return path
