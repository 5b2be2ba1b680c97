"""current award by decision date

A product's current award is the one with the latest decision date among those
not revoked (the latest one when all are revoked). Before, the award recorded
last was current, so an older decision typed in late unseated a newer one:
recompute the flag for every product. Data only; no schema change.

Revision ID: a7c3e1d2f4b5
Revises: b8020e61daf9
Create Date: 2026-11-30 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c3e1d2f4b5'
down_revision = 'b8020e61daf9'
branch_labels = None
depends_on = None

awards = sa.table("certified_products", sa.column("id", sa.Integer), sa.column("product_id", sa.Integer),
                  sa.column("certificate_id", sa.Integer), sa.column("is_current", sa.Boolean))
certificates = sa.table("certificates", sa.column("id", sa.Integer), sa.column("decision_date", sa.Date),
                        sa.column("status", sa.String))


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(sa.select(awards.c.id, awards.c.product_id, awards.c.is_current, certificates.c.id,
                                  certificates.c.decision_date, certificates.c.status)
                        .join(certificates, certificates.c.id == awards.c.certificate_id)).all()
    best: dict[int, tuple] = {}
    for award_id, product_id, _current, certificate_id, decision_date, status in rows:
        rank = (status != "revoked", decision_date, certificate_id, award_id)
        if product_id not in best or rank > best[product_id]:
            best[product_id] = rank
    current_ids = {rank[3] for rank in best.values()}
    for award_id, _product_id, is_current, *_rest in rows:
        should = award_id in current_ids
        if bool(is_current) != should:
            bind.execute(awards.update().where(awards.c.id == award_id).values(is_current=should))


def downgrade():
    # The old flags cannot be told apart from the new ones; the new rule is kept.
    pass
