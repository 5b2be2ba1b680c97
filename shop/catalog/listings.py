"""A producer's own listings: texts in every language, packagings, photos, submission for review.

Every call takes the producer id and finds the product among that producer's
own; another producer's product is "not_found", exactly like a missing one.
A producer can never publish, and has no way to set stars or certificates.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.models import (OPEN_REVISION_STATUSES, CatalogLimits, Container, OcopGroup, Packaging, Product,
                                 ProductPhoto, ProductReview, ProductRevision, ProductStatus, ProductTranslation,
                                 ReviewDecision, RevisionStatus, Unit)
from shop.catalog.services import CatalogError, new_code, refresh_price_from
from shop.sorting import sort_key
from shop.text import slugify

TEXT_FIELDS = ("name", "summary", "description")
SOURCE_LOCALE = "vi"
MAX_PRICE_VND = 1_000_000_000
MAX_STOCK = 10_000_000
# A producer may send these for review.
SUBMITTABLE_STATUSES = (ProductStatus.DRAFT, ProductStatus.WITHDRAWN, ProductStatus.CHANGES_REQUESTED)
DEFAULT_MAX_PRICE_CHANGE_PERCENT = 30


def _now() -> datetime:
    return datetime.now(timezone.utc)


def own_products(session, producer_id: int) -> list[Product]:
    """The producer's products, latest changed first."""
    return list(session.scalars(select(Product).where(Product.producer_id == producer_id)
                                .order_by(Product.updated_at.desc(), Product.id.desc())).unique())


def get_own_product(session, producer_id: int, product_id: int) -> Product:
    """The producer's product; raises not_found for a missing one or another producer's."""
    product = session.scalar(select(Product).where(Product.id == product_id, Product.producer_id == producer_id))
    if product is None:
        raise CatalogError("not_found")
    return product


def completeness(product: Product, locales, revision: ProductRevision | None = None) -> dict[str, dict[str, bool]]:
    """Per locale: which text fields are filled, and 'complete' when all are (of the open revision's
    texts when there is one: that is what the producer is working on)."""
    if revision is not None:
        by_locale = (revision.content or {}).get("texts") or {}
        texts = {l: {f: (v or {}).get(f) or "" for f in TEXT_FIELDS} for l, v in by_locale.items()}
    else:
        texts = {t.locale: {f: getattr(t, f) or "" for f in TEXT_FIELDS} for t in product.translations}
    result = {}
    for locale in locales:
        row = texts.get(locale)
        fields = {f: bool(row is not None and row[f].strip()) for f in TEXT_FIELDS}
        fields["complete"] = all(fields.values())
        result[locale] = fields
    return result


def _unique_slug(session, base: str) -> str:
    slug, n = base, 2
    while session.scalar(select(Product.id).where(Product.slug == slug)) is not None:
        slug, n = f"{base[:110]}-{n}", n + 1
    return slug


def _check_group(session, group_id: int) -> None:
    if session.get(OcopGroup, group_id) is None:
        raise CatalogError("unknown_group")


