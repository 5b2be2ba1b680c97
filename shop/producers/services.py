"""Producers: listing and profile pages."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from shop.catalog.models import Product, ProductStatus
from shop.domain import DomainError
from shop.producers.models import Producer, ProducerTranslation
from shop.sorting import sort_key


def producers_with_counts(*, locale: str, producer_type: str | None = None):
    """The query of (producer, number of published products) rows, by name in locale and its collation
    (the producers page lists them all; the API pages through them)."""
    here = aliased(ProducerTranslation)
    source = aliased(ProducerTranslation)
    counts = (select(Product.producer_id, func.count().label("n"))
              .where(Product.status == ProductStatus.PUBLISHED)
              .group_by(Product.producer_id).subquery())
    query = (select(Producer, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.producer_id == Producer.id)
             .outerjoin(here, (here.producer_id == Producer.id) & (here.locale == locale))
             .outerjoin(source, (source.producer_id == Producer.id) & (source.locale == "vi"))
             .order_by(func.coalesce(here.sort_key, source.sort_key), Producer.id))
    if producer_type:
        query = query.where(Producer.type == producer_type)
    return query


def list_producers(session, *, locale: str, producer_type: str | None = None) -> list[tuple[Producer, int]]:
    """(producer, number of published products), by name in the page's language and its collation."""
    query = producers_with_counts(locale=locale, producer_type=producer_type)
    return [(producer, int(n)) for producer, n in session.execute(query).unique()]


def get_producer(session, slug: str) -> Producer | None:
    return session.scalar(select(Producer).where(Producer.slug == slug))


def published_products_of(session, producer_id: int) -> list[Product]:
    """A producer's published products, newest first."""
    return list(session.scalars(select(Product).where(
        Product.producer_id == producer_id, Product.status == ProductStatus.PUBLISHED)
        .order_by(Product.published_at.desc(), Product.id)).unique())


PROFILE_FIELDS = ("name", "summary", "story")


class ProducerError(DomainError):
    """A producer rule was broken."""

    domain = "producer"


def set_producer_texts(producer: Producer, texts: dict[str, dict[str, str]]) -> None:
    """Write each locale's name, summary and story (Markdown); empty locales fall back to Vietnamese."""
    if not ((texts.get("vi") or {}).get("name") or "").strip():
        raise ProducerError("missing_vietnamese_name")
    by_locale = {t.locale: t for t in producer.translations}
    for locale, values in texts.items():
        values = {f: (values.get(f) or "").strip() for f in PROFILE_FIELDS}
        row = by_locale.get(locale)
        if not values["name"] and locale != "vi":
            if any(values.values()):
                raise ProducerError("name_required")
            if row is not None:
                producer.translations.remove(row)
            continue
        if row is None:
            row = ProducerTranslation(locale=locale, name="")
            producer.translations.append(row)
        row.name, row.summary, row.story = values["name"], values["summary"], values["story"]
        row.sort_key = sort_key(row.name, locale)


def update_profile(session, producer_id: int, *, contact: dict[str, str],
                   texts: dict[str, dict[str, str]]) -> Producer:
    """A producer edits its own contact details, name, summary and story; search follows."""
    producer = session.get(Producer, producer_id)
    if producer is None:
        raise ProducerError("not_found")
    for key in ("phone", "email", "website", "address"):
        if key in contact:
            setattr(producer, key, (contact[key] or "").strip())
    set_producer_texts(producer, texts)
    session.flush()
    reindex_producer_and_products(session, producer)
    return producer


def reindex_producer_and_products(session, producer: Producer) -> None:
    """A producer's texts are part of its products' search terms too."""
    from shop.catalog import search
    search.reindex_producer(session, producer)
    for product in published_products_of(session, producer.id):
        search.reindex_product(session, product)


def create_producer(session, *, slug: str, type: str, locality_id: int | None, contact: dict[str, str],
                    texts: dict[str, dict[str, str]]) -> Producer:
    """The office adds a producer (the slug is made from the Vietnamese name when empty)."""
    from shop.producers.models import ProducerType
    from shop.text import slugify
    if type not in set(ProducerType):
        raise ProducerError("unknown_type")
    slug = slugify(slug or (texts.get("vi") or {}).get("name") or "", 100)
    if session.scalar(select(Producer.id).where(Producer.slug == slug)) is not None:
        raise ProducerError("slug_taken")
    producer = Producer(slug=slug, type=type, locality_id=locality_id,
                        **{k: (contact.get(k) or "").strip() for k in ("phone", "email", "website", "address")})
    set_producer_texts(producer, texts)
    session.add(producer)
    session.flush()
    reindex_producer_and_products(session, producer)
    return producer


def update_producer(session, producer_id: int, *, type: str, locality_id: int | None, contact: dict[str, str],
                    texts: dict[str, dict[str, str]]) -> Producer:
    """The office edits any producer, including its type and locality."""
    from shop.producers.models import ProducerType
    if type not in set(ProducerType):
        raise ProducerError("unknown_type")
    producer = session.get(Producer, producer_id)
    if producer is None:
        raise ProducerError("not_found")
    producer.type, producer.locality_id = type, locality_id
    return update_profile(session, producer_id, contact=contact, texts=texts)
