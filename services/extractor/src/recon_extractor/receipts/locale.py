"""Where a receipt is from, as far as its text says: the currency and whether dates are written day first.

An explicit currency (RM, MYR, EUR, €, £, S$) is taken as printed. A bare `$` is read through the country:
Malaysian shops print `$` for ringgit, Singaporean ones for Singapore dollars, so `$` is USD only when
nothing points elsewhere. The country comes from words a receipt prints anyway: legal forms (SDN BHD,
PTE LTD), street words (JALAN, TAMAN), states, a US state with its ZIP code. Day-first is the country's
convention; None when the text gives no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    "OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)


@dataclass(frozen=True)
class Country:
    code: str
    currency: str
    day_first: bool
    hints: re.Pattern[str]


COUNTRIES = (
    Country(
        "MY",
        "MYR",
        True,
        re.compile(
            r"\bSDN\.?\s*BHD\b|\bBHD\b|MALAYSIA|\bJALAN\b|\bJLN\b|\bTAMAN\b|\bTMN\b|\bLORONG\b|\bPERSIARAN\b|"
            r"SELANGOR|JOHOR|KUALA\s+LUMPUR|PULAU\s+PINANG|PENANG|\bPERAK\b|\bKEDAH\b|SABAH|SARAWAK|MELAKA|"
            r"NEGERI\s+SEMBILAN|PAHANG|TERENGGANU|KELANTAN|PUTRAJAYA|\bRM\s?\d",
            re.I,
        ),
    ),
    Country("SG", "SGD", True, re.compile(r"SINGAPORE|\bPTE\.?\s*LTD\b|\bS\$", re.I)),
    Country("GB", "GBP", True, re.compile(r"UNITED\s+KINGDOM|\bVAT\s+(?:REG|NO)|£|\bGBP\b", re.I)),
    Country(
        "US",
        "USD",
        False,
        re.compile(rf"\b(?:{_US_STATES}),?\s+\d{{5}}(?:-\d{{4}})?\b|\bU\.?S\.?A\b|UNITED\s+STATES"),
    ),
)
_EXPLICIT = (
    ("MYR", re.compile(r"\bRM\s?\d|\bMYR\b|\bRM\b", re.I)),
    ("SGD", re.compile(r"\bS\$|\bSGD\b")),
    ("EUR", re.compile(r"€|\bEUR\b")),
    ("GBP", re.compile(r"£|\bGBP\b")),
    ("USD", re.compile(r"\bUSD\b|\bUS\$")),
)
_DOLLAR = re.compile(r"\$")
DAY_FIRST_CURRENCIES = frozenset({"MYR", "SGD", "EUR", "GBP", "AUD", "NZD", "INR"})


@dataclass(frozen=True)
class Locale:
    """What the text says about its origin; any part may be unknown. `currency_confidence` is 0.9 for a
    printed code or symbol, 0.8 for a `$` read through the country, 0.6 for the country's currency alone."""

    country: str | None
    currency: str | None
    day_first: bool | None
    currency_confidence: float = 0.0


def _country(text: str) -> Country | None:
    counts = [(len(c.hints.findall(text)), c) for c in COUNTRIES]
    best = max(counts, key=lambda pair: pair[0])
    return best[1] if best[0] else None


def receipt_locale(text: str) -> Locale:
    """Country, currency and date order from a receipt's text."""
    country = _country(text)
    currency = next((code for code, pattern in _EXPLICIT if pattern.search(text)), None)
    confidence = 0.9 if currency else 0.0
    if currency is None and _DOLLAR.search(text):
        dollar_country = country is not None and country.code in ("MY", "SG", "US")
        currency, confidence = (country.currency, 0.8) if country and dollar_country else ("USD", 0.7)
    if currency is None and country is not None:
        currency, confidence = country.currency, 0.6
    if country is not None:
        return Locale(country.code, currency, country.day_first, confidence)
    day_first = currency in DAY_FIRST_CURRENCIES if currency else None
    return Locale(None, currency, day_first, confidence)
