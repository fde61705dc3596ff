"""When a finished session needs a person before its AP import: what its files say it could not account for.

A statement's findings stay open until a reviewer accepts them on that file, or a later statement of the same
period arrives read without findings (the corrected file). A session without any statement read needs a
person too: it has no card lines to reconcile, whatever else it holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class FileState:
    """One uploaded file as read: its kind, outcome, findings and whether a reviewer accepted them."""

    upload_id: uuid.UUID
    filename: str
    document_kind: str | None
    status: str
    error: str | None
    finished_at: datetime
    period: tuple[date | None, date | None] = (None, None)
    findings: Sequence[dict[str, Any]] = field(default_factory=tuple)
    accepted: bool = False

    @property
    def is_statement(self) -> bool:
        return self.document_kind == "statement" and self.status in ("extracted", "duplicate")


def open_findings(files: Sequence[FileState]) -> dict[uuid.UUID, FileState]:
    """The files whose findings still need a reviewer, by upload id."""
    corrected_after: dict[tuple[date | None, date | None], datetime] = {}
    for f in files:
        if f.is_statement and f.status == "extracted" and not f.findings:
            corrected_after[f.period] = max(f.finished_at, corrected_after.get(f.period, f.finished_at))
    return {
        f.upload_id: f
        for f in files
        if f.is_statement
        and f.findings
        and not f.accepted
        and not (f.period in corrected_after and corrected_after[f.period] > f.finished_at)
    }


def findings_message(open_files: Sequence[FileState]) -> str:
    count = sum(len(f.findings) for f in open_files)
    names = ", ".join(f.filename for f in open_files)
    return (
        f"{count} finding(s) in {names} need a reviewer: accept them or upload a corrected statement; "
        "the AP import is withheld until then"
    )


def attention_reasons(files: Sequence[FileState]) -> list[str]:
    """Why the session needs a person, in plain words; empty when it does not."""
    reasons = []
    if found := open_findings(files):
        reasons.append(findings_message(list(found.values())))
    if not any(f.is_statement for f in files):
        failed = [f.error for f in files if f.status == "failed" and f.error]
        reasons.append("no card statement was read" + (f" ({'; '.join(failed)})" if failed else ""))
    return reasons
