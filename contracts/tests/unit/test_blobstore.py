from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from recon_contracts.blobstore import BlobTooLargeError, LocalBlobStore
from recon_contracts.errors import PermanentError


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def test_stream_is_stored_with_its_hash(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    blob = await store.put_stream("sessions/a/uploads/b", _chunks(b"hello ", b"world"))
    assert blob.sha256 == hashlib.sha256(b"hello world").hexdigest()
    assert blob.size == 11
    assert store.local_path(blob.ref).read_bytes() == b"hello world"


async def test_too_large_stream_leaves_nothing_behind(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    with pytest.raises(BlobTooLargeError):
        await store.put_stream("k/big", _chunks(b"x" * 6, b"x" * 6), max_bytes=10)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_keys_cannot_escape_the_store(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path / "root")
    with pytest.raises(PermanentError):
        store.writer("../outside")
    with pytest.raises(PermanentError):
        store.local_path("local:missing")


async def test_delete_prefix_removes_a_session(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    await store.put_bytes("sessions/s1/uploads/a", b"1")
    await store.put_bytes("sessions/s1/reports/r.xlsx", b"2")
    await store.put_bytes("sessions/s2/uploads/a", b"3")
    store.delete_prefix("sessions/s1")
    assert not (tmp_path / "sessions" / "s1").exists()
    assert (tmp_path / "sessions" / "s2" / "uploads" / "a").exists()
