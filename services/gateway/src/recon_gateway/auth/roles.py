"""Roles and the signed-in user, read from a token's claims (pure: no HTTP, no keys)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

ACTOR_MAX_LENGTH = 200  # the audit log's and decisions' actor columns


class Role(StrEnum):
    UPLOADER = "uploader"
    REVIEWER = "reviewer"
    ADMIN = "admin"


_KNOWN = {"uploader", "reviewer", "admin"}


class ClaimsRefused(ValueError):
    """The token is valid but does not say who its holder is in a form the audit log can record."""


@dataclass(frozen=True)
class User:
    actor: str
    """What the audit log records: a readable claim of the token (preferred_username, name, then sub)."""
    roles: frozenset[Role]

    def may(self, needed: Role | None) -> bool:
        """Whether the user holds `needed` (None: any role at all); admin holds every role."""
        if Role.ADMIN in self.roles:
            return True
        return bool(self.roles) if needed is None else needed in self.roles


def user_from_claims(claims: Mapping[str, Any], *, roles_claim: str, actor_claims: Sequence[str]) -> User:
    """The user a verified token names. Unknown role names are ignored (the issuer may grant other apps' roles);
    the roles claim may be a list (Entra ID app roles) or a space-separated string."""
    granted = claims.get(roles_claim) or []
    names = granted.split() if isinstance(granted, str) else granted if isinstance(granted, list) else []
    roles = frozenset(Role(n) for n in names if n in _KNOWN)
    return User(actor=_actor(claims, actor_claims), roles=roles)


def _actor(claims: Mapping[str, Any], actor_claims: Sequence[str]) -> str:
    for name in actor_claims:
        value = claims.get(name)
        if isinstance(value, str) and value.strip():
            actor = value.strip()
            if len(actor) > ACTOR_MAX_LENGTH:
                raise ClaimsRefused(f"the token's {name} claim is longer than {ACTOR_MAX_LENGTH} characters")
            return actor
    raise ClaimsRefused(f"the token names nobody: it has none of the claims {', '.join(actor_claims)}")
