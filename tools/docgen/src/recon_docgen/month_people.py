"""The people of a generated month: statement names (run together, as WEX prints them), the names their
expense reports use, confirmed and unknown nicknames, a person without entries and a toll-pass account."""

from __future__ import annotations

import random
from dataclasses import dataclass

from recon_matcher.domain.sides import Directory

from recon_docgen.catalog import FIRST_NAMES, LAST_NAMES

NICKNAME_OF = {
    "WILLIAM": "Bill",
    "ROBERT": "Bob",
    "JAMES": "Jim",
    "MICHAEL": "Mike",
    "RICHARD": "Rick",
    "THOMAS": "Tom",
    "CHARLES": "Chuck",
    "DANIEL": "Dan",
    "JOSEPH": "Joe",
    "ELIZABETH": "Liz",
    "PATRICIA": "Patty",
    "JENNIFER": "Jen",
    "ANTHONY": "Tony",
    "DAVID": "Dave",
}


@dataclass
class Holder:
    name: str
    employee_id: str
    last4: str
    expense_name: str
    first: str
    kind: str = "person"  # person | unknown_alias | no_entries | account


def _names(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(first, middle initial or "", last), unique as printed; first+last unique while possible."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    while len(out) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.25 or (first, last) in pairs else ""
        printed = first + middle + last
        if printed in seen:
            continue
        seen.add(printed)
        pairs.add((first, last))
        out.append((first, middle, last))
    return out


def _expense_name(rng: random.Random, first: str, middle: str, last: str, shared: bool) -> str:
    f, m, la = first.title(), middle, last.title()
    if middle and (shared or rng.random() < 0.5):
        return rng.choice((f"{la}, {f} {m}.", f"{f} {m}. {la}"))
    return rng.choice((f"{la}, {f}", f"{f} {la}", f"{f.upper()} {la.upper()}"))


def make_people(rng: random.Random, count: int) -> tuple[list[Holder], Directory, dict[str, str]]:
    names = _names(rng, count - 1)
    pair_count: dict[tuple[str, str], int] = {}
    for first, _, last in names:
        pair_count[first, last] = pair_count.get((first, last), 0) + 1
    last4s = rng.sample(range(10000), count)
    ids = rng.sample(range(100000, 999999), count)
    holders = [Holder("GEAUXPASS", f"{ids[0]}", f"{last4s[0]:04d}", "GeauxPass", "", "account")]
    for k, (first, middle, last) in enumerate(names, start=1):
        shared = pair_count[first, last] > 1
        holders.append(
            Holder(
                first + middle + last,
                f"{ids[k]}",
                f"{last4s[k]:04d}",
                _expense_name(rng, first, middle, last, shared),
                first,
            )
        )
    aliases: dict[str, str] = {}
    unknown: dict[str, str] = {}
    # Nicknames only for people whose first and last name no one else shares, so each name is one person.
    unique = {(f, la) for (f, la), n in pair_count.items() if n == 1}
    nicknamed = [
        h
        for h in holders[2:]
        if h.first in NICKNAME_OF
        and h.name.endswith(h.expense_name.split()[-1].upper())
        and (h.first, h.expense_name.split()[-1].upper()) in unique
    ]
    rng.shuffle(nicknamed)
    for k, h in enumerate(nicknamed[: max(2, count // 25)]):
        h.expense_name = f"{NICKNAME_OF[h.first]} {h.expense_name.split()[-1].title()}"
        if k % 2 == 0:
            aliases[h.expense_name] = h.name
        else:
            h.kind = "unknown_alias"
            unknown[h.expense_name] = h.name
    holders[1].kind = "no_entries"
    return holders, Directory(aliases=aliases, accounts=frozenset({"GEAUXPASS"})), unknown
