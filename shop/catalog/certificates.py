"""The office's certificate register: award lists, revocation, what lapses soon."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import or_, select

from shop.catalog.models import AwardKind, Certificate, CertificateStatus, Product
from shop.catalog.services import CatalogError, refresh_current_award
from shop.inputs import NumberError, parse_int

EXPIRING_DAYS = 90
_SPLIT = re.compile(r"[\s,;\t]+")


def parse_award_lines(session, text: str) -> tuple[list[tuple[Product, int, int, str]], list[tuple[int, str]]]:
    """'<product code or slug> <stars> <score> [new|recertified|upgraded]' per line →
    (awards, [(line number, error code)]); nothing is written."""
    awards, errors, seen = [], [], set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = [p for p in _SPLIT.split(line.strip()) if p]
        if not parts:
            continue
        if len(parts) not in (3, 4):
            errors.append((number, "award_line_format"))
            continue
        key, stars, score = parts[0], parts[1], parts[2]
        kind = parts[3].lower() if len(parts) == 4 else AwardKind.NEW
        product = session.scalar(select(Product).where(or_(Product.code == key.upper(), Product.slug == key)))
        if product is None:
            errors.append((number, "unknown_product"))
            continue
        if product.id in seen:
            errors.append((number, "duplicate_product"))
            continue
        try:
            stars_value = parse_int(stars, low=3, high=5)
        except NumberError:
            errors.append((number, "stars_not_certified"))
            continue
        try:
            score_value = parse_int(score, low=0, high=100)
        except NumberError:
            errors.append((number, "score_out_of_range"))
            continue
        if kind not in set(AwardKind):
            errors.append((number, "unknown_award_kind"))
            continue
        seen.add(product.id)
        awards.append((product, stars_value, score_value, kind))
    return awards, errors


def list_certificates(session) -> list[Certificate]:
    """Every certificate, latest decision first."""
    return list(session.scalars(select(Certificate).order_by(Certificate.decision_date.desc(), Certificate.id.desc()))
                .unique())


def expiring_certificates(session, today: date, days: int = EXPIRING_DAYS) -> list[Certificate]:
    """Valid certificates whose validity ends within the next days, soonest first."""
    return list(session.scalars(select(Certificate).where(
        Certificate.status == CertificateStatus.VALID, Certificate.valid_until >= today,
        Certificate.valid_until <= today + timedelta(days=days)).order_by(Certificate.valid_until)).unique())


def get_certificate(session, certificate_id: int) -> Certificate:
    certificate = session.get(Certificate, certificate_id)
    if certificate is None:
        raise CatalogError("not_found")
    return certificate


def revoke_certificate(session, certificate_id: int, *, on: date, reason: str) -> Certificate:
    """Revoke a certificate before its time: its products lose the OCOP mark at once."""
    certificate = get_certificate(session, certificate_id)
    reason = (reason or "").strip()
    if not reason:
        raise CatalogError("reason_required")
    if certificate.status == CertificateStatus.REVOKED:
        raise CatalogError("already_revoked")
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_on = on
    certificate.revoked_reason = reason[:2000]
    session.flush()
    # Each product's current award is now its latest one not revoked (an older certificate still valid
    # keeps its stars; with none, the product reads 'revoked').
    for award in certificate.awards:
        refresh_current_award(session, award.product_id)
    return certificate
