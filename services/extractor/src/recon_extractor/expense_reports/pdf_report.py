"""The expense system's "Receipt Images Report" PDF, read page by page (layout: `layouts/*.yaml`).

Each page's rows and images are taken top to bottom. A row opening with the entry-start label begins an
entry; the other labels, in that entry's label column, fill its fields; a row starting in the value column
continues a wrapping field. Images belong to the entry they follow, across page breaks, up to the next one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recon_extractor.errors import ExtractionError
from recon_extractor.expense_reports.layout import ExpenseLayout, load_expense_layout
from recon_extractor.expense_reports.model import ExpenseAttachment, ExpenseEntry, ExpenseReport, entry_from_fields
from recon_extractor.expense_reports.pages import PageImage, iter_page_content
from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.text_rows import Row

ReadImage = Callable[[bytes, str], Any]
OnPage = Callable[[int, int], None]
KeepImage = Callable[[str, bytes], None]


@dataclass
class _Draft:
    """An entry being read: its label column, the lines of each field, its attachments so far."""

    index: int
    page: int
    label_x: float
    lines: dict[str, list[str]] = field(default_factory=dict)
    value_x: float | None = None
    wrapping: str | None = None
    attachments: list[ExpenseAttachment] = field(default_factory=list)


class _Reader:
    def __init__(self, layout: ExpenseLayout, read_image: ReadImage | None, keep_image: KeepImage | None) -> None:
        self.layout = layout
        self.read_image = read_image
        self.keep_image = keep_image
        self.read_cache: dict[str, Any] = {}
        self.kept: set[str] = set()
        # Longest labels first, so "Employee Name:" is never read as a shorter label plus a value.
        self.labels = sorted(
            ((tuple(label.split()), f.name) for f in layout.fields for label in f.labels), key=lambda p: -len(p[0])
        )
        self.draft: _Draft | None = None
        self.entries: list[ExpenseEntry] = []
        self.warnings: list[str] = []

    def page(self, number: int, rows: Sequence[Row], images: Sequence[PageImage]) -> None:
        events: list[tuple[float, int, Row | PageImage]] = [(r.top, 0, r) for r in rows]
        events += [(round(img.top), 1, img) for img in images]  # side by side: keep their left-to-right order
        events.sort(key=lambda e: (e[0], e[1]))
        index_on_page = 0
        for _, _, item in events:
            if isinstance(item, Row):
                self.row(number, sorted(item.words, key=lambda w: w.x0))
            else:
                self.image(number, index_on_page, item)
                index_on_page += 1

    def _label(self, words: Sequence[Word]) -> tuple[str, int] | None:
        texts = tuple(w.text for w in words)
        for parts, name in self.labels:
            if texts[: len(parts)] == parts:
                return name, len(parts)
        return None

    def row(self, page: int, words: Sequence[Word]) -> None:
        text = " ".join(w.text for w in words)
        if not words or self.layout.ignored(text):
            return
        d, x, hit = self.draft, words[0].x0, self._label(words)
        starts = hit is not None and hit[0] == self.layout.entry_start
        if starts and (d is None or abs(x - d.label_x) <= self.layout.label_tolerance):
            self.finish()
            d = self.draft = _Draft(len(self.entries), page, x)
        if hit and d is not None and abs(x - d.label_x) <= self.layout.label_tolerance:
            self.field(page, d, hit[0], words[hit[1] :])
            return
        if d and d.wrapping and d.value_x is not None and abs(x - d.value_x) <= self.layout.value_tolerance:
            d.lines[d.wrapping].append(text)
            return
        if d is not None:
            d.wrapping = None
        self.warnings.append(f"page {page}: unrecognised text {text[:80]!r}")

    def field(self, page: int, d: _Draft, name: str, value: Sequence[Word]) -> None:
        if name in d.lines:
            self.warnings.append(f"page {page}: a second {name} label in one entry; kept the first")
            return
        d.lines[name] = [" ".join(w.text for w in value)] if value else []
        if value and d.value_x is None:
            d.value_x = value[0].x0
        d.wrapping = name if self.layout.field(name).wraps else None

    def image(self, page: int, index_on_page: int, img: PageImage) -> None:
        if self.draft is None:
            self.warnings.append(f"page {page}: image {index_on_page} comes before the first entry; not attached")
            return
        digest = hashlib.sha256(img.data).hexdigest()
        if self.keep_image is not None and digest not in self.kept:
            self.keep_image(digest, img.data)
            self.kept.add(digest)
        receipt = None
        if self.read_image is not None:
            # The same receipt attached to several entries (a split charge) is read once: OCR is the slow part.
            if digest not in self.read_cache:
                try:
                    self.read_cache[digest] = self.read_image(img.data, img.media_type)
                except Exception as exc:  # one unreadable receipt must not lose the other 499 entries
                    self.read_cache[digest] = None
                    self.warnings.append(f"page {page}: image {index_on_page} could not be read as a receipt: {exc}")
            receipt = self.read_cache[digest]
        attachment = ExpenseAttachment(
            page, index_on_page, digest, img.media_type, img.width, img.height, receipt, size=len(img.data)
        )
        self.draft.attachments.append(attachment)
        self.draft.wrapping = None

    def finish(self) -> None:
        d, self.draft = self.draft, None
        if d is None:
            return
        values = {name: " ".join(lines).strip() or None for name, lines in d.lines.items()}
        who = values.get("employee") or ""
        where = f"page {d.page}, entry for {who or '(no employee)'}"
        if not who:
            self.warnings.append(f"{where}: no employee printed")
        date_text, amount_text = values.get("date"), values.get("amount")
        day = self.layout.parse_date(date_text) if date_text else None
        amount = self.layout.parse_amount(amount_text) if amount_text else None
        if date_text and day is None:
            self.warnings.append(f"{where}: cannot read date {date_text!r} ({' or '.join(self.layout.date_formats)})")
        if amount_text and amount is None:
            self.warnings.append(f"{where}: cannot read amount {amount_text!r}")
        self.entries.append(
            entry_from_fields(d.index, who, day, amount, values, page=d.page, attachments=tuple(d.attachments))
        )


def parse_expense_report(
    pdf: str | Path,
    *,
    layout: ExpenseLayout | str | None = None,
    on_page: OnPage | None = None,
    read_image: ReadImage | None = None,
    keep_image: KeepImage | None = None,
) -> ExpenseReport:
    """Read every entry and attachment, one page in memory at a time.

    `on_page(page, page_count)` is called after each page; `read_image(bytes, media_type)` reads each
    attachment (the embedded bytes, unchanged) and its result is the attachment's `receipt`;
    `keep_image(sha256, bytes)` gets each distinct attachment once, so it can be kept as a file of its own.
    """
    spec = layout if isinstance(layout, ExpenseLayout) else load_expense_layout(layout or "receipt_images_report")
    reader = _Reader(spec, read_image, keep_image)
    for content in iter_page_content(pdf, min_image_side=spec.min_image_side):
        reader.page(content.number, content.rows, content.images)
        if on_page is not None:
            on_page(content.number, content.count)
    reader.finish()
    if not reader.entries:
        labels = " / ".join(spec.field(spec.entry_start).labels)
        raise ExtractionError(f"{Path(pdf).name}: no entries found (no {labels!r} label); not a {spec.description}")
    return ExpenseReport(tuple(reader.entries), tuple(reader.warnings))
