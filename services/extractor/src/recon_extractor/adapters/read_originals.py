"""Which uploaded originals stay in the blob store once read.

A card statement prints every cardholder's full card number, and the blob store keeps a session's files for
90 days, unencrypted. So a statement's original is deleted as soon as the transaction recording what was read
from it commits (its lines, or the verdict that it is a duplicate or of another period): only its name, size
and sha256 stay, on its upload row. The same goes for a file that could not be read at all, which nothing
shows and which may be a statement too. Receipts and expense reports stay: a reviewer opens them (a receipt
file, an expense report's receipt page).

The finance team keeps the statement itself (it comes from the card issuer, who can send it again); the
sha256 proves which file a session read. If the process ends between the commit and the delete, the original
stays until the session's retention ends (the redelivered message is skipped as already processed).
"""

from __future__ import annotations

from recon_extractor.reading.read_document import ExtractedDocument

PDF = "application/pdf"


def keeps_original(detected_type: str, document: ExtractedDocument | None, error: str | None) -> bool:
    """Whether the file's original stays in the blob store after its outcome is stored."""
    if error is not None or document is None or document.statement is not None:
        return False
    return document.expenses is None or detected_type == PDF
