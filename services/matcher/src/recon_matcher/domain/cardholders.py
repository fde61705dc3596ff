"""Who is who: statement cardholders, the expense-report names that belong to them, and suggestions.

A name resolves automatically only through the directory (confirmed aliases), an exact name key (any order
or spacing, with or without a middle initial) or an employee id written in it. Anything else becomes an
identity suggestion — the most likely statement cardholder, scored on the name (nicknames included) and on
how many of the name's expense amounts appear on that card — for a reviewer to confirm.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz.fuzz import ratio

from recon_matcher.domain.person_names import key_variants, name_tokens, nickname_key, person_key
from recon_matcher.domain.results import IdentitySuggestion
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry

HolderKey = tuple[str, str]  # (person key, employee id or "")
_EMPLOYEE_ID = re.compile(r"\b\d{4,}\b")
_CENT = Decimal("0.01")
# Surnames are compared by their last letters: statements run names together, so only the end is sure.
_TAIL = 4


@dataclass(frozen=True, slots=True)
class Holder:
    key: HolderKey
    name: str
    employee_id: str | None
    is_account: bool


@dataclass(frozen=True)
class Identities:
    holders: Mapping[HolderKey, Holder]
    holder_of_line: Mapping[str, HolderKey]
    # expense-report name -> (cardholder, how it was resolved)
    resolved: Mapping[str, tuple[HolderKey, str]]
    suggestions: tuple[IdentitySuggestion, ...]


def _holders(lines: Sequence[CardLine], accounts: set[str]) -> tuple[dict[HolderKey, Holder], dict[str, HolderKey]]:
    holders: dict[HolderKey, Holder] = {}
    of_line: dict[str, HolderKey] = {}
    for line in lines:
        key = (person_key(line.cardholder), line.employee_id or "")
        if key not in holders:
            holders[key] = Holder(key, line.cardholder, line.employee_id, key[0] in accounts)
        of_line[line.id] = key
    return holders, of_line


class _Lookup:
    def __init__(
        self,
        holders: Mapping[HolderKey, Holder],
        directory: Directory,
        amount_holders: Mapping[Decimal, set[HolderKey]],
    ) -> None:
        self.amount_holders = amount_holders
        self.by_name: dict[str, list[HolderKey]] = defaultdict(list)
        self.by_id: dict[str, HolderKey] = {}
        self.by_shape: dict[tuple[int, str], list[HolderKey]] = defaultdict(list)
        for key, holder in holders.items():
            self.by_name[key[0]].append(key)
            if holder.employee_id:
                self.by_id[holder.employee_id] = key
            self.by_shape[len(key[0]), key[0][:2]].append(key)
        self.aliases = {person_key(a): c for a, c in directory.aliases.items()}

    def _unique(self, name_key: str) -> HolderKey | None:
        found = self.by_name.get(name_key, [])
        return found[0] if len(found) == 1 else None

    def _canonical(self, canonical: str) -> HolderKey | None:
        return self.by_id.get(canonical.strip()) or self._unique(person_key(canonical))

    def _with_middle_initial(self, tokens: list[str]) -> HolderKey | None:
        # Statements run names together ("WILLIAMABURT"); "William Burt" is that card when only one fits.
        if len(tokens) != 2:
            return None
        first, last = tokens
        fits = [
            k
            for k in self.by_shape.get((len(first) + len(last) + 1, first[:2]), [])
            if k[0].startswith(first) and k[0].endswith(last)
        ]
        return fits[0] if len(fits) == 1 else None

    def resolve(self, name: str, amounts: Sequence[Decimal]) -> tuple[HolderKey, str] | None:
        alias = self.aliases.get(person_key(name))
        if alias is not None and (key := self._canonical(alias)) is not None:
            return key, f"confirmed alias {name} → {alias}"
        for variant, how in key_variants(name):
            if (key := self._unique(variant)) is not None:
                return key, how
        for number in _EMPLOYEE_ID.findall(name):
            if number in self.by_id:
                return self.by_id[number], "employee id"
        # "Steve Brown" has the shape of STEVENBROWN too: the inserted letter is only read as a middle
        # initial when most of the name's expense amounts are on that card.
        key = self._with_middle_initial(name_tokens(name))
        if key is None or not amounts:
            return None
        on_card = sum(1 for a in amounts if key in self.amount_holders.get(a, ()))
        if on_card * 2 < len(amounts):
            return None
        return key, f"name with the card's middle initial; {on_card} of {len(amounts)} amounts on the card"


def _amounts(entries: Sequence[ExpenseEntry]) -> list[Decimal]:
    return [e.amount.quantize(_CENT) for e in entries if e.amount is not None]


def _name_score(name: str, holder_key: str) -> tuple[float, str]:
    plain = ratio(person_key(name), holder_key) / 100.0
    nick = nickname_key(name)
    if nick is not None:
        via_nick = ratio(nick, holder_key) / 100.0 * 0.97
        if via_nick > plain:
            return via_nick, f"name {via_nick:.2f} (nickname {name_tokens(name)[0]})"
    return plain, f"name {plain:.2f}"


def _suggest(
    name: str,
    entries: Sequence[ExpenseEntry],
    holders: Mapping[HolderKey, Holder],
    by_tail: Mapping[str, list[HolderKey]],
    amount_holders: Mapping[Decimal, set[HolderKey]],
    claimed: set[HolderKey],
    rejected: set[tuple[str, str]],
) -> IdentitySuggestion:
    # Candidates: people whose printed name ends like this surname, and cards carrying this name's amounts;
    # never a comparison with every cardholder.
    tokens = name_tokens(name)
    shortlist = set(by_tail.get(tokens[-1][-_TAIL:], ())) if tokens else set()
    amounts = _amounts(entries)
    hits: dict[HolderKey, int] = defaultdict(int)
    for amount in amounts:
        for key in amount_holders.get(amount, ()):
            hits[key] += 1
    best: tuple[float, HolderKey, list[str]] | None = None
    for key in sorted(shortlist | {k for k in hits if not holders[k].is_account}):
        if (person_key(name), key[0]) in rejected:
            continue
        score, why = _name_score(name, key[0])
        reasons = [why]
        if amounts:
            share = hits.get(key, 0) / len(amounts)
            score = 0.5 * score + 0.5 * share
            reasons.append(f"{hits.get(key, 0)} of {len(amounts)} amounts on this card")
        if key not in claimed:
            reasons.append("cardholder has no expense entries under a known name")
        if best is None or score > best[0]:
            best = (score, key, reasons)
    if best is None:
        return IdentitySuggestion(name, None, None, 0.0, ("no statement cardholder is similar",), len(entries))
    score, key, reasons = best
    holder = holders[key]
    return IdentitySuggestion(name, holder.name, holder.employee_id, round(score, 3), tuple(reasons), len(entries))


def resolve_identities(
    lines: Sequence[CardLine], entries: Sequence[ExpenseEntry], directory: Directory, min_score: float
) -> Identities:
    accounts = {person_key(a) for a in directory.accounts}
    holders, of_line = _holders(lines, accounts)
    amount_holders: dict[Decimal, set[HolderKey]] = defaultdict(set)
    for line in lines:
        amount_holders[line.amount].add(of_line[line.id])
    lookup = _Lookup(holders, directory, amount_holders)
    by_name: dict[str, list[ExpenseEntry]] = defaultdict(list)
    for entry in entries:
        by_name[entry.employee].append(entry)
    resolved: dict[str, tuple[HolderKey, str]] = {}
    unknown: list[str] = []
    for name, own in by_name.items():
        found = lookup.resolve(name, _amounts(own))
        if found is None:
            unknown.append(name)
        else:
            resolved[name] = found
    suggestions: list[IdentitySuggestion] = []
    if unknown:
        by_tail: dict[str, list[HolderKey]] = defaultdict(list)
        for k, h in holders.items():
            if not h.is_account:
                by_tail[k[0][-_TAIL:]].append(k)
        claimed = {key for key, _ in resolved.values()}
        rejected = {(person_key(a), person_key(c)) for a, c in directory.rejected_aliases}
        rejected_names = {alias for alias, _ in rejected}
        for name in unknown:
            s = _suggest(name, by_name[name], holders, by_tail, amount_holders, claimed, rejected)
            if s.score < min_score:
                if person_key(name) in rejected_names:
                    continue  # the reviewer has said who it is not, and nobody else is likely: out of the queue
                s = IdentitySuggestion(name, None, None, s.score, ("no likely cardholder",), s.entry_count)
            suggestions.append(s)
    return Identities(holders, of_line, resolved, tuple(suggestions))
