"""responses: confirmations, denials and refusals to comment, linked to the claims they answer

Two new tables: ``responses`` (one row per extracted response of a document) and
``response_claims`` (the claims each answers). Nothing existing changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 11:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("responder", sa.JSON(), nullable=False),
        sa.Column("responder_alias_id", sa.Integer(), nullable=True),
        sa.Column("speaker", sa.JSON(), nullable=False),
        sa.Column("about", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=32), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_responses_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["responder_alias_id"], ["name_aliases.id"],
                                name=op.f("fk_responses_responder_alias_id_name_aliases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_responses")),
    )
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_responses_document_id"), ["document_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_responses_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_responses_responder_alias_id"),
                              ["responder_alias_id"], unique=False)
    op.create_table(
        "response_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"],
                                name=op.f("fk_response_claims_claim_id_claims"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["response_id"], ["responses.id"],
                                name=op.f("fk_response_claims_response_id_responses"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_claims")),
        sa.UniqueConstraint("response_id", "claim_id",
                            name=op.f("uq_response_claims_response_id_claim_id")),
    )
    with op.batch_alter_table("response_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_response_claims_claim_id"), ["claim_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_response_claims_response_id"), ["response_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("response_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_claims_response_id"))
        batch_op.drop_index(batch_op.f("ix_response_claims_claim_id"))
    op.drop_table("response_claims")
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_responses_responder_alias_id"))
        batch_op.drop_index(batch_op.f("ix_responses_kind"))
        batch_op.drop_index(batch_op.f("ix_responses_document_id"))
    op.drop_table("responses")
