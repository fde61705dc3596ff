"""cardholder aliases: one row per (alias, cardholder), one confirmed owner per alias

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 01:55:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_constraint(op.f("uq_cardholder_aliases_alias"), "cardholder_aliases", type_="unique")
    op.create_unique_constraint(
        op.f("uq_cardholder_aliases_alias_cardholder_id"), "cardholder_aliases", ["alias", "cardholder_id"]
    )
    op.create_index(
        "uq_cardholder_aliases_confirmed_alias",
        "cardholder_aliases",
        ["alias"],
        unique=True,
        postgresql_where="status = 'confirmed'",
    )


def downgrade() -> None:
    # Back to one row per alias: keep each alias's confirmed row, else its newest.
    op.execute(
        """
        DELETE FROM cardholder_aliases a
        USING cardholder_aliases b
        WHERE a.alias = b.alias AND a.id <> b.id
          AND (b.status = 'confirmed') > (a.status = 'confirmed')
           OR (a.alias = b.alias AND a.id <> b.id AND a.status <> 'confirmed' AND b.status <> 'confirmed'
               AND (b.created_at, b.id) > (a.created_at, a.id))
        """
    )
    op.drop_index("uq_cardholder_aliases_confirmed_alias", table_name="cardholder_aliases")
    op.drop_constraint(op.f("uq_cardholder_aliases_alias_cardholder_id"), "cardholder_aliases", type_="unique")
    op.create_unique_constraint(op.f("uq_cardholder_aliases_alias"), "cardholder_aliases", ["alias"])
