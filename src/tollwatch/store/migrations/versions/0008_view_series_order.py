"""the stored view's series in order (issue 11)

Replaces ``ix_underlying_claims_series`` (actor, metric, origin, part) with
``ix_underlying_claims_series_order`` (the whole series key and the series order: date,
figure, id), so that a refresh reads only the stored neighbours of a changed claim
(:mod:`tollwatch.reconcile.relink`) instead of every claim of its series.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_index("ix_underlying_claims_series", table_name="underlying_claims")
    op.create_index("ix_underlying_claims_series_order", "underlying_claims",
                    ["actor_key", "metric", "origin_key", "part", "group_key", "sort_date",
                     "point", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_underlying_claims_series_order", table_name="underlying_claims")
    op.create_index("ix_underlying_claims_series", "underlying_claims",
                    ["actor_key", "metric", "origin_key", "part"], unique=False)
