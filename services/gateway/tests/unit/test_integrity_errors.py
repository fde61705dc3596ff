"""A constraint the database refused, told in plain words (the review rules are constraints too)."""

from __future__ import annotations

import pytest
from recon_gateway.api.errors import integrity_error


@pytest.mark.parametrize(
    ("database_message", "expected"),
    [
        (
            'conflicting key value violates exclusion constraint "xc_line_backings_entry_backs_one_line"',
            (409, "already_backed", "that expense entry or receipt already backs another card line"),
        ),
        (
            'insert or update on table "review_decisions" violates foreign key constraint '
            '"fk_review_decisions_session_id_expense_entries"',
            (422, "not_in_session", "the decision names a line, entry or receipt of another session"),
        ),
        (
            'insert or update on table "line_backings" violates foreign key constraint '
            '"fk_line_backings_session_id_sessions"',
            (409, "conflict", "the change conflicts with existing data"),
        ),
    ],
)
def test_constraints_read_plainly(database_message: str, expected: tuple[int, str, str]) -> None:
    assert integrity_error(database_message) == expected
