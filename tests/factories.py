"""Factory functions: make_x(session, **overrides) builds a valid row with sensible defaults."""
from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

from shop.catalog import search
from shop.catalog.models import (OcopGroup, OcopGroupTranslation, Packaging, Product, ProductStatus,
                                 ProductTranslation)
from shop.catalog.services import new_code, record_certificate, refresh_price_from
from shop.places.models import Locality, LocalityTranslation, SalesPoint, SalesPointTranslation
from shop.producers.models import Producer, ProducerTranslation
from shop.sorting import sort_key

_seq = itertools.count(1)


def _names(value, default: str) -> dict[str, str]:
    if isinstance(value, dict):
        return value
    text = value or default
    return {"vi": text, "en": text, "zh": text, "ko": text}


def make_group(session, code: str = "I.5", name=None) -> OcopGroup:
    existing = session.query(OcopGroup).filter_by(code=code).one_or_none()
    if existing:
        return existing
    names = _names(name, f"Nhóm {code}")
    group = OcopGroup(code=code, legal_basis="QĐ 148/QĐ-TTg",
                      translations=[OcopGroupTranslation(locale=l, name=n) for l, n in names.items()])
    session.add(group)
    session.flush()
    return group


def make_locality(session, slug: str = "ha-long", name=None) -> Locality:
    existing = session.query(Locality).filter_by(slug=slug).one_or_none()
    if existing:
        return existing
    names = _names(name, slug.replace("-", " ").title())
    locality = Locality(slug=slug, kind="city",
                        translations=[LocalityTranslation(locale=l, name=n) for l, n in names.items()])
    session.add(locality)
    session.flush()
    return locality


def make_producer(session, *, name=None, type: str = "cooperative", locality: str = "ha-long",
                  story: str = "", **overrides) -> Producer:
    n = next(_seq)
    names = _names(name, f"HTX Mẫu {n}")
    producer = Producer(slug=overrides.pop("slug", f"htx-mau-{n}"), type=type,
                        locality_id=make_locality(session, locality).id,
                        translations=[ProducerTranslation(locale=l, name=v, summary="", story=story,
                                                          sort_key=sort_key(v, l))
                                      for l, v in names.items()], **overrides)
    session.add(producer)
    session.flush()
    search.reindex_producer(session, producer)
    return producer


def make_product(session, *, name=None, producer: Producer | None = None, group: str = "I.5",
                 prices=(100_000,), stock: int = 10, status: str = ProductStatus.PUBLISHED,
                 description: str = "", published_at: datetime | None = None, **overrides) -> Product:
    n = next(_seq)
    names = _names(name, f"Sản phẩm mẫu {n}")
    producer = producer or make_producer(session)
    product = Product(
        slug=overrides.pop("slug", f"san-pham-mau-{n}"), code=new_code("P"), producer_id=producer.id,
        group_id=make_group(session, group).id, status=status,
        published_at=published_at or datetime(2026, 1, 1, tzinfo=timezone.utc).replace(second=n % 60, minute=n // 60 % 60),
        translations=[ProductTranslation(locale=l, name=v, summary="", description=description,
                                         sort_key=sort_key(v, l)) for l, v in names.items()],
        packagings=[Packaging(container="jar", quantity=250, unit="g", price_vnd=p, stock=stock, position=i)
                    for i, p in enumerate(prices)], **overrides)
    refresh_price_from(product)
    session.add(product)
    session.flush()
    session.refresh(product)
    search.reindex_product(session, product)
    return product


def certify(session, product: Product, *, stars: int = 4, decision_date: date = date(2025, 6, 1),
            number: str | None = None, score: int | None = None):
    """Record a one-product certificate and return it."""
    return record_certificate(session, decision_number=number or f"DEMO-{next(_seq)}/QĐ-UBND",
                              decision_date=decision_date, authority="UBND tỉnh Quảng Ninh",
                              awards=[(product, stars, score or {3: 60, 4: 80, 5: 95}.get(stars, 20), "new")])


PASSWORD = "correct horse battery"
_password_hash: list[str] = []


def make_sales_point(session, *, name: str = "Trung tâm OCOP Hạ Long", carries=(), slug: str | None = None,
                     **overrides):
    """An active sales point carrying the given products (in stock there)."""
    from shop.places.models import SalesPoint, SalesPointProduct, SalesPointTranslation
    n = next(_seq)
    point = SalesPoint(slug=slug or f"diem-ocop-{n}", kind="centre",
                       translations=[SalesPointTranslation(locale=l, name=name, address="Hạ Long")
                                     for l in ("vi", "en", "zh", "ko")],
                       carried=[SalesPointProduct(product_id=p.id, in_stock=True) for p in carries], **overrides)
    session.add(point)
    session.flush()
    return point


def make_checkout(**overrides):
    """Checkout data for a delivery in Quảng Ninh paid in cash, with a fresh idempotency key."""
    import secrets

    from shop.orders.placement import Checkout
    values = dict(name="Nguyễn Văn An", phone="0912 345 678", email="an@example.com", fulfilment="delivery",
                  payment_method="cod", idempotency_key=secrets.token_urlsafe(24), province="22",
                  commune="06688", street="12 Đường Bạch Đằng")  # Phường Hạ Long, Quảng Ninh
    values.update(overrides)
    return Checkout(**values)


def order_settings(app, **overrides):
    """OrderSettings from the app's config, with some values changed."""
    from dataclasses import replace

    from shop.orders.placement import OrderSettings
    return replace(OrderSettings.from_config(app.config), **overrides)


def order_links():
    """OrderLinks for a checkout outside a request: the addresses a view would build, on example.test."""
    from shop.orders.checkout import OrderLinks
    return OrderLinks(order_page=lambda order: f"https://shop.example.test/{order.locale}/orders/{order.token}",
                      pay_page=lambda order: f"https://shop.example.test/{order.locale}/orders/{order.token}/pay",
                      portal_page=lambda order: f"https://shop.example.test/portal/orders/{order.id}")


def make_user(session, role: str = "customer", *, email: str | None = None, producer=None, sales_point=None,
              locale: str = "en", **overrides):
    """A user whose password is PASSWORD (hashed once per test run: scrypt is slow on purpose)."""
    from werkzeug.security import generate_password_hash

    from shop.accounts.models import User
    if not _password_hash:
        _password_hash.append(generate_password_hash(PASSWORD, method="scrypt"))
    if role == "producer" and producer is None:
        producer = make_producer(session)
    if role == "sales_point_staff" and sales_point is None:
        sales_point = make_sales_point(session)
    user = User(email=email or f"user{next(_seq)}@example.com", role=role, locale=locale,
                active=overrides.pop("active", True),
                password_hash=overrides.pop("password_hash", _password_hash[0]),
                producer_id=producer.id if producer is not None else None,
                sales_point_id=sales_point.id if sales_point is not None else None, **overrides)
    session.add(user)
    session.flush()
    return user
