import json
import logging

import pytest
import structlog
from recon_contracts.card_numbers import mask_card_numbers, mask_log_event


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Card Number: 5567351234560028 BATON ROUGE", "Card Number: XXXXXXXXXXXX0028 BATON ROUGE"),
        ("VISA 4111 1111 1111 1111 APPROVED", "VISA XXXXXXXXXXXX1111 APPROVED"),
        ("AMEX 3782-822463-10005", "AMEX XXXXXXXXXXX0005"),
        ("row 03/04/2025 000127739 $36.66", "row 03/04/2025 000127739 $36.66"),  # dates, references, money stay
        ("Card Number: 556735XXXXXX0028", "Card Number: 556735XXXXXX0028"),  # already masked
        ("phone 713-555-0123 ext 12", "phone 713-555-0123 ext 12"),
        ("12 digits 123456789012 stay", "12 digits 123456789012 stay"),
        ("20 digits 12345678901234567890 stay", "20 digits 12345678901234567890 stay"),
        # Spacings the first pattern missed: double spaces, dots, underscores, no-break and thin spaces.
        ("4111  1111  1111  1111 end", "XXXXXXXXXXXX1111 end"),
        ("4111.1111.1111.1111", "XXXXXXXXXXXX1111"),
        ("4111_1111_1111_1111", "XXXXXXXXXXXX1111"),
        ("4111\u00a01111\u20091111\u202f1111", "XXXXXXXXXXXX1111"),
        ("Diners 3056-930902-5904", "Diners XXXXXXXXXX5904"),
        ("19 digits 4111 1111 1111 1111 003", "19 digits XXXXXXXXXXXXXXX1003"),
        # Any other grouping counts when the Luhn check passes (OCR splits numbers oddly) ...
        ("OCR 4111 11 1111 11 1111", "OCR XXXXXXXXXXXX1111"),
        ("OCR 41 1111 1111 1111 11", "OCR XXXXXXXXXXXX1111"),
        # ... and not when it fails.
        ("ref 1234 56 7890 123 4567", "ref 1234 56 7890 123 4567"),
        # A card number beside other numbers is masked alone; a date or an amount never joins it.
        ("card 4111 1111 1111 1111 2025 end", "card XXXXXXXXXXXX1111 2025 end"),
        ("paid 4111111111111111 12.50", "paid XXXXXXXXXXXX1111 12.50"),
        ("03/04/2025 0001277390 1234 $5.00", "03/04/2025 0001277390 1234 $5.00"),
        (
            "Account number 4342 0050 1423 2191 (Chase, fails Luhn)",
            "Account number XXXXXXXXXXXX2191 (Chase, fails Luhn)",
        ),
    ],
)
def test_card_numbers_are_masked_to_their_last_four(text: str, masked: str) -> None:
    assert mask_card_numbers(text) == masked


@pytest.mark.usefixtures("service_logging")
def test_logs_never_carry_a_card_number(capsys: pytest.CaptureFixture[str]) -> None:
    structlog.get_logger().warning("unrecognised row: 4111111111111111 $5.00", row="5567351234560028")
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["event"] == "unrecognised row: XXXXXXXXXXXX1111 $5.00" and line["row"] == "XXXXXXXXXXXX0028"


@pytest.mark.usefixtures("service_logging")
def test_stdlib_loggers_write_masked_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    logging.getLogger("aiokafka").warning("failed payload %s", "card 4111 1111 1111 1111")
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["event"] == "failed payload card XXXXXXXXXXXX1111"
    assert line["logger"] == "aiokafka" and line["level"] == "warning" and line["service"] == "test"


def test_trace_and_span_ids_are_never_masked() -> None:
    # A hex trace id may hold a run of 13+ digits; masking it would break the link to its trace.
    event = {
        "event": "card 4111 1111 1111 1111",
        "trace_id": "4bf92f3577b34da61234567890123456",
        "span_id": "1234567890123456",
    }
    masked = mask_log_event(None, "info", dict(event))
    assert masked["trace_id"] == event["trace_id"] and masked["span_id"] == event["span_id"]
    assert "4111 1111" not in masked["event"] and masked["event"].endswith("1111")
