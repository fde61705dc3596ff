"""Review over the running stack: decisions re-match the session and land in the audit log."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from tests.e2e.journeys import make_month, upload, wait_status
from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e


def test_decisions_are_audited_and_rematch_the_session(stack: Stack, tmp_path: Path) -> None:
    _, statement_pdf, receipts, _ = make_month(tmp_path, seed=21, cardholders=2)
    session_id = upload(stack.url, [statement_pdf, *receipts[:1]]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    lines = httpx.get(f"{stack.url}/api/sessions/{session_id}").json()["transactions"]
    first, second = lines[0]["id"], lines[1]["id"]
    base = f"{stack.url}/api/sessions/{session_id}"
    queue = httpx.get(f"{base}/review").json()
    assert set(queue) == {"lines", "identity_suggestions", "total", "page", "page_size", "has_next"}
    assert queue["total"] == len(queue["lines"]) and not queue["has_next"]

    approved = httpx.post(f"{base}/lines/{first}/decisions", json={"action": "approve", "reviewer": "ana"})
    assert approved.status_code == 201, approved.text
    # Answered only once stored: the very next read sees the decision and the re-match it started.
    assert [a["action"] for a in httpx.get(f"{base}/audit").json()["items"]] == ["line.approve"]
    assert httpx.post(f"{base}/lines/{second}/decisions", json={"action": "reject", "reviewer": "ana"}).status_code in (
        201,
        409,  # the first decision's re-match may still be running
    )
    wait_status(stack.url, session_id, {"completed"})
    rejected = httpx.post(f"{base}/lines/{second}/decisions", json={"action": "reject", "reviewer": "bo"})
    assert rejected.status_code == 201
    no_reason = httpx.post(f"{base}/lines/{second}/decisions", json={"action": "no_receipt", "reviewer": "bo"})
    assert no_reason.status_code == 422
    assert httpx.post(
        f"{base}/lines/{uuid.uuid4()}/decisions", json={"action": "approve", "reviewer": "bo"}
    ).status_code in (
        404,
        409,
    )
    wait_status(stack.url, session_id, {"completed"})
    alias = httpx.post(
        f"{base}/cardholder-aliases",
        json={"alias": "BILL BURT", "cardholder_name": "WILLIAMBURT", "decision": "confirm", "reviewer": "cy"},
    )
    assert alias.status_code == 201, alias.text
    wait_status(stack.url, session_id, {"completed"})

    audit = httpx.get(f"{base}/audit").json()["items"]
    actions = [(a["actor"], a["action"], a["target_id"]) for a in audit]
    assert ("ana", "line.approve", first) in actions
    assert ("bo", "line.reject", second) in actions
    assert ("cy", "alias.confirm", "BILL BURT") in actions
    approve_entry = next(a for a in audit if a["action"] == "line.approve")
    assert approve_entry["before"]["match_status"] in ("matched", "unmatched")
    assert approve_entry["after"]["action"] == "approve"
