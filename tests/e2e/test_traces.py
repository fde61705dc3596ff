"""One upload is one trace: the gateway's request span, then every service's work on its events."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from recon_contracts.tracing import SESSION_ATTRIBUTE

from tests.e2e.journeys import make_month, upload, wait_status
from tests.e2e.stack import SERVICES, Stack

pytestmark = pytest.mark.e2e
PIPELINE = {"recon-gateway", "recon-extractor", "recon-matcher", "recon-reporter"}


def _spans(stack: Stack) -> list[dict[str, Any]]:
    spans = []
    for service in SERVICES:
        path = stack.traces_file(service)
        lines = path.read_text().splitlines() if path.exists() else []
        spans += [json.loads(line) for line in lines if line.endswith("}")]  # a line being written is not read
    return spans


def _services_of_session(stack: Stack, session_id: str) -> tuple[list[dict[str, Any]], set[str]]:
    tagged = [s for s in _spans(stack) if s["attributes"].get(SESSION_ATTRIBUTE) == session_id]
    return tagged, {s["resource"]["attributes"]["service.name"] for s in tagged}


def test_one_trace_follows_an_upload_from_the_gateway_through_extractor_matcher_and_reporter(
    stack: Stack, tmp_path: Path
) -> None:
    _, statement_pdf, receipts, _ = make_month(tmp_path, seed=41, cardholders=1)
    response = upload(stack.url, [statement_pdf, *receipts[:1]])
    assert response.status_code == 202, response.text
    session_id = response.json()["session_id"]
    wait_status(stack.url, session_id, {"completed"})
    deadline = time.monotonic() + 15  # the reporter's span ends just after its commit
    tagged, services = _services_of_session(stack, session_id)
    while services != PIPELINE and time.monotonic() < deadline:
        time.sleep(0.3)
        tagged, services = _services_of_session(stack, session_id)
    assert services == PIPELINE

    [trace_id] = {s["context"]["trace_id"] for s in tagged}
    trace = {s["context"]["span_id"]: s for s in _spans(stack) if s["context"]["trace_id"] == trace_id}
    [root] = [s for s in trace.values() if s["parent_id"] is None]
    assert root["resource"]["attributes"]["service.name"] == "recon-gateway"
    assert root["attributes"]["http.route"] == "/api/upload", root["attributes"]
    # One tree: every other span's parent is a span of this trace, whichever process wrote it.
    assert all(s["parent_id"] in trace for s in trace.values() if s is not root)
    # No span per body chunk: a progress stream would otherwise add one for each event it sends.
    assert not [s["name"] for s in trace.values() if s["name"].endswith(("http send", "http receive"))]
