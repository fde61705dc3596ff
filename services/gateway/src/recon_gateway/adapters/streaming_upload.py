"""Multipart upload parsed as it streams: each file goes straight to the blob store, limits checked per chunk.

Nothing is spooled whole in memory or on a temporary disk; a bad file is rejected on its own while the
rest of the request keeps streaming. Two limits refuse the whole request instead (`UploadTooLargeError`, 413):
more than `max_files` file parts, and a body longer than `max_request_bytes` counted over every byte received
(rejected parts, form fields and the multipart framing included), so no part of a request streams for free.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header
from recon_contracts.blobstore import BlobTooLargeError, BlobWriter, LocalBlobStore, StoredBlob
from recon_contracts.card_numbers import mask_card_numbers

from recon_gateway.domain.file_types import SNIFF_BYTES, ZIP, detect_file_type, zip_file_type

FIELD_BYTES = 1000  # a plain form field is a flag or a short word, never a file


class MalformedUploadError(ValueError):
    """The request body is not a multipart form."""


class UploadTooLargeError(Exception):
    """The request as a whole is over a limit: too many files, or too many bytes."""


@dataclass
class ReceivedFile:
    """One file of an upload and what became of it."""

    upload_id: uuid.UUID
    filename: str
    size: int = 0
    detected_type: str = "unknown"
    blob: StoredBlob | None = None
    error: str | None = None

    @property
    def stored(self) -> bool:
        return self.blob is not None


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int
    max_session_bytes: int
    max_files: int
    max_request_bytes: int


@dataclass
class _Part:
    headers: dict[str, str] = field(default_factory=dict)
    file: ReceivedFile | None = None
    head: bytearray = field(default_factory=bytearray)
    writer: BlobWriter | None = None
    field_name: str | None = None
    value: bytearray = field(default_factory=bytearray)


class StreamingUpload:
    """Feeds a request body through python-multipart, writing file parts to the blob store."""

    def __init__(self, *, content_type: str, store: LocalBlobStore, key_prefix: str, limits: UploadLimits) -> None:
        media, options = parse_options_header(content_type)
        boundary = options.get(b"boundary")
        if media != b"multipart/form-data" or not boundary:
            raise MalformedUploadError("the upload must be multipart/form-data with one or more 'files' parts")
        self.files: list[ReceivedFile] = []
        self.fields: dict[str, str] = {}
        self._store = store
        self._prefix = key_prefix
        self._limits = limits
        self._total = 0
        self._received = 0
        self._part = _Part()
        self._field = b""
        self._value = b""
        self._parser = MultipartParser(
            boundary,
            callbacks={
                "on_part_begin": self._on_part_begin,
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": self._on_headers_finished,
                "on_part_data": self._on_part_data,
                "on_part_end": self._on_part_end,
            },
        )

    async def consume(self, body: AsyncIterator[bytes]) -> list[ReceivedFile]:
        try:
            async for chunk in body:
                self._received += len(chunk)
                if self._received > self._limits.max_request_bytes:
                    raise UploadTooLargeError(
                        f"the upload is larger than the limit of {self._limits.max_request_bytes} bytes in one request"
                    )
                self._parser.write(chunk)
            self._parser.finalize()
        except UploadTooLargeError:
            self.abort()
            self._discard_stored()
            raise
        except BaseException:
            self.abort()
            raise
        return self.files

    def _discard_stored(self) -> None:
        """A request refused whole keeps none of its files."""
        for received in self.files:
            if received.blob is not None:
                self._store.delete(received.blob.ref)
                received.blob = None

    def abort(self) -> None:
        """Discard the half-written part of an interrupted request."""
        if self._part.writer is not None:
            self._part.writer.abort()
            self._part.writer = None

    # python-multipart callbacks (synchronous, called from write()).
    def _on_part_begin(self) -> None:
        self._part = _Part()

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _on_header_end(self) -> None:
        self._part.headers[self._field.decode("latin-1").lower()] = self._value.decode("utf-8", "replace")
        self._field = self._value = b""

    def _on_headers_finished(self) -> None:
        _, options = parse_options_header(self._part.headers.get("content-disposition", ""))
        filename = options.get(b"filename")
        if filename is None:  # a plain form field (e.g. allow_other_period)
            self._part.field_name = options.get(b"name", b"").decode("utf-8", "replace")
            return
        if len(self.files) == self._limits.max_files:
            raise UploadTooLargeError(
                f"more than {self._limits.max_files} files in one upload; send at most {self._limits.max_files}"
            )
        received = ReceivedFile(upload_id=uuid.uuid4(), filename=_safe_name(filename.decode("utf-8", "replace")))
        self.files.append(received)
        self._part.file = received

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        if part.field_name is not None:
            if len(part.value) + end - start > FIELD_BYTES:
                raise MalformedUploadError(f"the form field {part.field_name!r} is longer than {FIELD_BYTES} bytes")
            part.value += data[start:end]
            return
        received = part.file
        if received is None or received.error is not None:
            return
        chunk = data[start:end]
        received.size += len(chunk)
        self._total += len(chunk)
        if self._total > self._limits.max_session_bytes:
            self._reject(f"the upload exceeds the session limit of {self._limits.max_session_bytes} bytes")
            return
        if part.writer is None:
            part.head += chunk
            if len(part.head) >= SNIFF_BYTES:
                self._start_writing()
            return
        try:
            part.writer.write(chunk)
        except BlobTooLargeError:
            self._reject(f"larger than the limit of {self._limits.max_file_bytes} bytes")

    def _on_part_end(self) -> None:
        part = self._part
        if part.field_name is not None:
            self.fields[part.field_name] = part.value.decode("utf-8", "replace")
            return
        received = part.file
        if received is None or received.error is not None:
            return
        if part.writer is None:
            self._start_writing()
        if part.writer is not None:
            received.blob = part.writer.commit()
            part.writer = None
            if received.detected_type == ZIP:
                self._look_inside(received)

    def _look_inside(self, received: ReceivedFile) -> None:
        """A zip is kept only when it is a workbook (its central directory is at its end, so once stored)."""
        assert received.blob is not None
        kind, refusal = zip_file_type(self._store.local_path(received.blob.ref))
        if kind is not None:
            received.detected_type = kind
            return
        self._store.delete(received.blob.ref)
        received.blob, received.error = None, refusal

    def _start_writing(self) -> None:
        part = self._part
        assert part.file is not None
        head = bytes(part.head)
        if not head:
            self._reject("the file is empty")
            return
        detected = detect_file_type(head[:SNIFF_BYTES])
        if detected is None:
            self._reject("not a PDF, JPEG, PNG, HEIC, CSV or XLSX file (judged from its content)")
            return
        part.file.detected_type = detected
        part.writer = self._store.writer(f"{self._prefix}/{part.file.upload_id}", max_bytes=self._limits.max_file_bytes)
        part.head = bytearray()
        try:
            part.writer.write(head)
        except BlobTooLargeError:
            self._reject(f"larger than the limit of {self._limits.max_file_bytes} bytes")

    def _reject(self, reason: str) -> None:
        part = self._part
        if part.file is not None:
            part.file.error = reason
        self.abort()


def _safe_name(name: str) -> str:
    """The file's own name without any client path, bounded in length, a card number in it masked."""
    return mask_card_numbers(name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "unnamed")[:255]
