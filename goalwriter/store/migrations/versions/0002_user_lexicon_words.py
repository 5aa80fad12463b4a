"""User lexicon words: phrases a user adds to a skill or an activity type of the matcher.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lexicon_word",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("concept", sa.String(length=80), nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.CheckConstraint("kind IN ('skill', 'activity')", name=op.f("ck_lexicon_word_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lexicon_word")),
        sa.UniqueConstraint("kind", "concept", "phrase", name="uq_lexicon_word_kind_concept_phrase"),
    )


def downgrade() -> None:
    op.drop_table("lexicon_word")
