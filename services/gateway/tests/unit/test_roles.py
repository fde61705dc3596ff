"""Roles and the actor read from a verified token's claims."""

from __future__ import annotations

import pytest
from recon_gateway.auth.roles import ClaimsRefused, Role, User, user_from_claims

ACTOR = ["preferred_username", "name", "sub"]


def _user(**claims: object) -> User:
    return user_from_claims(claims, roles_claim="roles", actor_claims=ACTOR)


def test_app_roles_as_a_list_or_a_space_separated_string_and_unknown_names_ignored() -> None:
    assert _user(sub="s", roles=["reviewer", "Task.Write", 7]).roles == {Role.REVIEWER}
    assert _user(sub="s", roles="uploader reviewer").roles == {Role.UPLOADER, Role.REVIEWER}
    assert _user(sub="s").roles == frozenset()
    assert user_from_claims({"sub": "s", "groups": ["admin"]}, roles_claim="groups", actor_claims=ACTOR).roles == {
        Role.ADMIN
    }


def test_admin_holds_every_role_and_reading_needs_one_at_all() -> None:
    admin, reviewer, nobody = (User("a", frozenset(r)) for r in ({Role.ADMIN}, {Role.REVIEWER}, set()))
    assert all(admin.may(r) for r in (None, *Role))
    assert reviewer.may(None) and reviewer.may(Role.REVIEWER)
    assert not reviewer.may(Role.UPLOADER) and not reviewer.may(Role.ADMIN)
    assert not nobody.may(None)


def test_the_actor_is_the_first_readable_claim() -> None:
    assert _user(preferred_username=" ana@example.com ", name="Ana", sub="s1").actor == "ana@example.com"
    assert _user(preferred_username="  ", name="Ana Lima", sub="s1").actor == "Ana Lima"
    assert _user(sub="s1").actor == "s1"


def test_a_token_naming_nobody_or_too_long_a_name_is_refused() -> None:
    with pytest.raises(ClaimsRefused, match="none of the claims preferred_username, name, sub"):
        _user(roles=["admin"])
    with pytest.raises(ClaimsRefused, match="preferred_username claim is longer than 200"):
        _user(preferred_username="x" * 201, sub="s1")
