"""Any card statement: WEX, a built-in issuer layout, or the generic fallback, chosen from the first pages.

1. `check_pdf_limits` (unless the caller ran it) refuses what cannot be read within bounds (not a PDF,
   corrupt, password, no pages, too many pages, decompression bombs), each with its own `ExtractionError`.
2. Pages are read one at a time, so memory stays flat in the page count; the first pages with text (up to
   `DETECT_PAGES`) pick the reader: the first layout in `layouts/` whose `recognise` patterns
   match (WEX's is read by the WEX engine), else the generic fallback, which says so in its warnings.
3. Pages without a text layer: when the first pages are all images and no `ocr` engine is given, the file
   is refused (`NoTextLayerError`); with one, such pages are OCRed and the statement warns that those
   lines have lower confidence. A later page without text is a warning.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from recon_extractor.errors import NoTextLayerError
from recon_extractor.ocr.engine import Ocr
from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.limits import Limits, check_pdf_limits
from recon_extractor.pdf.pages import StatementPage, iter_statement_pages, page_list
from recon_extractor.pdf.printed_rows import printed_rows
from recon_extractor.pdf.text_rows import group_rows
from recon_extractor.pdf.words import PdfSource
from recon_extractor.statements.generic import generic_parser, require_lines
from recon_extractor.statements.layout import StatementLayout, builtin_layouts
from recon_extractor.statements.layout_parser import LayoutParser
from recon_extractor.statements.model import Statement
from recon_extractor.statements.wex import WexParser

DETECT_PAGES = 3
DEFAULT_LIMITS = Limits()


class StatementReader(Protocol):
    def feed(self, number: int, words: Sequence[Word]) -> None: ...

    def finish(self, pages: int) -> Statement: ...


class _WexReader:
    def __init__(self) -> None:
        self.parser = WexParser()

    def feed(self, number: int, words: Sequence[Word]) -> None:
        self.parser.feed(number, group_rows(words))

    def finish(self, pages: int) -> Statement:
        return self.parser.finish(pages)


def choose_reader(
    page_texts: Sequence[str], layouts: Iterable[StatementLayout] | None = None
) -> tuple[StatementReader, StatementLayout | None]:
    """The reader for a statement whose first pages read `page_texts`; the layout is None for the fallback."""
    for layout in builtin_layouts() if layouts is None else layouts:
        if not layout.fallback and layout.recognises("\n".join(page_texts[: layout.recognise.pages])):
            return (_WexReader() if layout.engine == "wex" else LayoutParser(layout)), layout
    return generic_parser(), None


def _text_warnings(read: list[int], blank: list[int], ocr: Ocr | None) -> list[str]:
    warnings = []
    if read:
        warnings.append(
            f"{page_list(read)} had no text layer and were read by OCR: lower confidence, check their lines "
            "against the statement"
        )
    if blank:
        missing = "" if ocr else " (scanned pages need OCR)"
        warnings.append(f"{page_list(blank)} had no text: blank, or scanned and their lines are missing{missing}")
    return warnings


def read_statement(
    pdf: PdfSource,
    on_page: Callable[[int, int], None] | None = None,
    *,
    ocr: Ocr | None = None,
    limits: Limits | None = DEFAULT_LIMITS,
) -> Statement:
    """Read a card statement page by page; `on_page(page_no, page_count)` runs after each page has been read
    (OCR included), so a scan reports progress while its first pages pick the reader. `limits=None`: the
    caller has already run `check_pdf_limits` on this file."""
    if limits is not None:
        check_pdf_limits(pdf, limits.max_pages, limits.max_page_bytes)
    pages = iter_statement_pages(pdf, ocr)

    def reported() -> Iterator[StatementPage]:
        for page in pages:
            if on_page:
                on_page(page.number, page.count)
            yield page

    try:
        stream = reported()
        head = list(itertools.islice(stream, DETECT_PAGES))
        texts = ["\n".join(row.text for row in printed_rows(p.words)) for p in head if p.words]
        if not texts:
            raise NoTextLayerError("the document has no text layer; scanned statements need OCR")
        reader, layout = choose_reader(texts)
        read: list[int] = []
        blank: list[int] = []
        count = 0
        for page in itertools.chain(head, stream):
            reader.feed(page.number, page.words)
            if page.ocr:
                read.append(page.number)
            elif not page.words:
                blank.append(page.number)
            count = page.number
    finally:
        pages.close()
    statement = reader.finish(count)
    extra = _text_warnings(read, blank, ocr)
    statement = replace(statement, warnings=statement.warnings + tuple(extra), ocr_pages=frozenset(read))
    return statement if layout is not None else require_lines(statement)
