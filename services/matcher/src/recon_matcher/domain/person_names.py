"""People's names as statements and expense reports print them, reduced to comparable keys.

Statements print `WILLIAMABURT` or `WILLIAM A BURT`; expense reports `Burt, William A.` or `William Burt`.
The key is the letters of "first [middle] last" without spaces, so those spellings meet exactly; nicknames
only ever feed suggestions, never an automatic resolution.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = re.compile(r"[^A-Z ]+")
NICKNAMES = {
    "BILL": "WILLIAM",
    "BILLY": "WILLIAM",
    "WILL": "WILLIAM",
    "BOB": "ROBERT",
    "BOBBY": "ROBERT",
    "ROB": "ROBERT",
    "JIM": "JAMES",
    "JIMMY": "JAMES",
    "MIKE": "MICHAEL",
    "DAVE": "DAVID",
    "DICK": "RICHARD",
    "RICK": "RICHARD",
    "TOM": "THOMAS",
    "TOMMY": "THOMAS",
    "CHUCK": "CHARLES",
    "CHARLIE": "CHARLES",
    "DAN": "DANIEL",
    "DANNY": "DANIEL",
    "MATT": "MATTHEW",
    "TONY": "ANTHONY",
    "STEVE": "STEVEN",
    "LIZ": "ELIZABETH",
    "BETH": "ELIZABETH",
    "BETSY": "ELIZABETH",
    "PATTY": "PATRICIA",
    "TRISH": "PATRICIA",
    "JEN": "JENNIFER",
    "JENNY": "JENNIFER",
    "SUE": "SUSAN",
    "BARB": "BARBARA",
    "JOE": "JOSEPH",
    "JOEY": "JOSEPH",
    "JEFF": "JEFFREY",
    "TIM": "TIMOTHY",
    "RON": "RONALD",
    "DON": "DONALD",
    "ED": "EDWARD",
    "EDDIE": "EDWARD",
    "KEN": "KENNETH",
    "GREG": "GREGORY",
    "ANDY": "ANDREW",
    "SAM": "SAMUEL",
    "ALEX": "ALEXANDER",
    "JAKE": "JACOB",
    "KATE": "KATHERINE",
    "KATIE": "KATHERINE",
    "GARY": "GARY",
    "JESS": "JESSICA",
    "NAN": "NANCY",
    "LIN": "LINDA",
    "MANDY": "AMANDA",
}


def name_tokens(name: str) -> list[str]:
    """Upper-case letter tokens in first-middle-last order ("Burt, William A." → WILLIAM A BURT)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    if "," in text:
        last, _, first = text.partition(",")
        text = f"{first} {last}"
    return _LETTERS.sub(" ", text.replace("'", "")).split()


def person_key(name: str) -> str:
    return "".join(name_tokens(name))


def key_variants(name: str) -> list[tuple[str, str]]:
    """Exact-resolution keys with what they assume: as written, last-first, without middle initials."""
    tokens = name_tokens(name)
    variants = [("".join(tokens), "name")]
    if len(tokens) >= 2:
        variants.append(("".join(tokens[1:] + tokens[:1]), "name in last-first order"))
        bare = [t for i, t in enumerate(tokens) if len(t) > 1 or i in (0, len(tokens) - 1)]
        if len(bare) < len(tokens):
            variants.append(("".join(bare), "name without middle initial"))
    return variants


def nickname_key(name: str) -> str | None:
    tokens = name_tokens(name)
    if tokens and tokens[0] in NICKNAMES and NICKNAMES[tokens[0]] != tokens[0]:
        return "".join([NICKNAMES[tokens[0]], *tokens[1:]])
    return None
