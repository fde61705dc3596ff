"""Extraction errors, all permanent (retrying the same bytes gives the same answer).

ExtractionError
├── UnreadableDocumentError   cannot be opened or has no text to read
│   ├── NotAPdfError              empty, or not a PDF at all
│   ├── CorruptDocumentError      starts like a PDF but cannot be parsed
│   ├── PasswordProtectedError    needs a password to open (an owner-only password is not one)
│   ├── EmptyDocumentError        a PDF with no pages
│   └── NoTextLayerError          scanned pages and no OCR to read them
├── DocumentLimitError        over a configured bound: the file is refused before it is read
│   ├── TooManyPagesError         more pages than the page cap
│   └── OversizedContentError     a page's content streams inflate past the byte cap (decompression bomb)
└── StatementFormatError      readable, but not the layout the parser was asked for

Messages name the problem for a finance user; the adapter prefixes the file name.
"""

from __future__ import annotations


class ExtractionError(Exception):
    """A document could not be extracted."""


class UnreadableDocumentError(ExtractionError):
    """The document cannot be opened or has no text to read."""


class NotAPdfError(UnreadableDocumentError):
    """The file is empty or not a PDF."""


class CorruptDocumentError(UnreadableDocumentError):
    """The file claims to be a PDF but cannot be parsed."""


class PasswordProtectedError(UnreadableDocumentError):
    """The PDF needs a password we do not have."""


class EmptyDocumentError(UnreadableDocumentError):
    """The PDF has no pages."""


class NoTextLayerError(UnreadableDocumentError):
    """The pages are images (a scan) and no OCR engine was given."""


class DocumentLimitError(ExtractionError):
    """The document exceeds a configured bound and is refused before extraction."""


class TooManyPagesError(DocumentLimitError):
    """More pages than the configured cap."""


class OversizedContentError(DocumentLimitError):
    """A page's content inflates past the configured byte cap (a decompression bomb)."""


class StatementFormatError(ExtractionError):
    """The document is readable but is not the expected statement layout."""
