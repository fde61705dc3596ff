"""Extraction errors, all permanent (retrying the same bytes gives the same answer).

ExtractionError
├── UnreadableDocumentError   not a PDF, corrupt, encrypted, no pages, no text layer
└── StatementFormatError      readable, but not the layout the parser was asked for
"""

from __future__ import annotations


class ExtractionError(Exception):
    """A document could not be extracted."""


class UnreadableDocumentError(ExtractionError):
    """The document cannot be opened or has no text to read."""


class StatementFormatError(ExtractionError):
    """The document is readable but is not the expected statement layout."""
