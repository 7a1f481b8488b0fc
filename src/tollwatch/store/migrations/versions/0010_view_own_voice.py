"""own-voice figures marked in the stored view (issues 11 and 16)

``underlying_claims.own_voice``: the claim is a figure an outlet gives in its own voice
(no source named), which timelines hide unless asked (``own_voice=show``). The view's
version changes with it (``tollwatch.reconcile.stored.VIEW_VERSION``), so the next
``tollwatch reconcile`` (or ingest) rebuilds the view and fills the column.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("underlying_claims") as batch:
        batch.add_column(sa.Column("own_voice", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("underlying_claims") as batch:
        batch.drop_column("own_voice")