def clean_texts(texts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The texts trimmed and checked: a Vietnamese name, and a name wherever a language has any text."""
    source = texts.get(SOURCE_LOCALE) or {}
    if not (source.get("name") or "").strip():
        raise CatalogError("missing_vietnamese_name")
    cleaned = {}
    for locale, values in texts.items():
        values = {f: (values.get(f) or "").strip() for f in TEXT_FIELDS}
        if not values["name"] and locale != SOURCE_LOCALE and any(values.values()):
            raise CatalogError("name_required")
        cleaned[locale] = values
    return cleaned


def _set_texts(product: Product, texts: dict[str, dict[str, str]]) -> None:
    """Write each locale's texts; a locale left empty loses its row (the page falls back to Vietnamese)."""
    texts = clean_texts(texts)
    by_locale = {t.locale: t for t in product.translations}
    for locale, values in texts.items():
        row = by_locale.get(locale)
        if not values["name"] and locale != SOURCE_LOCALE:
            if row is not None:
                product.translations.remove(row)
            continue
        if row is None:
            row = ProductTranslation(locale=locale)
            product.translations.append(row)
        row.name, row.summary, row.description = values["name"], values["summary"], values["description"]
        row.sort_key = sort_key(values["name"], locale)


def create_listing(session, producer_id: int, *, group_id: int, texts: dict[str, dict[str, str]]) -> Product:
    """A new draft listing of the producer."""
    _check_group(session, group_id)
    name = (texts.get(SOURCE_LOCALE) or {}).get("name") or ""
    product = Product(slug=_unique_slug(session, slugify(name, 100)), code=new_code("P"),
                      producer_id=producer_id, group_id=group_id, status=ProductStatus.DRAFT)
    _set_texts(product, texts)
    session.add(product)
    session.flush()
    return product


def update_listing(session, producer_id: int, product_id: int, *, group_id: int,
                   texts: dict[str, dict[str, str]], now: datetime | None = None) -> Product:
    """Change a listing's group and texts. A published listing keeps its published version on sale:
    the changes wait in its revision for the office (see open_revision)."""
    product = get_own_product(session, producer_id, product_id)
    _check_group(session, group_id)
    if product.status == ProductStatus.PUBLISHED:
        revision = _revision_for(session, product, now or _now())
        revision.content = {**revision.content, "group_id": group_id, "texts": clean_texts(texts)}
        session.flush()
        return product
    product.group_id = group_id
    _set_texts(product, texts)
    session.flush()
    search.reindex_product(session, product)
    return product


def open_revision(session, product_id: int) -> ProductRevision | None:
    """The listing's changes waiting for the office or sent back by it, if any."""
    return session.scalar(select(ProductRevision).where(ProductRevision.product_id == product_id,
                                                        ProductRevision.status.in_(OPEN_REVISION_STATUSES))
                          .order_by(ProductRevision.id.desc()).limit(1))


def open_revisions(session, product_ids: list[int]) -> dict[int, ProductRevision]:
    """The open revision of each of these products that has one."""
    if not product_ids:
        return {}
    rows = session.scalars(select(ProductRevision).where(ProductRevision.product_id.in_(product_ids),
                                                         ProductRevision.status.in_(OPEN_REVISION_STATUSES))
                           .order_by(ProductRevision.id))
    return {r.product_id: r for r in rows}


def live_content(product: Product) -> dict:
    """The published version in a revision's shape, to start a revision from or compare with."""
    return {"group_id": product.group_id,
            "texts": {t.locale: {f: getattr(t, f) or "" for f in TEXT_FIELDS} for t in product.translations},
            "prices": {}, "photos_changed": False}


def _revision_for(session, product: Product, now: datetime) -> ProductRevision:
    """The open revision (sent for review again by this change), or a new one from the published version."""
    revision = open_revision(session, product.id)
    if revision is None:
        revision = ProductRevision(product_id=product.id, content=live_content(product))
        session.add(revision)
    revision.status = RevisionStatus.PENDING
    revision.submitted_at = now
    return revision


def limits(session) -> CatalogLimits:
    """The office's limits on changes that go live without review."""
    row = session.get(CatalogLimits, 1)
    if row is None:
        row = CatalogLimits(id=1, max_price_change_percent=DEFAULT_MAX_PRICE_CHANGE_PERCENT)
        session.add(row)
        session.flush()
    return row


def set_limits(session, *, max_price_change_percent: int, now: datetime) -> CatalogLimits:
    """The office changes how far a price may move without review (0 = every price change is reviewed)."""
    if not 0 <= max_price_change_percent <= 1000:
        raise CatalogError("limit_out_of_range")
    row = limits(session)
    row.max_price_change_percent, row.updated_at = max_price_change_percent, now
    session.flush()
    return row


def add_packaging(session, producer_id: int, product_id: int, *, container: str, quantity: int, unit: str,
                  price_vnd: int, stock: int) -> Packaging:
    """Add a way of selling the product, with its price and stock."""
    product = get_own_product(session, producer_id, product_id)
    if container not in set(Container):
        raise CatalogError("unknown_container")
    if unit not in set(Unit):
        raise CatalogError("unknown_unit")
    _check_amounts(price_vnd, stock)
    if not 1 <= quantity <= 1_000_000:
        raise CatalogError("quantity_out_of_range")
    packaging = Packaging(container=container, quantity=quantity, unit=unit, price_vnd=price_vnd, stock=stock,
                          position=len(product.packagings), active=True)
    product.packagings.append(packaging)
    refresh_price_from(product)
    session.flush()
    return packaging


def update_packaging(session, producer_id: int, product_id: int, packaging_id: int, *,
                     price_vnd: int, stock: int, active: bool, now: datetime | None = None) -> bool:
    """Change a packaging's price, stock or availability, live at once; on a published listing a price
    moved further than the office's limit waits in the revision instead. True when a price waits."""
    return update_packagings(session, producer_id, product_id, {packaging_id: (price_vnd, stock, active)},
                             now=now) > 0


def update_packagings(session, producer_id: int, product_id: int, rows: dict[int, tuple[int, int, bool]], *,
                      now: datetime | None = None) -> int:
    """Save price, stock and availability of several packagings together (all or none).

    rows: packaging id -> (price, stock, active). Returns how many prices wait for the office.
    """
    product = get_own_product(session, producer_id, product_id)
    by_id = {p.id: p for p in product.packagings}
    if not set(rows) <= set(by_id):
        raise CatalogError("not_found")
    for price_vnd, stock, _active in rows.values():
        _check_amounts(price_vnd, stock)
    percent = limits(session).max_price_change_percent if product.status == ProductStatus.PUBLISHED else None
    held: dict[str, int] = {}
    for packaging_id, (price_vnd, stock, active) in rows.items():
        packaging = by_id[packaging_id]
        packaging.stock, packaging.active = stock, bool(active)
        if percent is not None and abs(price_vnd - packaging.price_vnd) * 100 > packaging.price_vnd * percent:
            held[str(packaging_id)] = price_vnd
        else:
            packaging.price_vnd = price_vnd
    if held:
        revision = _revision_for(session, product, now or _now())
        revision.content = {**revision.content, "prices": {**(revision.content.get("prices") or {}), **held}}
    refresh_price_from(product)
    session.flush()
    return len(held)


def _check_amounts(price_vnd: int, stock: int) -> None:
    if not 1 <= price_vnd <= MAX_PRICE_VND:
        raise CatalogError("price_out_of_range")
    if not 0 <= stock <= MAX_STOCK:
        raise CatalogError("stock_out_of_range")


def _photos_changed(session, product: Product) -> None:
    # Photos of a published listing change at once (they are files, not texts one can hold back);
    # the office still looks at them afterwards through the listing's revision.
    if product.status == ProductStatus.PUBLISHED:
        revision = _revision_for(session, product, _now())
        revision.content = {**revision.content, "photos_changed": True}
    session.flush()


def add_photo(session, producer_id: int, product_id: int, *, filename: str, width: int, height: int,
              max_photos: int) -> ProductPhoto:
    """Attach a stored photo (see catalog.photos.store) to the producer's listing."""
    product = get_own_product(session, producer_id, product_id)
    if len(product.photos) >= max_photos:
        raise CatalogError("too_many_photos")
    photo = ProductPhoto(filename=filename, width=width, height=height,
                         position=max((p.position for p in product.photos), default=-1) + 1)
    product.photos.append(photo)
    _photos_changed(session, product)
    return photo


def remove_photo(session, producer_id: int, product_id: int, photo_id: int) -> str:
    """Detach a photo from the producer's listing; returns its filename so the caller can delete it."""
    product = get_own_product(session, producer_id, product_id)
    photo = next((p for p in product.photos if p.id == photo_id), None)
    if photo is None:
        raise CatalogError("not_found")
    product.photos.remove(photo)
    _photos_changed(session, product)
    return photo.filename


def move_photo(session, producer_id: int, product_id: int, photo_id: int, to: str) -> None:
    """Put a photo first (the cover), or one place earlier or later; positions are renumbered 0..n-1."""
    product = get_own_product(session, producer_id, product_id)
    ordered = sorted(product.photos, key=lambda p: (p.position, p.id))
    photo = next((p for p in ordered if p.id == photo_id), None)
    if photo is None:
        raise CatalogError("not_found")
    index = ordered.index(photo)
    ordered.pop(index)
    target = {"cover": 0, "earlier": max(0, index - 1), "later": min(len(ordered), index + 1)}[to]
    ordered.insert(target, photo)
    for position, p in enumerate(ordered):
        p.position = position
    _photos_changed(session, product)


def submit_for_review(session, producer_id: int, product_id: int) -> Product:
    """Send a draft to the OCOP office: it needs a Vietnamese name, a packaging and a photo."""
    product = get_own_product(session, producer_id, product_id)
    if product.status not in SUBMITTABLE_STATUSES:
        raise CatalogError("not_a_draft")
    if not completeness(product, [SOURCE_LOCALE])[SOURCE_LOCALE]["name"]:
        raise CatalogError("missing_vietnamese_name")
    if not any(p.active for p in product.packagings):
        raise CatalogError("no_packaging")
    if not product.photos:
        raise CatalogError("no_photo")
    product.status = ProductStatus.PENDING_REVIEW
    session.flush()
    return product


def latest_review(session, product_id: int) -> ProductReview | None:
    """The office's last decision on a product."""
    return session.scalar(select(ProductReview).where(ProductReview.product_id == product_id)
                          .order_by(ProductReview.created_at.desc(), ProductReview.id.desc()).limit(1))


def latest_rejections(session, product_ids: list[int]) -> dict[int, ProductReview]:
    """The last review of each product, where that review was a rejection."""
    if not product_ids:
        return {}
    latest: dict[int, ProductReview] = {}
    for review in session.scalars(select(ProductReview).where(ProductReview.product_id.in_(product_ids))
                                  .order_by(ProductReview.created_at, ProductReview.id)):
        latest[review.product_id] = review
    return {pid: r for pid, r in latest.items() if r.decision == ReviewDecision.REJECTED}


def checklist(product: Product) -> list[tuple[str, bool]]:
    """What a listing needs before it can be sent for review, each with whether it is there."""
    return [("vietnamese_name", completeness(product, [SOURCE_LOCALE])[SOURCE_LOCALE]["name"]),
            ("packaging", any(p.active for p in product.packagings)),
            ("photo", bool(product.photos))]
