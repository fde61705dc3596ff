import json

import pytest
import structlog
from recon_contracts.card_numbers import mask_card_numbers
from recon_contracts.logging_setup import configure_logging


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
    ],
)
def test_card_numbers_are_masked_to_their_last_four(text: str, masked: str) -> None:
    assert mask_card_numbers(text) == masked


def test_logs_never_carry_a_card_number(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("test")
    structlog.get_logger().warning("unrecognised row: 4111111111111111 $5.00", row="5567351234560028")
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["event"] == "unrecognised row: XXXXXXXXXXXX1111 $5.00" and line["row"] == "XXXXXXXXXXXX0028"
