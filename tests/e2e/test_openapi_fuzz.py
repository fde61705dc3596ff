"""Schemathesis against the gateway's own OpenAPI document: no request it describes may cause a server error,
and every response must match what the document says."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from tests.e2e.journeys import make_month, upload, wait_status
from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e


def test_api_conforms_to_its_document(stack: Stack, tmp_path: Path) -> None:
    # Reads go to a real finished month half the time, so their filters and pages meet real rows.
    _, statement_pdf, receipts, _ = make_month(tmp_path, seed=81, cardholders=2)
    real = upload(stack.url, [statement_pdf, *receipts[:2]]).json()["session_id"]
    wait_status(stack.url, real, {"completed"})
    # The SSE stream is long-lived by design; the pipeline tests cover it.
    schema = schemathesis.openapi.from_url(f"{stack.url}/openapi.json").exclude(path_regex=".*/events$")
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    labels = {operation.label for operation in operations}
    for route in (
        "GET /api/sessions/{session_id}/lines",
        "GET /api/sessions/{session_id}/entries",
        "GET /api/sessions/{session_id}/receipts",
        "POST /api/sessions/{session_id}/decisions",
        "POST /api/sessions/{session_id}/files/{upload_id}/findings/accept",
    ):
        assert route in labels, sorted(labels)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def exercise(case: schemathesis.Case) -> None:
            path = case.path_parameters or {}
            if case.method == "GET" and "session_id" in path and zlib.crc32(str(path["session_id"]).encode()) % 2:
                path["session_id"] = real
            # Any bytes are a schema-valid "file", yet the API rightly refuses what is not a document. The stack's
            # gateway runs AUTH_MODE=dev (no sign-in, by design); tokens are walked route by route in
            # services/gateway/tests/integration/test_route_access.py.
            case.call_and_validate(excluded_checks=[positive_data_acceptance, ignored_auth])

        try:
            exercise()
        except Exception as exc:  # collect every operation's failure, then report them together
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
