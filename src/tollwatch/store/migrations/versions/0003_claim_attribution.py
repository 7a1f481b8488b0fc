"""claims.attribution: why a claim has its source and date

The extractor's machine-readable reason for a claim's source and date, as JSON:
``{"how": "continued", "from": 812, "date_how": "verb"}`` (how the source was found, the
character offset of the statement that governs the figure, how the date was found). Null for
claims stored before it existed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 11:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attribution", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("attribution")
