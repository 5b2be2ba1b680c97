"""A producer's own listings: texts in every language, packagings, photos, submission for review.

Every call takes the producer id and finds the product among that producer's
own; another producer's product is "not_found", exactly like a missing one.
A producer can never publish, and has no way to set stars or certificates.
"""
from __future__ import annotations

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.models import (Container, OcopGroup, Packaging, Product, ProductPhoto, ProductReview,
                                 ProductStatus, ProductTranslation, ReviewDecision, Unit)
from shop.catalog.services import CatalogError, new_code, refresh_price_from
from shop.sorting import sort_key
from shop.text import slugify

TEXT_FIELDS = ("name", "summary", "description")
SOURCE_LOCALE = "vi"
MAX_PRICE_VND = 1_000_000_000
MAX_STOCK = 10_000_000
# Changing these sends a published listing back to the office; prices and stock do not.
REVIEWED_STATUSES = (ProductStatus.PUBLISHED, ProductStatus.PENDING_REVIEW)


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


def completeness(product: Product, locales) -> dict[str, dict[str, bool]]:
    """Per locale: which text fields are filled, and 'complete' when all are."""
    by_locale = {t.locale: t for t in product.translations}
    result = {}
    for locale in locales:
        row = by_locale.get(locale)
        fields = {f: bool(row is not None and (getattr(row, f) or "").strip()) for f in TEXT_FIELDS}
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


def _set_texts(product: Product, texts: dict[str, dict[str, str]]) -> None:
    """Write each locale's texts; a locale left empty loses its row (the page falls back to Vietnamese)."""
    source = texts.get(SOURCE_LOCALE) or {}
    if not (source.get("name") or "").strip():
        raise CatalogError("missing_vietnamese_name")
    by_locale = {t.locale: t for t in product.translations}
    for locale, values in texts.items():
        values = {f: (values.get(f) or "").strip() for f in TEXT_FIELDS}
        row = by_locale.get(locale)
        if not values["name"] and locale != SOURCE_LOCALE:
            if any(values.values()):
                raise CatalogError("name_required")
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
                   texts: dict[str, dict[str, str]]) -> Product:
    """Change a listing's group and texts; a published listing goes back to the office for review."""
    product = get_own_product(session, producer_id, product_id)
    _check_group(session, group_id)
    product.group_id = group_id
    _set_texts(product, texts)
    _content_changed(session, product)
    return product


def _content_changed(session, product: Product) -> None:
    if product.status == ProductStatus.PUBLISHED:
        product.status = ProductStatus.PENDING_REVIEW
    session.flush()
    search.reindex_product(session, product)


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
                     price_vnd: int, stock: int, active: bool) -> Packaging:
    """Change a packaging's price, stock or availability (no review needed)."""
    product = get_own_product(session, producer_id, product_id)
    packaging = next((p for p in product.packagings if p.id == packaging_id), None)
    if packaging is None:
        raise CatalogError("not_found")
    _check_amounts(price_vnd, stock)
    packaging.price_vnd, packaging.stock, packaging.active = price_vnd, stock, bool(active)
    refresh_price_from(product)
    session.flush()
    return packaging


def _check_amounts(price_vnd: int, stock: int) -> None:
    if not 1 <= price_vnd <= MAX_PRICE_VND:
        raise CatalogError("price_out_of_range")
    if not 0 <= stock <= MAX_STOCK:
        raise CatalogError("stock_out_of_range")


def add_photo(session, producer_id: int, product_id: int, *, filename: str, width: int, height: int,
              max_photos: int) -> ProductPhoto:
    """Attach a stored photo (see catalog.photos.store) to the producer's listing."""
    product = get_own_product(session, producer_id, product_id)
    if len(product.photos) >= max_photos:
        raise CatalogError("too_many_photos")
    photo = ProductPhoto(filename=filename, width=width, height=height,
                         position=max((p.position for p in product.photos), default=-1) + 1)
    product.photos.append(photo)
    _content_changed(session, product)
    return photo


def remove_photo(session, producer_id: int, product_id: int, photo_id: int) -> str:
    """Detach a photo from the producer's listing; returns its filename so the caller can delete it."""
    product = get_own_product(session, producer_id, product_id)
    photo = next((p for p in product.photos if p.id == photo_id), None)
    if photo is None:
        raise CatalogError("not_found")
    product.photos.remove(photo)
    _content_changed(session, product)
    return photo.filename


def submit_for_review(session, producer_id: int, product_id: int) -> Product:
    """Send a draft to the OCOP office: it needs a Vietnamese name, a packaging and a photo."""
    product = get_own_product(session, producer_id, product_id)
    if product.status not in (ProductStatus.DRAFT, ProductStatus.WITHDRAWN):
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
