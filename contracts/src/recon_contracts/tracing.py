"""OpenTelemetry traces that follow one upload through every service.

The gateway's request span is the root. An event staged in the outbox carries the W3C context of the span
it was staged in (`Event.trace`, sent as its Kafka headers); the relay publishes it inside that context, and
FastStream's telemetry middleware continues it in the consumer, so what the consumer stages carries the
same trace. Spans are written to the file TRACES_FILE names (one JSON object a line) and sent to the
collector OTEL_EXPORTER_OTLP_ENDPOINT names (OTLP over HTTP), each when it is set.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import Any

from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor

from recon_contracts.settings import ServiceSettings

SESSION_ATTRIBUTE = "recon.session_id"


def _json_line(span: ReadableSpan) -> str:
    """The SDK's JSON of a span, on one line; bytes attributes (FastStream's Kafka message key) as text."""
    attributes = {
        k: v.decode(errors="replace") if isinstance(v, bytes) else v for k, v in (span.attributes or {}).items()
    }
    readable = ReadableSpan(
        name=span.name,
        context=span.context,
        parent=span.parent,
        resource=span.resource,
        attributes=attributes,
        events=span.events,
        links=span.links,
        kind=span.kind,
        status=span.status,
        start_time=span.start_time,
        end_time=span.end_time,
        instrumentation_scope=span.instrumentation_scope,
    )
    return readable.to_json(indent=None) + "\n"


def tracer_provider(service: str, traces_file: str = "", otlp_endpoint: str = "") -> TracerProvider:
    """Spans named `recon-<service>`, written to traces_file and sent to an OTLP/HTTP collector when named."""
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: f"recon-{service}"}))
    if traces_file:
        provider.add_span_processor(span_file_writer(traces_file))
    if otlp_endpoint:
        # Imported only here: the exporter and its protobuf and HTTP stack cost every start a second otherwise.
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter(endpoint=otlp_endpoint.rstrip("/") + "/v1/traces")
        provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


def configure_tracing(service: str, settings: ServiceSettings) -> None:
    """This process's tracer provider, from TRACES_FILE and OTEL_EXPORTER_OTLP_ENDPOINT."""
    trace.set_tracer_provider(tracer_provider(service, settings.traces_file, settings.otel_exporter_otlp_endpoint))


def span_file_writer(path: str) -> SpanProcessor:
    """Appends each span as it ends to the file, one JSON object a line (the SDK's console format)."""
    out = open(path, "a", buffering=1)  # noqa: SIM115 - open for the process's life, flushed a line at a time
    return SimpleSpanProcessor(ConsoleSpanExporter(out=out, formatter=_json_line))


def current_trace(session_id: object) -> dict[str, str]:
    """The current span's W3C context as headers (empty outside a span); the span is tagged with the session."""
    span = trace.get_current_span()
    if span.is_recording():
        span.set_attribute(SESSION_ATTRIBUTE, str(session_id))
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


@contextmanager
def continued(headers: Mapping[str, str]) -> Iterator[None]:
    """Run the block inside the trace context the headers carry (an outbox row's, when the relay sends it)."""
    token = context.attach(propagate.extract(headers))
    try:
        yield
    finally:
        context.detach(token)


def add_trace_ids(_logger: Any, _method: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """A structlog processor: the current span's trace_id and span_id on each log line (none outside a span)."""
    ids = trace.get_current_span().get_span_context()
    if ids.is_valid:
        event.setdefault("trace_id", f"{ids.trace_id:032x}")
        event.setdefault("span_id", f"{ids.span_id:016x}")
    return event
