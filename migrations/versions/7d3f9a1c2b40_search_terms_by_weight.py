"""search terms by weight: each word's best entities first, for a common word's capped candidates

Revision ID: 7d3f9a1c2b40
Revises: 5e4c0b1d7a92
Create Date: 2026-11-30 16:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '7d3f9a1c2b40'
down_revision = '5e4c0b1d7a92'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_search_terms_term_weight', ['term', 'weight', 'kind', 'entity_id'], unique=False)


def downgrade():
    with op.batch_alter_table('search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_search_terms_term_weight')
