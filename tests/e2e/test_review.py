"""Review over the running stack: decisions re-match the session and land in the audit log."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from tests.e2e.journeys import make_month, upload, wait_status
from tests.e2e.stack import DEV_USER, Stack

pytestmark = pytest.mark.e2e


def test_decisions_are_audited_and_rematch_the_session(stack: Stack, tmp_path: Path) -> None:
    _, statement_pdf, receipts, _ = make_month(tmp_path, seed=21, cardholders=2)
    session_id = upload(stack.url, [statement_pdf, *receipts[:1]]).json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    lines = httpx.get(f"{stack.url}/api/sessions/{session_id}").json()["transactions"]
    base = f"{stack.url}/api/sessions/{session_id}"
    queue = httpx.get(f"{base}/review").json()

    # The lines a review screen lists, filterable and paged; the receipts with the line each backs.
    every = httpx.get(f"{base}/lines", params={"page_size": 500}).json()
    assert every["total"] == len(every["items"]) == len(lines) and not every["has_next"]
    holder = every["items"][0]["cardholder"]
    theirs = httpx.get(f"{base}/lines", params={"cardholder": holder["id"], "page_size": 2}).json()
    assert {x["cardholder"]["id"] for x in theirs["items"]} == {holder["id"]}
    assert 0 < theirs["total"] < every["total"] and theirs["has_next"] == (theirs["total"] > 2)
    status = every["items"][-1]["line_status"]
    by_status = httpx.get(f"{base}/lines", params={"status": status, "page_size": 500}).json()
    assert [x["id"] for x in by_status["items"]] == [x["id"] for x in every["items"] if x["line_status"] == status]
    [receipt] = httpx.get(f"{base}/receipts").json()["items"]
    assert receipt["source_file"] == receipts[0].name and receipt["file_name"] == receipts[0].name
    backed = [x for x in every["items"] if x["receipt"] and x["receipt"]["id"] == receipt["id"]]
    assert backed and [x["id"] for x in backed] == [x["id"] for x in receipt["lines"]]
    assert httpx.get(f"{base}/receipts", params={"unmatched": True}).json()["total"] == 0
    # The matched line is approved; another, with nothing to approve, cannot be.
    first = backed[0]["id"]
    second = next(x["id"] for x in every["items"] if x["id"] != first and x["receipt"] is None)
    nothing = httpx.post(f"{base}/lines/{second}/decisions", json={"action": "approve", "reviewer": "ana"})
    assert nothing.status_code == 422 and nothing.json()["error"]["code"] == "nothing_to_approve"
    assert set(queue) == {"lines", "identity_suggestions", "total", "page", "page_size", "has_next"}
    assert queue["total"] == len(queue["lines"]) and not queue["has_next"]

    approved = httpx.post(f"{base}/lines/{first}/decisions", json={"action": "approve", "reviewer": "ana"})
    assert approved.status_code == 201, approved.text
    # Answered only once stored: the very next read sees the decision and the re-match it started.
    [logged] = httpx.get(f"{base}/audit").json()["items"]
    assert logged["action"] == "line.approve"
    assert uuid.UUID(logged["id"]) != uuid.UUID(approved.json()["id"])  # rows are named by UUID
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
    # An alias names one of the session's cardholders; anyone else would land in the shared directory.
    nobody = httpx.post(
        f"{base}/cardholder-aliases",
        json={"alias": "BILL BURT", "cardholder_name": "NOBODY HERE", "decision": "confirm", "reviewer": "cy"},
    )
    assert nobody.status_code == 422 and nobody.json()["error"]["code"] == "unknown_cardholder"
    assert "'NOBODY HERE' is not a cardholder" in nobody.json()["error"]["message"]
    holder = httpx.get(base).json()["employees"][0]["name"]
    alias = httpx.post(
        f"{base}/cardholder-aliases",
        json={"alias": "BILL BURT", "cardholder_name": holder, "decision": "confirm", "reviewer": "cy"},
    )
    assert alias.status_code == 201, alias.text
    wait_status(stack.url, session_id, {"completed"})

    # Each line says how it was settled: the approved one by its reviewer, the rest by the matcher.
    outcomes = {x["id"]: x["outcome"] for x in httpx.get(f"{base}/lines", params={"page_size": 500}).json()["items"]}
    assert outcomes[first]["kind"] == "approved" and outcomes[first]["by"] == DEV_USER and outcomes[first]["at"]
    untouched = [o for i, o in outcomes.items() if i not in (first, second)]
    assert untouched and all(o["kind"] in ("auto_matched", "unmatched") and o["by"] is None for o in untouched)

    audit = httpx.get(f"{base}/audit").json()["items"]
    actions = [(a["actor"], a["action"], a["target_id"]) for a in audit]
    # The body's "reviewer" (sent by older clients) is ignored: who decided is the signed-in (here the dev) user.
    assert (DEV_USER, "line.approve", first) in actions
    assert (DEV_USER, "line.reject", second) in actions
    assert (DEV_USER, "alias.confirm", "BILL BURT") in actions
    approve_entry = next(a for a in audit if a["action"] == "line.approve")
    assert approve_entry["before"]["match_status"] in ("matched", "unmatched")
    assert approve_entry["after"]["action"] == "approve"
