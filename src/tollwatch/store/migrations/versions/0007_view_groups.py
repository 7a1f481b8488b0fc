"""the counted group in the stored reconciled view (issue 16)

Adds to ``underlying_claims`` the counted group of each underlying claim (``group_head``,
``group_subset``, ``group_status``) and the series key's group part (``group_key``), with
``ix_underlying_claims_group_order`` (a group's timeline in order), so that group
timelines are read from the view and the view's series are split by group as
reconciliation splits them. The view is derived data: a view built before this revision
has an older ``reconcile_state.version`` and is rebuilt by the next ``tollwatch reconcile``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("underlying_claims") as batch:
        batch.add_column(sa.Column("group_head", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("group_subset", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("group_status", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("group_key", sa.String(length=255), nullable=True))
    op.create_index("ix_underlying_claims_group_order", "underlying_claims",
                    ["group_head", "sort_date", "metric", "origin", "point"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_underlying_claims_group_order", table_name="underlying_claims")
    with op.batch_alter_table("underlying_claims") as batch:
        batch.drop_column("group_key")
        batch.drop_column("group_status")
        batch.drop_column("group_subset")
        batch.drop_column("group_head")
