"""schema.org descriptions of the public pages (JSON-LD), built from the models.

Honest data only: OCOP stars are a certificate, not reviews, so a product has
no aggregateRating; a valid certificate is stated as an award.
"""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from shop.i18n import current_locale, translated
from shop.labels import packaging_label

CONTEXT = "https://schema.org"
REGION = "Quảng Ninh"


def _abs_media(filename: str) -> str:
    return url_for("web.media", filename=filename, _external=True)


def _address(street: str, locality, locale: str) -> dict:
    address = {"@type": "PostalAddress", "addressRegion": REGION, "addressCountry": "VN"}
    if street:
        address["streetAddress"] = street
    if locality is not None:
        address["addressLocality"] = translated(locality, "name", locale).text
    return address


def _geo(obj) -> dict | None:
    if obj.latitude is None or obj.longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": obj.latitude, "longitude": obj.longitude}


def organization(producer, locale: str | None = None, *, context: bool = True) -> dict:
    """A producer as an Organization."""
    locale = locale or current_locale()
    data = {"@type": "Organization", "name": translated(producer, "name", locale).text,
            "url": url_for("producers.producer_detail", slug=producer.slug, locale=locale, _external=True)}
    if context:
        data = {"@context": CONTEXT, **data}
        summary = translated(producer, "summary", locale).text
        if summary:
            data["description"] = summary
        if producer.address or producer.locality:
            data["address"] = _address(producer.address, producer.locality, locale)
        if producer.phone:
            data["telephone"] = producer.phone
        if producer.website:
            data["sameAs"] = [producer.website]
    return data


def product(product, badge, locale: str | None = None, packagings=None) -> dict:
    """A product with its maker and one Offer per packaging on sale, in VND (packagings: instead of the
    product's own; () for a description kept without offers, see with_offers)."""
    locale = locale or current_locale()
    url = url_for("catalog.product_detail", slug=product.slug, locale=locale, _external=True)
    maker = organization(product.producer, locale, context=False)
    data = {"@context": CONTEXT, "@type": "Product", "name": translated(product, "name", locale).text,
            "sku": product.code, "url": url, "category": translated(product.group, "name", locale).text,
            "brand": maker, "manufacturer": maker}
    summary = translated(product, "summary", locale).text
    if summary:
        data["description"] = summary
    if product.photos:
        data["image"] = [_abs_media(p.filename) for p in product.photos]
    offers = _offers(product.packagings if packagings is None else packagings, url)
    if offers:
        data["offers"] = offers
    if badge is not None and badge.shows_mark:
        data["award"] = _("OCOP %(stars)d stars, decision %(number)s",
                          stars=badge.stars, number=badge.decision_number)
    return data


def _offers(packagings, url: str) -> list[dict]:
    return [{"@type": "Offer", "name": packaging_label(p), "price": p.price_vnd, "priceCurrency": "VND",
             "availability": "https://schema.org/" + ("InStock" if p.stock > 0 else "OutOfStock"),
             "itemCondition": "https://schema.org/NewCondition", "url": url}
            for p in packagings if p.active]


def with_offers(data: dict, packagings) -> dict:
    """A product's description made without offers (product(..., packagings=())) with the offers of these
    packagings, in the order product() gives: the product page keeps the rest and adds live stock."""
    offers = _offers(packagings, data["url"])
    if not offers:
        return data
    found = {key: value for key, value in data.items() if key != "award"}
    found["offers"] = offers
    if "award" in data:
        found["award"] = data["award"]
    return found


def store(point, locale: str | None = None) -> dict:
    """A sales point as a Store (a LocalBusiness)."""
    locale = locale or current_locale()
    data = {"@context": CONTEXT, "@type": "Store", "name": translated(point, "name", locale).text,
            "url": url_for("places.sales_point_detail", slug=point.slug, locale=locale, _external=True),
            "address": _address(translated(point, "address", locale).text, point.locality, locale)}
    description = translated(point, "description", locale).text
    if description:
        data["description"] = description
    geo = _geo(point)
    if geo:
        data["geo"] = geo
    if point.opening_hours:
        data["openingHours"] = [part.strip() for part in point.opening_hours.split(",") if part.strip()]
    if point.phone:
        data["telephone"] = point.phone
    return data


def event(fair, locale: str | None = None) -> dict:
    """A fair as an Event at a Place."""
    locale = locale or current_locale()
    venue = translated(fair, "venue", locale).text
    place = {"@type": "Place", "name": venue or translated(fair, "name", locale).text,
             "address": _address(venue, fair.locality, locale)}
    geo = _geo(fair)
    if geo:
        place["geo"] = geo
    data = {"@context": CONTEXT, "@type": "Event", "name": translated(fair, "name", locale).text,
            "startDate": fair.starts_on.isoformat(), "endDate": fair.ends_on.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "url": url_for("places.fair_detail", slug=fair.slug, locale=locale, _external=True)}
    description = translated(fair, "description", locale).text
    if description:
        data["description"] = description
    return data
