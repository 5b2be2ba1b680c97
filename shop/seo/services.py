"""What the sitemap lists: every public page, as (endpoint, URL values, last change)."""
from __future__ import annotations

from sqlalchemy import select

from shop.catalog.models import Product, ProductStatus
from shop.pages.models import ContentPage
from shop.places.models import Fair, SalesPoint
from shop.producers.models import Producer

STATIC_PAGES = ("catalog.home", "catalog.product_list", "producers.producer_list",
                "places.sales_point_list", "places.fair_list", "showroom.verify_form")


def public_pages(session) -> list[tuple[str, dict, object]]:
    """Home, lists, and each published product, producer, active sales point and fair (slugs only: cheap)."""
    pages: list[tuple[str, dict, object]] = [(endpoint, {}, None) for endpoint in STATIC_PAGES]
    for slug, updated in session.execute(select(Product.slug, Product.updated_at)
                                         .where(Product.status == ProductStatus.PUBLISHED).order_by(Product.id)):
        pages.append(("catalog.product_detail", {"slug": slug}, updated))
    for slug, updated in session.execute(select(Producer.slug, Producer.updated_at).order_by(Producer.id)):
        pages.append(("producers.producer_detail", {"slug": slug}, updated))
    for slug, updated in session.execute(select(SalesPoint.slug, SalesPoint.updated_at)
                                         .where(SalesPoint.active.is_(True)).order_by(SalesPoint.id)):
        pages.append(("places.sales_point_detail", {"slug": slug}, updated))
    for slug, updated in session.execute(select(Fair.slug, Fair.updated_at).order_by(Fair.id)):
        pages.append(("places.fair_detail", {"slug": slug}, updated))
    for slug, updated in session.execute(select(ContentPage.slug, ContentPage.updated_at).order_by(ContentPage.id)):
        pages.append(("pages.page", {"slug": slug}, updated))
    return pages
