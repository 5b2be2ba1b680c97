"""Printable catalog PDFs, built once and kept in the media store until the catalog changes.

A PDF's key holds a fingerprint of what it prints (products, their texts, prices, certificates,
the sales points' ranges, and the day, which the cover prints): when any of these changes the key
changes, the next request or the worker builds the new file, and the old one is deleted. The
worker builds the plain catalogs (every locale, the province and each sales point) in the
background; a filtered catalog is built on its first request and then kept the same way.
"""
from __future__ import annotations

import hashlib
from datetime import date

from flask import Flask, current_app, g, render_template
from sqlalchemy import func, select

from shop.catalog.models import Certificate, Packaging, Product, ProductTranslation
from shop.extensions import db
from shop.places.models import SalesPoint, SalesPointProduct
from shop.producers.models import Producer
from shop.showroom import links, pdf, qr
from shop.storage import storage


def catalog_fingerprint(session, day: date) -> str:
    """A short hash that changes whenever anything a catalog PDF prints changes."""
    parts = [day.isoformat()]
    for query in (select(func.count(), func.max(Product.updated_at)),
                  select(func.count(), func.max(Producer.updated_at)),
                  select(func.count(), func.max(Certificate.updated_at)),
                  select(func.count(), func.coalesce(func.sum(Packaging.price_vnd), 0),
                         func.max(Packaging.id)),
                  select(func.count(), func.coalesce(func.sum(func.length(ProductTranslation.name)), 0),
                         func.coalesce(func.sum(func.length(ProductTranslation.summary)), 0)),
                  select(func.count(), func.coalesce(func.sum(SalesPointProduct.product_id), 0))):
        parts.append(repr(tuple(session.execute(query).one())))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def pdf_key(locale: str, point_slug: str | None, query: str, fingerprint: str) -> str:
    variant = hashlib.sha256(query.encode()).hexdigest()[:10] if query else "all"
    return f"pdf/catalog-{locale}-{point_slug or 'quang-ninh'}-{variant}-{fingerprint}.pdf"


def render_catalog(products, point, day: date) -> bytes:
    """The catalog PDF (needs a request context in the catalog's locale); images come from the media store."""
    store = storage()
    html = render_template("showroom/catalog_pdf.html", products=products, point=point, day=day,
                           media=store.image_uri, qr_uri=lambda code: qr.png_data_uri(links.product_target(code)))
    return pdf.render(html, allowed_dirs=[current_app.config["MEDIA_DIR"]])


def cached_catalog(session, *, filters, point, locale: str, day: date, query: str) -> bytes:
    """The stored PDF for these filters, or a new one built now and stored (replacing the stale one)."""
    from shop.showroom.services import printable_products
    store = storage()
    key = pdf_key(locale, point.slug if point else None, query, catalog_fingerprint(session, day))
    body = store.get(key)
    if body is None:
        products = printable_products(session, filters, locale=locale, today=day,
                                      sales_point_id=point.id if point else None)
        body = render_catalog(products, point, day)
        store.put(key, body, "application/pdf")
        _forget_older(session, key)
    return body


def _forget_older(session, key: str) -> None:
    """Delete the PDF this one replaces (same variant, older fingerprint)."""
    from shop.outbox.models import JobMark
    variant = key.rsplit("-", 1)[0]
    mark = session.get(JobMark, f"pdf:{variant}")
    if mark is not None and mark.value != key:
        try:
            storage().delete(mark.value)
        except Exception:  # noqa: BLE001 - a stale file left behind costs only space
            current_app.logger.warning("could not delete %s", mark.value, exc_info=True)
        mark.value = key
    elif mark is None:
        session.add(JobMark(key=f"pdf:{variant}", value=key))
    try:
        session.commit()
    except Exception:  # noqa: BLE001 - two builders raced on the same mark: the other one kept it
        session.rollback()


def build_missing(app: Flask, *, locales: tuple[str, ...] | None = None, sales_points: bool = True) -> int:
    """Build every plain catalog (each locale; the province and each sales point) that is out of date."""
    from shop.catalog.services import CatalogFilters
    from shop.clock import today
    built = 0
    with app.app_context():
        points = [None, *(db.session.scalars(select(SalesPoint).order_by(SalesPoint.id)) if sales_points else ())]
        day = today()
        fingerprint = catalog_fingerprint(db.session, day)
        for locale in locales or app.config["LOCALES"]:
            for point in points:
                key = pdf_key(locale, point.slug if point else None, "", fingerprint)
                if storage().exists(key):
                    continue
                with app.test_request_context(f"/{locale}/catalog.pdf", base_url=_base(app)):
                    g.locale = locale
                    cached_catalog(db.session, filters=CatalogFilters(), point=point, locale=locale, day=day,
                                   query="")
                built += 1
        db.session.rollback()
    return built


def _base(app: Flask) -> str:
    return app.config.get("PUBLIC_BASE_URL") or "http://localhost/"
