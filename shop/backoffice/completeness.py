"""Which published content lacks a translation, per locale: the office's translation to-do list."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, exists, func, select

from shop.catalog.models import Product, ProductStatus, ProductTranslation
from shop.places.models import Fair, FairTranslation, SalesPoint, SalesPointTranslation
from shop.producers.models import Producer, ProducerTranslation

# kind → (model, translation model, foreign key name, the text fields a translation needs)
KINDS = {
    "products": (Product, ProductTranslation, "product_id", ("name", "summary", "description")),
    "producers": (Producer, ProducerTranslation, "producer_id", ("name", "summary", "story")),
    "sales_points": (SalesPoint, SalesPointTranslation, "sales_point_id", ("name", "address", "description")),
    "fairs": (Fair, FairTranslation, "fair_id", ("name", "venue", "description")),
}
LIST_LIMIT = 50


@dataclass(frozen=True)
class Missing:
    kind: str
    total: int  # published entities of the kind
    lacking: int  # of them, how many lack a full translation in the locale
    first: list  # up to LIST_LIMIT of them, by id


def _shown(model):
    """Only what visitors can see: published products, active sales points; every producer and fair."""
    if model is Product:
        return Product.status == ProductStatus.PUBLISHED
    if model is SalesPoint:
        return SalesPoint.active.is_(True)
    return None


def missing_translations(session, locale: str) -> list[Missing]:
    """Per kind: the shown entities without a complete translation (every text field filled) in locale."""
    out = []
    for kind, (model, translation, key, fields) in KINDS.items():
        complete = exists().where(and_(getattr(translation, key) == model.id, translation.locale == locale,
                                       *[func.coalesce(getattr(translation, f), "") != "" for f in fields]))
        shown = _shown(model)
        base = select(model) if shown is None else select(model).where(shown)
        count_base = select(func.count()).select_from(model)
        if shown is not None:
            count_base = count_base.where(shown)
        total = session.scalar(count_base) or 0
        lacking = session.scalar(count_base.where(~complete)) or 0
        first = list(session.scalars(base.where(~complete).order_by(model.id).limit(LIST_LIMIT)).unique())
        out.append(Missing(kind, int(total), int(lacking), first))
    return out
