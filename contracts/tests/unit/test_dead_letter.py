import uuid

from recon_contracts.dead_letter import dead_letter_events
from recon_contracts.errors import PermanentError
from recon_contracts.events import MessageDeadLettered, ProgressReported


def test_a_dead_letter_never_carries_a_card_number() -> None:
    session = uuid.uuid4()
    exc = PermanentError("row 'Card Number: 5567351234560028' cannot be read")
    events = dead_letter_events(
        service="extractor", topic="t", partition=0, offset=7, key=str(session).encode(), value=b"{}", exc=exc
    )
    letter, progress = events
    assert isinstance(letter, MessageDeadLettered) and isinstance(progress, ProgressReported)
    assert "5567351234560028" not in letter.error and "XXXXXXXXXXXX0028" in letter.error
    assert progress.message == "row 'Card Number: XXXXXXXXXXXX0028' cannot be read"
