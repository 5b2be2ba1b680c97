"""search words: the distinct terms of the search index with their entity counts

Revision ID: 5e4c0b1d7a92
Revises: 028965595a0f
Create Date: 2026-12-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e4c0b1d7a92'
down_revision = '028965595a0f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_words',
    sa.Column('term', sa.String(length=64).with_variant(sa.String(length=64, collation='C'), 'postgresql'),
              nullable=False),
    sa.Column('entities', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('term', name=op.f('pk_search_words'))
    )
    # Filled from the index as it stands; reindexing keeps it in step from here on.
    op.execute("INSERT INTO search_words (term, entities) SELECT term, count(*) FROM search_terms GROUP BY term")


def downgrade():
    op.drop_table('search_words')
