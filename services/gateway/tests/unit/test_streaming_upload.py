from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from recon_contracts.blobstore import LocalBlobStore
from recon_gateway.adapters.streaming_upload import (
    MalformedUploadError,
    StreamingUpload,
    UploadLimits,
    UploadTooLargeError,
)

BOUNDARY = "----recon-test-boundary"
PDF = b"%PDF-1.4\n" + b"0123456789" * 2000


def _body(*parts: tuple[str, str | None, bytes]) -> bytes:
    out = b""
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + data + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()


async def _chunked(body: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


def _parser(store: LocalBlobStore, **limits: int) -> StreamingUpload:
    defaults = {
        "max_file_bytes": 1_000_000,
        "max_session_bytes": 10_000_000,
        "max_files": 10,
        "max_request_bytes": 10**8,
    }
    return StreamingUpload(
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        store=store,
        key_prefix="sessions/s/uploads",
        limits=UploadLimits(**(defaults | limits)),
    )


async def test_files_stream_to_the_store_with_their_hash(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    files = await _parser(store).consume(
        _chunked(_body(("files", "a.pdf", PDF), ("name", None, b"March"), ("files", "C:\\x\\b.csv", b"a,b\n1,2\n")))
    )
    assert [f.filename for f in files] == ["a.pdf", "b.csv"]
    assert [f.detected_type for f in files] == ["application/pdf", "text/csv"]
    assert files[0].blob is not None and files[0].blob.sha256 == hashlib.sha256(PDF).hexdigest()
    assert store.local_path(files[0].blob.ref).read_bytes() == PDF
    assert files[1].size == len(b"a,b\n1,2\n")


async def test_bad_and_oversized_files_are_rejected_alone(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    big = b"%PDF-1.4\n" + b"x" * 20_000
    files = await _parser(store, max_file_bytes=10_000).consume(
        _chunked(
            _body(
                ("files", "big.pdf", big), ("files", "evil.exe", b"MZ" + b"\0" * 5000), ("files", "ok.pdf", PDF[:5000])
            )
        )
    )
    by_name = {f.filename: f for f in files}
    assert "larger than the limit" in (by_name["big.pdf"].error or "")
    assert "judged from its content" in (by_name["evil.exe"].error or "")
    assert by_name["ok.pdf"].stored and not by_name["big.pdf"].stored and not by_name["evil.exe"].stored
    stored = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(stored) == 1


async def test_files_past_the_session_byte_limit_are_rejected_alone(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    files = await _parser(store, max_session_bytes=2 * len(PDF) + 10).consume(
        _chunked(_body(*[("files", f"{n}.pdf", PDF) for n in range(4)]))
    )
    assert [f.stored for f in files] == [True, True, False, False]
    assert "exceeds the session limit" in (files[2].error or "")


async def test_one_file_too_many_refuses_the_request_and_keeps_nothing(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    parser = _parser(store, max_files=2)
    with pytest.raises(UploadTooLargeError, match="more than 2 files in one upload"):
        await parser.consume(_chunked(_body(*[("files", f"{n}.pdf", PDF) for n in range(3)])))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert len(parser.files) == 2  # the third part was never taken in
    files = await _parser(store, max_files=2).consume(_chunked(_body(*[("files", f"{n}.pdf", PDF) for n in range(2)])))
    assert [f.stored for f in files] == [True, True]


async def test_every_byte_of_the_request_counts_toward_its_limit(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    rejected = [("files", f"{n}.exe", b"MZ" + b"\0" * 5000) for n in range(20)]  # refused parts are read anyway
    fields = [(f"field{n}", None, b"x" * 900) for n in range(20)]
    body = _body(("files", "a.pdf", PDF), *rejected, *fields)
    with pytest.raises(UploadTooLargeError, match="larger than the limit of 100000 bytes"):
        await _parser(store, max_files=30, max_request_bytes=100_000).consume(_chunked(body))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    files = await _parser(store, max_files=30, max_request_bytes=len(body)).consume(_chunked(body))
    assert sum(f.stored for f in files) == 1


async def test_empty_file_is_rejected(tmp_path: Path) -> None:
    files = await _parser(LocalBlobStore(tmp_path)).consume(_chunked(_body(("files", "empty.pdf", b""))))
    assert files[0].error == "the file is empty"


def test_non_multipart_request_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedUploadError):
        StreamingUpload(
            content_type="application/json",
            store=LocalBlobStore(tmp_path),
            key_prefix="p",
            limits=UploadLimits(1, 1, 1, 1),
        )


def _zipped(**members: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name.replace("__", "/"), data)
    return out.getvalue()


async def test_a_docx_is_refused_in_plain_words_and_a_workbook_kept(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    docx = _zipped(**{"[Content_Types].xml": b"<Types/>", "word__document.xml": b"<w:document/>"})
    xlsx = _zipped(**{"[Content_Types].xml": b"<Types/>", "xl__workbook.xml": b"<workbook/>"})
    files = await _parser(store).consume(_chunked(_body(("files", "a.xlsx", docx), ("files", "b.xlsx", xlsx))))
    refused, kept = files
    assert refused.blob is None and refused.error is not None
    assert refused.error.startswith("a Word document (.docx), not a statement, expense report or receipt")
    assert kept.detected_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert kept.blob is not None and store.local_path(kept.blob.ref).read_bytes() == xlsx
    assert len(list((tmp_path / "sessions/s/uploads").iterdir())) == 1


async def test_plain_form_fields_are_read_and_bounded(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    parser = _parser(store)
    await parser.consume(_chunked(_body(("allow_other_period", None, b"true"), ("files", "a.pdf", PDF))))
    assert parser.fields == {"allow_other_period": "true"}
    with pytest.raises(MalformedUploadError, match="longer than 1000 bytes"):
        await _parser(store).consume(_chunked(_body(("note", None, b"x" * 1001), ("files", "a.pdf", PDF))))
