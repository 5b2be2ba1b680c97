"""producer sort keys: producers sort by each locale's collation; product keys recomputed (issue 11)

Revision ID: c4d1e2f3a5b6
Revises: b61dc85d60ba
Create Date: 2026-11-30 10:00:00

"""
from alembic import op
import sqlalchemy as sa

from shop.sorting import sort_key

# revision identifiers, used by Alembic.
revision = 'c4d1e2f3a5b6'
down_revision = 'b61dc85d60ba'
branch_labels = None
depends_on = None


def _recompute(table: str, key_columns: tuple[str, ...]) -> None:
    """Each row's sort_key from its name and locale (the Vietnamese keys changed with the alphabet rule)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT {', '.join(key_columns)}, locale, name FROM {table}")).all()
    where = " AND ".join(f"{c} = :{c}" for c in (*key_columns, "locale"))
    for row in rows:
        values = dict(row._mapping)
        bind.execute(sa.text(f"UPDATE {table} SET sort_key = :key WHERE {where}"),
                     {**values, "key": sort_key(values["name"], values["locale"])})


def upgrade():
    with op.batch_alter_table('producer_translations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_key', sa.String(length=200), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_producer_translations_sort_key'), ['sort_key'], unique=False)
    _recompute("producer_translations", ("producer_id",))
    _recompute("product_translations", ("product_id",))


def downgrade():
    with op.batch_alter_table('producer_translations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_producer_translations_sort_key'))
        batch_op.drop_column('sort_key')
