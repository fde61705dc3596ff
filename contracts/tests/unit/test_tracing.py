"""An event staged inside a span carries its W3C context; the relay publishes it inside that context again."""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from recon_contracts.db.messaging import OutboxRow
from recon_contracts.events import ProgressReported
from recon_contracts.outbox import stage
from recon_contracts.tracing import SESSION_ATTRIBUTE, continued, span_file_writer, tracer_provider

# A provider of the test's own: the context API carries its spans without the process-wide provider.
SPANS = InMemorySpanExporter()
_provider = TracerProvider()
_provider.add_span_processor(SimpleSpanProcessor(SPANS))
TRACER = _provider.get_tracer(__name__)


class FakeTransaction:
    def __init__(self) -> None:
        self.rows: list[OutboxRow] = []

    def add(self, row: Any) -> None:
        self.rows.append(row)


def _event(**trace_headers: str) -> ProgressReported:
    return ProgressReported(
        session_id=uuid.uuid4(), service="test", stage="extracting", message="step", trace=trace_headers
    )


def _traceparent(span: trace.Span) -> str:
    ids = span.get_span_context()
    return f"00-{ids.trace_id:032x}-{ids.span_id:016x}-{ids.trace_flags:02x}"


def test_an_event_staged_in_a_span_carries_its_context_and_tags_it_with_the_session() -> None:
    db, event = FakeTransaction(), _event()
    with TRACER.start_as_current_span("upload") as span:
        stage(db, event)  # type: ignore[arg-type]
    [row] = db.rows
    assert row.headers == {"traceparent": _traceparent(span)}
    assert row.payload["trace"] == row.headers  # the envelope's field, as the consumer reads it
    [finished] = [s for s in SPANS.get_finished_spans() if s.context.span_id == span.get_span_context().span_id]
    assert finished.attributes == {SESSION_ATTRIBUTE: str(event.session_id)}


def test_outside_a_span_no_context_is_invented() -> None:
    db = FakeTransaction()
    stage(db, _event())  # type: ignore[arg-type]
    assert db.rows[0].headers == {} and db.rows[0].payload["trace"] == {}


def test_an_event_that_already_has_a_trace_keeps_it() -> None:
    db, carried = FakeTransaction(), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    with TRACER.start_as_current_span("elsewhere"):
        stage(db, _event(traceparent=carried))  # type: ignore[arg-type]
    assert db.rows[0].headers == {"traceparent": carried}


def test_a_span_started_in_the_continued_context_is_a_child_of_the_staging_span() -> None:
    with TRACER.start_as_current_span("upload") as parent:
        headers = {"traceparent": _traceparent(parent)}
    with continued(headers), TRACER.start_as_current_span("publish") as child:
        pass
    assert child.get_span_context().trace_id == parent.get_span_context().trace_id
    [published] = [s for s in SPANS.get_finished_spans() if s.name == "publish"]
    assert published.parent is not None and published.parent.span_id == parent.get_span_context().span_id
    assert trace.get_current_span() is trace.INVALID_SPAN  # the context is detached after the block


def test_the_span_file_holds_a_json_line_per_span_with_a_bytes_attribute_as_text(tmp_path: Path) -> None:
    path = tmp_path / "traces.jsonl"
    provider = TracerProvider()
    provider.add_span_processor(span_file_writer(str(path)))
    with provider.get_tracer(__name__).start_as_current_span("recon.file-uploaded process") as span:
        span.set_attribute("messaging.kafka.message.key", b"4f7c")  # FastStream's key attribute is bytes
    [line] = path.read_text().splitlines()
    written = json.loads(line)
    assert written["name"] == "recon.file-uploaded process"
    assert written["attributes"] == {"messaging.kafka.message.key": "4f7c"}
    assert written["context"]["trace_id"] == f"0x{span.get_span_context().trace_id:032x}"


@pytest.fixture
def collector() -> Iterator[tuple[str, list[tuple[str, bytes]]]]:
    """A stand-in OTLP/HTTP collector on loopback: the (path, body) of every POST it receives."""
    received: list[tuple[str, bytes]] = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append((self.path, self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", received
    server.shutdown()


def test_spans_reach_the_otlp_collector_named_by_the_endpoint(
    collector: tuple[str, list[tuple[str, bytes]]],
) -> None:
    endpoint, received = collector
    provider = tracer_provider("matcher", otlp_endpoint=endpoint)
    with provider.get_tracer(__name__).start_as_current_span("recon.session-extracted process"):
        pass
    assert provider.force_flush(timeout_millis=10_000)
    provider.shutdown()
    [(path, body)] = received
    assert path == "/v1/traces"
    [resource_spans] = ExportTraceServiceRequest.FromString(body).resource_spans
    service = {a.key: a.value.string_value for a in resource_spans.resource.attributes}["service.name"]
    assert service == "recon-matcher"
    assert [s.name for scope in resource_spans.scope_spans for s in scope.spans] == ["recon.session-extracted process"]


@pytest.mark.usefixtures("service_logging")
def test_a_log_line_written_in_a_span_names_its_trace(capsys: pytest.CaptureFixture[str]) -> None:
    with TRACER.start_as_current_span("recon.file-uploaded process") as span:
        logging.getLogger("recon_extractor").warning("page %d read", 3)
    logging.getLogger("recon_extractor").warning("outside any span")
    inside, outside = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()[-2:]]
    ids = span.get_span_context()
    assert (inside["trace_id"], inside["span_id"]) == (f"{ids.trace_id:032x}", f"{ids.span_id:016x}")
    assert "trace_id" not in outside
