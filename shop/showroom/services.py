"""Showroom rules: the certificate check by code, and the product lists printed or shown at a point."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from shop.catalog.models import Certificate, CertificateStatus, CertifiedProduct, Product, ProductStatus
from shop.catalog.services import CatalogFilters, filtered_products, sorted_products
from shop.places.models import SalesPointProduct

# Codes are 'P' or 'C' and 8 characters today; accept a little more so that longer codes can come.
_CODE = re.compile(r"^[A-Z0-9]{2,16}$")
MAX_PRINTED_PRODUCTS = 500


def normalize_code(raw: str | None) -> str | None:
    """The code as stored (upper case, no spaces or dashes typed from a label), or None when malformed."""
    if raw is None:
        return None
    code = re.sub(r"[\s-]+", "", raw).upper()
    return code if _CODE.match(code) else None


@dataclass(frozen=True)
class CertificateCheck:
    """What the public certificate check says about a code on a given day."""

    product: Product
    award: CertifiedProduct | None  # None: the product holds no certificate
    status: str  # a CertificateStatus, or "none"
    # The code of the product's newer award when this one has been superseded.
    newer_code: str | None = None

    @property
    def certificate(self) -> Certificate | None:
        return self.award.certificate if self.award else None

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID


def check_code(session, code: str, today: date) -> CertificateCheck | None:
    """The check of a certificate code (CertifiedProduct.code) or of a published product's code; None if unknown."""
    award = session.scalar(select(CertifiedProduct).where(CertifiedProduct.code == code))
    if award is not None:
        product = award.product
        newer = None
        current = product.current_award
        # Only a later decision supersedes this one (a revoked newer award leaves an older one current).
        if not award.is_current and current is not None \
                and current.certificate.decision_date >= award.certificate.decision_date:
            newer = current.code
        return CertificateCheck(product, award, award.certificate.status_on(today), newer)
    product = session.scalar(select(Product).where(Product.code == code, Product.status == ProductStatus.PUBLISHED))
    if product is None:
        return None
    award = product.current_award
    if award is None:
        return CertificateCheck(product, None, "none")
    return CertificateCheck(product, award, award.certificate.status_on(today))


def product_by_code(session, code: str) -> Product | None:
    """A published product by its public code."""
    return session.scalar(select(Product).where(Product.code == code, Product.status == ProductStatus.PUBLISHED))


def award_exists(session, code: str) -> bool:
    return session.scalar(select(CertifiedProduct.id).where(CertifiedProduct.code == code)) is not None


def printable_products(session, filters: CatalogFilters, *, locale: str, today: date,
                       sales_point_id: int | None = None, codes: list[str] | None = None,
                       slugs: list[str] | None = None, limit: int = MAX_PRINTED_PRODUCTS) -> list[Product]:
    """Every published product matching the catalog filters (and a point's range or a list of codes), capped."""
    query = filtered_products(filters, today)
    if sales_point_id is not None:
        query = query.where(Product.id.in_(select(SalesPointProduct.product_id)
                                           .where(SalesPointProduct.sales_point_id == sales_point_id)))
    if codes is not None:
        query = query.where(Product.code.in_(codes))
    if slugs is not None:
        query = query.where(Product.slug.in_(slugs))
    ordered = sorted_products(query, filters.sort, locale, today)
    return list(session.scalars(ordered.limit(limit)).unique())


def products_by_codes(raw: str) -> list[str] | None:
    """The product codes of a comma-separated list, or None when one of them is malformed."""
    codes = [normalize_code(part) for part in raw.split(",") if part.strip()]
    if not codes or any(code is None for code in codes) or len(codes) > MAX_PRINTED_PRODUCTS:
        return None
    return codes
