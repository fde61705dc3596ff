"""Merchant names: card descriptors and receipt vendors reduced to comparable tokens, then compared.

A descriptor such as `SQ *BLUE BOTTLE CO` or `SHELL OIL574442211` carries processor prefixes, store
numbers, phone numbers, web addresses and city/state around the name, and the statement cuts it at ~18
characters. Comparison is by whole tokens so that `UBER` does not swallow `UBER EATS`; a cut descriptor
may end in the middle of a word, so it may match by prefix of the other name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

_PROCESSOR = re.compile(
    r"^(?:SQ|SQU|TST|PAYPAL|PP|SP|IN|DD|GOOGLE|APL|BT|CKE|FS|PY|EB|SUMUP|IZ|WPY|PAR|CLV|SQSP|ZTL)\s*\*\s*"
)
# Amazon descriptors carry an order code after the star; what matters is that it is Amazon.
_AMAZON = re.compile(r"^(?:AMZN|AMAZON)(?:\.COM)?(?:\s*(?:MKTP|MKTPL|MKTPLACE|MARKETPLACE)\w*)?(?:\s*US)?\s*(?:\*.*)?$")
_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
_DOMAIN = re.compile(r"\b(?:WWW\.)?(?:[A-Z0-9-]+\.)*([A-Z0-9-]+)\.(?:COM|NET|ORG|IO|CO|US)\b(?:/\S*)?")
_GLUED_DIGITS = re.compile(r"^([A-Z]{3,})\d{2,}$")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR ON QC BC AB MB SK NS NB NL PE CN"
)
_STATES = frozenset(_STATE_CODES.split())
# Words that say what kind of business it is, not which one.
_NOISE_WORDS = (
    "THE INC LLC LTD CO CORP CORPORATION COMPANY STORE STORES STR OIL GAS FUEL STATION TRIP RIDE RIDES AND OF "
    "USA US MKTP MKTPL MARKETPLACE RESTAURANT"
)
_NOISE = frozenset(_NOISE_WORDS.split())
_MIN_TRUNCATED_PREFIX = 6
_SAME_TOKEN = 0.8
_SAME_NAME = 0.8


@dataclass(frozen=True, slots=True)
class MerchantName:
    """A merchant reduced to tokens; `truncated` when the printed descriptor may have been cut mid-name."""

    # Equality and hashing ignore the printed text, so every store of a chain is one name to compare.
    raw: str = field(compare=False)
    tokens: tuple[str, ...] = ()
    full: str = ""  # the name compacted with its generic words kept, for prefix tests on cut descriptors
    truncated: bool = False

    @property
    def compact(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True, slots=True)
class MerchantScore:
    score: float
    reason: str


def _tokens(text: str) -> list[str]:
    out = []
    for token in _NON_ALNUM.split(text.replace("'", "")):
        if not token:
            continue
        glued = _GLUED_DIGITS.match(token)
        out.append(glued.group(1) if glued else token)
    return out


def _strip_place(tokens: list[str], city: str | None, state: str | None, may_be_cut: bool) -> list[str]:
    known_state = (state or "").upper()
    if len(tokens) > 1 and tokens[-1] == known_state:
        tokens = tokens[:-1]
    elif len(tokens) > 1 and tokens[-1] in _STATES and not may_be_cut:
        # A cut descriptor ends in a fragment of the name ("BLUE BOTTLE CO"), not in a state.
        tokens = tokens[:-1]
    city_tokens = _tokens(city.upper()) if city else []
    if city_tokens and len(tokens) > len(city_tokens) and tokens[-len(city_tokens) :] == city_tokens:
        tokens = tokens[: -len(city_tokens)]
    return tokens


@lru_cache(maxsize=65536)
def normalise_merchant(
    raw: str | None, city: str | None = None, state: str | None = None, *, truncation_width: int = 0
) -> MerchantName:
    """Tokens that name the merchant; `truncation_width` > 0 for statement descriptors that may be cut."""
    printed = " ".join((raw or "").upper().split())
    if _AMAZON.match(printed):
        return MerchantName(printed, ("AMAZON",), "AMAZON", False)
    # Only a descriptor that fills the column and ends in a word can have been cut inside the name.
    raw_last = next((t for t in reversed(_NON_ALNUM.split(printed.replace("'", ""))) if t), "")
    may_be_cut = truncation_width > 0 and len(printed) >= truncation_width - 1 and raw_last.isalpha()
    text = _PROCESSOR.sub("", printed)
    text = _PHONE.sub(" ", text)
    text = _DOMAIN.sub(r" \1 ", text)
    text = text.replace("&", " AND ")
    tokens = _tokens(text)
    tokens = [t for i, t in enumerate(tokens) if i == 0 or not t.isdigit()]
    tokens = _strip_place(tokens, city, state, may_be_cut)
    truncated = may_be_cut and bool(tokens) and tokens[-1] == raw_last
    full = "".join(tokens)
    kept = [t for i, t in enumerate(tokens) if t not in _NOISE or (truncated and i == len(tokens) - 1)]
    kept = kept or tokens
    deduped = tuple(dict.fromkeys(kept))
    return MerchantName(printed, deduped, full, truncated)


def _token_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    def side(xs: tuple[str, ...], ys: tuple[str, ...]) -> float:
        total = 0.0
        for x in xs:
            best = max(ratio(x, y) / 100.0 for y in ys)
            total += best if best >= _SAME_TOKEN else 0.0
        return total / len(xs)

    return min(side(a, b), side(b, a))


def _truncated_prefix(cut: MerchantName, other: MerchantName) -> bool:
    if not cut.truncated or len(cut.full) < _MIN_TRUNCATED_PREFIX:
        return False
    if other.full.startswith(cut.full) or other.compact.startswith(cut.compact):
        return True
    # The cut fragment may belong to a word the other side leaves out ("BLUE BOTTLE CO" vs "Blue Bottle").
    head = "".join(cut.tokens[:-1])
    return len(head) >= _MIN_TRUNCATED_PREFIX and head == other.compact


@lru_cache(maxsize=262144)
def compare_names(a: MerchantName, b: MerchantName) -> MerchantScore:
    """Similarity 0..1 of two normalised names with a reason; 0.5 when either side has no name."""
    if not a.tokens or not b.tokens:
        return MerchantScore(0.5, "merchant unknown")
    if a.compact == b.compact:
        return MerchantScore(1.0, "merchant 1.00")
    if _truncated_prefix(a, b) or _truncated_prefix(b, a):
        return MerchantScore(0.93, "merchant 0.93 (truncated name)")
    score = _token_score(a.tokens, b.tokens)
    # An OCR slip inside a short word ("BU1 EES") breaks the token but not the whole name; the bar is high
    # enough that "UBER" against "UBER EATS" (0.5) never passes.
    whole = max(
        Levenshtein.normalized_similarity(a.compact, b.compact), Levenshtein.normalized_similarity(a.full, b.full)
    )
    if whole >= _SAME_NAME:
        score = max(score, whole - 0.05)
    score = round(score, 2)
    return MerchantScore(score, f"merchant {score:.2f}")


@dataclass(frozen=True)
class MerchantAliases:
    """Learned aliases, keyed by the compact normalised alias."""

    table: Mapping[str, tuple[str, str, MerchantName]]

    @classmethod
    def build(cls, aliases: Mapping[str, str]) -> MerchantAliases:
        table = {}
        for alias, canonical in aliases.items():
            key = normalise_merchant(alias).compact
            if key:
                table[key] = (alias, canonical, normalise_merchant(canonical))
        return cls(table)

    def apply(self, name: MerchantName) -> tuple[MerchantName, str | None]:
        if not self.table:
            return name, None
        hit = self.table.get(name.compact) or self.table.get(name.full)
        if hit is None:
            return name, None
        alias, canonical, target = hit
        return target, f"via alias {alias} → {canonical}"


def merchant_similarity(a: MerchantName, b: MerchantName, aliases: MerchantAliases) -> MerchantScore:
    """Compare after applying learned aliases to both sides; the reason says which alias was used."""
    a2, via_a = aliases.apply(a)
    b2, via_b = aliases.apply(b)
    result = compare_names(a2, b2)
    via = via_a or via_b
    if via is None:
        return result
    return MerchantScore(result.score, f"{result.reason} {via}")
