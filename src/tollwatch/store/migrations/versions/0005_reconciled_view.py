"""the reconciled view in the store: underlying claims, their links, origin keys, state

Underlying claims (one figure from one origin, with its kind and the API item as JSON),
the link of each claim to its underlying claim with the reason, the origin each source
name resolved to, and how far the view is built. Derived data, rebuilt by
``tollwatch reconcile`` and kept current by ``ingest``, ``reextract`` and reviews, so that
the server needs no reconciliation at start and timelines read an index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "underlying_claims",
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("actor_key", sa.String(length=255), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("metric", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("low", sa.BigInteger(), nullable=True),
        sa.Column("high", sa.BigInteger(), nullable=True),
        sa.Column("point", sa.Float(), nullable=False),
        sa.Column("origin", sa.String(length=512), nullable=False),
        sa.Column("origin_key", sa.String(length=512), nullable=False),
        sa.Column("part", sa.String(length=64), nullable=True),
        sa.Column("unnamed", sa.Boolean(), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("revises", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("sort_date", sa.String(length=10), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_underlying_claims")),
    )
    op.create_index("ix_underlying_claims_actor_order", "underlying_claims",
                    ["actor_key", "sort_date", "metric", "origin", "point"], unique=False)
    op.create_index("ix_underlying_claims_figure", "underlying_claims",
                    ["actor_key", "metric", "value", "low", "high"], unique=False)
    op.create_index("ix_underlying_claims_series", "underlying_claims",
                    ["actor_key", "metric", "origin_key", "part"], unique=False)
    op.create_table(
        "underlying_links",
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        sa.Column("underlying_id", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("quote_key", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_underlying_links")),
    )
    op.create_index(op.f("ix_underlying_links_underlying_id"), "underlying_links",
                    ["underlying_id"], unique=False)
    op.create_index(op.f("ix_underlying_links_doc_id"), "underlying_links", ["doc_id"],
                    unique=False)
    op.create_index(op.f("ix_underlying_links_quote_key"), "underlying_links", ["quote_key"],
                    unique=False)
    op.create_table(
        "origin_keys",
        sa.Column("name_key", sa.String(length=512), nullable=False),
        sa.Column("origin_key", sa.String(length=512), nullable=False),
        sa.Column("display", sa.Text(), nullable=False),
        sa.Column("unnamed", sa.Boolean(), nullable=False),
        sa.Column("side", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("name_key", name=op.f("pk_origin_keys")),
    )
    op.create_table(
        "reconcile_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("built", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconcile_state")),
    )


def downgrade() -> None:
    op.drop_table("reconcile_state")
    op.drop_table("origin_keys")
    op.drop_index(op.f("ix_underlying_links_quote_key"), table_name="underlying_links")
    op.drop_index(op.f("ix_underlying_links_doc_id"), table_name="underlying_links")
    op.drop_index(op.f("ix_underlying_links_underlying_id"), table_name="underlying_links")
    op.drop_table("underlying_links")
    op.drop_index("ix_underlying_claims_series", table_name="underlying_claims")
    op.drop_index("ix_underlying_claims_figure", table_name="underlying_claims")
    op.drop_index("ix_underlying_claims_actor_order", table_name="underlying_claims")
    op.drop_table("underlying_claims")
