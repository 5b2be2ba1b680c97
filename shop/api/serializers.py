"""JSON shapes of the API's resources (each one matches a schema in shop/api/openapi.py)."""
from __future__ import annotations

from datetime import date

from flask import url_for

from shop import place_names
from shop.catalog.services import badge_for
from shop.i18n import translated
from shop.labels import packaging_label


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _photo_url(filename: str) -> str:
    return url_for("web.media", filename=filename, _external=True)


def locality(obj, locale: str) -> dict | None:
    if obj is None:
        return None
    return {"slug": obj.slug, "name": translated(obj, "name", locale).text}


def ocop(product, today: date) -> dict | None:
    """The product's current certificate as the certificate check states it today."""
    badge = badge_for(product, today)
    if badge.status is None:
        return None
    return {"status": str(badge.status), "stars": badge.stars, "decision_number": badge.decision_number,
            "decision_date": _iso(badge.decision_date), "valid_until": _iso(badge.valid_until),
            "revoked_on": _iso(badge.revoked_on), "certificate_code": badge.code,
            "shows_mark": badge.shows_mark}


def product_summary(product, locale: str, today: date) -> dict:
    return {
        "slug": product.slug,
        "code": product.code,
        "name": translated(product, "name", locale).text,
        "summary": translated(product, "summary", locale).text,
        "group": {"code": product.group.code, "name": translated(product.group, "name", locale).text},
        "producer": {"slug": product.producer.slug, "name": translated(product.producer, "name", locale).text},
        "locality": locality(product.producer.locality, locale),
        "price_from_vnd": product.price_from_vnd,
        "ocop": ocop(product, today),
        "photo": _photo_url(product.photos[0].filename) if product.photos else None,
        "url": url_for("catalog.product_detail", slug=product.slug, locale=locale, _external=True),
    }


def product_detail(product, locale: str, today: date) -> dict:
    data = product_summary(product, locale, today)
    data["description"] = translated(product, "description", locale).text
    data["packagings"] = [{"label": packaging_label(p), "container": p.container, "quantity": p.quantity,
                           "unit": p.unit, "price_vnd": p.price_vnd, "in_stock": p.stock > 0}
                          for p in product.packagings if p.active]
    data["photos"] = [_photo_url(p.filename) for p in product.photos]
    return data


def producer(obj, product_count: int, locale: str) -> dict:
    return {
        "slug": obj.slug,
        "type": obj.type,
        "name": translated(obj, "name", locale).text,
        "summary": translated(obj, "summary", locale).text,
        "locality": locality(obj.locality, locale),
        "address": obj.address,
        "phone": obj.phone,
        "website": obj.website,
        "product_count": product_count,
        "url": url_for("producers.producer_detail", slug=obj.slug, locale=locale, _external=True),
    }


def sales_point(point, locale: str) -> dict:
    return {
        "slug": point.slug,
        "kind": point.kind,
        "name": translated(point, "name", locale).text,
        "address": translated(point, "address", locale).text,
        "locality": locality(point.locality, locale),
        "phone": point.phone,
        "latitude": point.latitude,
        "longitude": point.longitude,
        "opening_hours": point.opening_hours,
        "url": url_for("places.sales_point_detail", slug=point.slug, locale=locale, _external=True),
    }


def fair(obj, locale: str) -> dict:
    return {
        "slug": obj.slug,
        "kind": obj.kind,
        "name": translated(obj, "name", locale).text,
        "venue": translated(obj, "venue", locale).text,
        "starts_on": obj.starts_on.isoformat(),
        "ends_on": obj.ends_on.isoformat(),
        "locality": locality(obj.locality, locale),
        "latitude": obj.latitude,
        "longitude": obj.longitude,
        "participants": [{"producer": {"slug": p.producer.slug, "name": translated(p.producer, "name", locale).text},
                          "booth": p.booth} for p in obj.participants],
        "url": url_for("places.fair_detail", slug=obj.slug, locale=locale, _external=True),
    }


def certificate_check(check, locale: str) -> dict:
    cert = check.certificate
    product = check.product
    return {
        "status": check.status,
        "valid": check.is_valid,
        "product": {"slug": product.slug, "code": product.code, "name": translated(product, "name", locale).text,
                    "producer": {"slug": product.producer.slug,
                                 "name": translated(product.producer, "name", locale).text}},
        "certificate": None if cert is None else {
            "code": check.award.code, "stars": check.award.stars, "decision_number": cert.decision_number,
            "decision_date": cert.decision_date.isoformat(),
            "authority": place_names.authority_name(cert.authority, locale).text,
            "valid_until": cert.valid_until.isoformat(), "revoked_on": _iso(cert.revoked_on)},
        "newer_certificate_code": check.newer_code,
        "url": url_for("showroom.verify", code=check.award.code if check.award else product.code,
                       locale=locale, _external=True),
    }


def page(items: list, page_obj) -> dict:
    return {"items": items, "page": page_obj.page, "per_page": page_obj.per_page, "total": page_obj.total,
            "pages": page_obj.pages}


def province(found) -> dict:
    """A province of the 2025 map; its name is the official Vietnamese one (lang tells clients so)."""
    return {"code": found.code, "name": found.name, "lang": "vi", "division_type": found.division_type,
            "slug": found.slug}


def commune(found) -> dict:
    """A commune, ward or special zone; its name is Vietnamese."""
    return {"code": found.code, "name": found.name, "lang": "vi", "division_type": found.division_type}
