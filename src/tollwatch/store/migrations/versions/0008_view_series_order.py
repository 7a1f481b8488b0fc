"""indexed read paths for listings and the stored view's series (issue 11)

* ``claims.published_order``: the document's published date ("9999-99-99" when it has
  none), filled for every stored claim, with ``ix_claims_actor_live_order`` and
  ``ix_claims_actor_metric_live_order``, so that a page of an actor's claims (of one
  metric) in published order is read from an index instead of sorting all of them.
* ``ix_underlying_claims_series_order`` (the whole series key and the series order:
  date, figure, id) replaces ``ix_underlying_claims_series``, so that a refresh reads
  only the stored neighbours of a changed claim (:mod:`tollwatch.reconcile.relink`).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_UNDATED = "9999-99-99"


def upgrade() -> None:
    op.add_column("claims", sa.Column("published_order", sa.String(length=10), nullable=False,
                                      server_default=_UNDATED))
    op.execute(sa.text(
        "UPDATE claims SET published_order = COALESCE((SELECT documents.published FROM "
        "documents WHERE documents.id = claims.document_id), :undated)").bindparams(
        undated=_UNDATED))
    op.create_index("ix_claims_actor_live_order", "claims",
                    ["actor_alias_id", "superseded", "published_order", "id"], unique=False)
    op.create_index("ix_claims_actor_metric_live_order", "claims",
                    ["actor_alias_id", "metric", "superseded", "published_order", "id"],
                    unique=False)
    op.drop_index("ix_underlying_claims_series", table_name="underlying_claims")
    op.create_index("ix_underlying_claims_series_order", "underlying_claims",
                    ["actor_key", "metric", "origin_key", "part", "group_key", "sort_date",
                     "point", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_underlying_claims_series_order", table_name="underlying_claims")
    op.create_index("ix_underlying_claims_series", "underlying_claims",
                    ["actor_key", "metric", "origin_key", "part"], unique=False)
    op.drop_index("ix_claims_actor_metric_live_order", table_name="claims")
    op.drop_index("ix_claims_actor_live_order", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("published_order")
