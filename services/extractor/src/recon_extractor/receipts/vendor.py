"""The shop's name: the most name-like row of a receipt's header, joined with its continuation.

The header is the rows above the address (the first row with a street word or a postcode). Rows that
cannot be the name are skipped: document titles (RECEIPT, TAX INVOICE), greetings, phone and tax
registration rows, web addresses, dates, money, rows of mostly digits, and rows without a capital
letter (handwriting and stamps on scans come out lower case). Of the rest, a row with a legal form (SDN
BHD, ENTERPRISE, LLC, ...), in capitals, of several words and nearer the top wins: a logo's OCR
(`Oz`, `DZZIA`) or a slogan often comes first. A name wrapped over rows (`HOME MASTER HARDWARE &` /
`ELECTRICAL`, `AIK HUAT HARDWARE` / `ENTERPRISE (SETIA` / `ALAM)`) is joined when a row plainly continues
or the next row starts with the legal form. Without a header, the first name-like row of the top rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TOP_ROWS = 10
_NOT_NAME = re.compile(
    r"^(?:RECEIPT|OFFICIAL\s+RECEIPT|(?:SIMPLIFIED\s+)?TAX\s+INVOICE|INVOICE|SALES\s+RECEIPT|"
    r"CASH\s+(?:SALES?|BILL|RECEIPT)|BILL|CHECK|COPY|CUSTOMER\s+COPY|MERCHANT\s+COPY|ORIGINAL|DUPLICATE|"
    r"CREDIT\s+NOTE|THANK\s+YOU|WELCOME|SHOPPING\s+HOURS)\W*$|"
    r"^(?:TEL|PHONE|FAX|H/?P|MOBILE|EMAIL|E-MAIL|WWW|HTTP|GST|SST|VAT|TAX|REG|CO\.?\s*REG|ROC|BR\s*NO|"
    r"COMPANY\s+REG|DATE|TIME|CASHIER|TABLE|ORDER|OWNED\s+BY|OPERATED\s+BY)\b|"
    r"@|WWW\.|HTTPS?:|THANK\s+YOU|GOODS\s+SOLD|RETURNABLE|REFUND|^\W*\(?[A-Z]{0,3}\d[\d\s-]*[A-Z]?\)?\W*$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"\b(?:JALAN|JLN|TAMAN|TMN|LOT|LORONG|LRG|PERSIARAN|ROAD|RD|STREET|ST|AVENUE|AVE|HWY|HIGHWAY|FWY|BLVD|"
    r"FLOOR|FLR|BLOCK|UNIT|SUITE|STE)\b|^\W*NO\s*[.:]?\s*\d|(?<![\w-])\d{5}(?![\w-])|^\d+[A-Z]?\s*,",
    re.IGNORECASE,
)
LEGAL_FORM = re.compile(
    r"\b(?:SDN\.?\s*BHD|SDN|BHD|BERHAD|[S5]/B|PTE\.?\s*LTD|LTD|LIMITED|LLC|L\.L\.C|INC|CORP(?:ORATION)?|CO\.|"
    r"COMPANY|ENTERPRISES?|TRADING|GMBH|S\.?A\.?R\.?L|PLC|LLP)(?![A-Z])",
    re.IGNORECASE,
)
_MONEY = re.compile(r"\d\.\d\d\b")
_WEB = re.compile(r"\.COM\b|\.MY\b|\.NET\b", re.IGNORECASE)
_CONTINUES = re.compile(r"[&(,-]\s*$|\([^)]*$|\bAND\s*$", re.IGNORECASE)
_WELCOME = re.compile(r"^\W*WELCOME\s+TO\s+", re.IGNORECASE)
_STORE_NUMBER = re.compile(r"(?:\s*(?:#|NO\.?|STORE)\s*\d+|\s+\d{3,})\s*$", re.IGNORECASE)
_REG_NUMBER = re.compile(r"\s*[(\[]\s*(?:CO\.?\s*REG\.?\s*(?:NO)?\W*)?[A-Z]{0,3}\d[\dA-Z-]*\s*[)\]]?", re.IGNORECASE)


def _name_like(row: str) -> bool:
    bare = _REG_NUMBER.sub("", row)
    letters = re.sub(r"[^A-Za-z]", "", bare)
    digits = sum(c.isdigit() for c in bare)
    return (
        len(letters) >= 3
        and any(c.isupper() for c in bare)
        and digits <= len(letters) / 2
        and not _NOT_NAME.search(row.strip())
        and not _MONEY.search(row)
        and not (_WEB.search(row) and not LEGAL_FORM.search(row))
    )


def _score(row: str, rank: int) -> float:
    letters = re.sub(r"[^A-Za-z]", "", row)
    upper = sum(c.isupper() for c in letters) / len(letters)
    words = row.split()
    real_words = sum(len(re.sub(r"[^A-Za-z]", "", w)) >= 3 for w in words) / len(words)  # `T ICE` is OCR debris
    legal = 1.5 if LEGAL_FORM.search(row) else 0.0
    digits = 0.3 if any(c.isdigit() for c in _REG_NUMBER.sub("", row)) else 0.0
    return legal + 0.8 * upper + 0.5 * real_words + (0.3 if len(words) >= 2 else 0.0) - digits - 0.2 * rank


def _clean(raw: str) -> str:
    name = _WELCOME.sub("", raw)
    name = _REG_NUMBER.sub("", name)
    name = _STORE_NUMBER.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" -*#:.") or raw.strip()


def _continues(name: str, nxt: str) -> bool:
    if not _name_like(nxt) or _ADDRESS.search(nxt):
        return False
    if _CONTINUES.search(name):
        return True
    return not LEGAL_FORM.search(name) and bool(LEGAL_FORM.match(nxt))


def find_vendor(rows: Sequence[str]) -> tuple[str | None, str | None, float]:
    """(clean name, the raw row(s) it came from, confidence)."""
    top = [r.strip() for r in rows[:TOP_ROWS]]
    header_end = next((k for k, r in enumerate(top) if _ADDRESS.search(r) and not LEGAL_FORM.search(r)), len(top))
    names = [k for k in range(header_end) if _name_like(top[k])]
    if not names:
        fallback = next((k for k, r in enumerate(top) if _name_like(r) and not _ADDRESS.search(r)), None)
        if fallback is None:
            return None, None, 0.0
        return _clean(top[fallback]), top[fallback], 0.4
    k = max(names, key=lambda i: _score(top[i], names.index(i)))
    if k - 1 in names and (_CONTINUES.search(top[k - 1]) or LEGAL_FORM.match(top[k])):
        k -= 1  # the legal form is the second row of a wrapped name
    raw, end = top[k], k + 1
    while end < len(top) and end - k < 3 and _continues(raw, top[end]):
        raw, end = f"{raw} {top[end]}", end + 1
    confidence = 0.9 if LEGAL_FORM.search(raw) else 0.75 if k == names[0] else 0.6
    return _clean(raw), raw, confidence
