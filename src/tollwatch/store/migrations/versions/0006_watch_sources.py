"""watch_sources: what ``tollwatch watch`` remembers of each source it polls

One row a feed or page: the ETag and Last-Modified of its last answer (sent back as
If-None-Match / If-Modified-Since), when it was checked and last changed, and its backoff
(consecutive failures, the time of the next try, the last error).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.String(length=64), nullable=True),
        sa.Column("checked", sa.DateTime(timezone=True), nullable=True),
        sa.Column("changed", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_try", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watch_sources")),
        sa.UniqueConstraint("url", name=op.f("uq_watch_sources_url")),
    )


def downgrade() -> None:
    op.drop_table("watch_sources")
