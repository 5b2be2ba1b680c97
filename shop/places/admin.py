"""The office keeps sales points (and what each carries) and fairs (and who exhibits where)."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from shop.catalog.models import Product
from shop.domain import DomainError
from shop.places.models import (Fair, FairKind, FairParticipant, FairTranslation, SalesPoint, SalesPointKind,
                                SalesPointProduct, SalesPointTranslation)
from shop.producers.models import Producer
from shop.text import slugify

POINT_FIELDS = ("name", "address", "description")
FAIR_FIELDS = ("name", "venue", "description")
_SPLIT = re.compile(r"[\s,;\t]+")


class PlacesError(DomainError):
    """A places rule was broken; code says which; for bad_lines, params["lines"] says where: [(line, code)]."""

    domain = "places"

    @property
    def lines(self) -> list[tuple[int, str]]:
        return self.params.get("lines", [])


def _set_texts(obj, row_class, texts: dict[str, dict[str, str]], fields: tuple[str, ...]) -> None:
    if not ((texts.get("vi") or {}).get("name") or "").strip():
        raise PlacesError("missing_vietnamese_name")
    by_locale = {t.locale: t for t in obj.translations}
    for locale, values in texts.items():
        values = {f: (values.get(f) or "").strip() for f in fields}
        row = by_locale.get(locale)
        if not values["name"] and locale != "vi":
            if any(values.values()):
                raise PlacesError("name_required")
            if row is not None:
                obj.translations.remove(row)
            continue
        if row is None:
            row = row_class(locale=locale, name="")
            obj.translations.append(row)
        for field in fields:
            setattr(row, field, values[field])


def _unique_slug(session, model, wanted: str, name: str, own_id: int | None) -> str:
    slug = slugify(wanted or name, 100)
    existing = session.scalar(select(model.id).where(model.slug == slug))
    if existing is not None and existing != own_id:
        raise PlacesError("slug_taken")
    return slug


def parse_product_codes(session, text: str) -> list[int]:
    """Product ids from codes or slugs, one a line; raises with every bad line."""
    ids, errors = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        key = line.strip()
        if not key:
            continue
        product_id = session.scalar(select(Product.id).where((Product.code == key.upper()) | (Product.slug == key)))
        if product_id is None:
            errors.append((number, "unknown_product"))
        elif product_id not in ids:
            ids.append(product_id)
    if errors:
        raise PlacesError("bad_lines", lines=errors)
    return ids


def save_sales_point(session, point_id: int | None, *, slug: str, kind: str, locality_id: int | None, phone: str,
                     opening_hours: str, latitude: float | None, longitude: float | None, active: bool,
                     texts: dict[str, dict[str, str]], product_codes: str) -> SalesPoint:
    """Create or update a sales point with its texts and the products it carries."""
    if kind not in set(SalesPointKind):
        raise PlacesError("unknown_kind")
    point = SalesPoint() if point_id is None else session.get(SalesPoint, point_id)
    if point is None:
        raise PlacesError("not_found")
    product_ids = parse_product_codes(session, product_codes)
    point.slug = _unique_slug(session, SalesPoint, slug or point.slug or "", (texts.get("vi") or {}).get("name", ""),
                              point_id)
    point.kind, point.locality_id, point.phone = kind, locality_id, (phone or "").strip()
    point.opening_hours, point.latitude, point.longitude, point.active = (opening_hours or "").strip(), latitude, \
        longitude, bool(active)
    _set_texts(point, SalesPointTranslation, texts, POINT_FIELDS)
    if point_id is None:
        session.add(point)
    keep = {c.product_id: c for c in point.carried}
    point.carried = [keep.get(pid) or SalesPointProduct(product_id=pid, in_stock=True) for pid in product_ids]
    session.flush()
    return point


def save_fair(session, fair_id: int | None, *, slug: str, kind: str, starts_on: date, ends_on: date,
              locality_id: int | None, texts: dict[str, dict[str, str]], participants: str) -> Fair:
    """Create or update a fair with its texts and its participants ('producer-slug booth' per line)."""
    if kind not in set(FairKind):
        raise PlacesError("unknown_kind")
    if ends_on < starts_on:
        raise PlacesError("ends_before_start")
    fair = Fair() if fair_id is None else session.get(Fair, fair_id)
    if fair is None:
        raise PlacesError("not_found")
    rows, errors, seen = [], [], set()
    for number, line in enumerate((participants or "").splitlines(), start=1):
        parts = [p for p in _SPLIT.split(line.strip()) if p]
        if not parts:
            continue
        producer_id = session.scalar(select(Producer.id).where(Producer.slug == parts[0]))
        if producer_id is None:
            errors.append((number, "unknown_producer"))
        elif producer_id in seen:
            errors.append((number, "duplicate_producer"))
        elif len(parts) > 2 or (len(parts) == 2 and len(parts[1]) > 20):
            errors.append((number, "participant_line_format"))
        else:
            seen.add(producer_id)
            rows.append((producer_id, parts[1] if len(parts) == 2 else ""))
    if errors:
        raise PlacesError("bad_lines", lines=errors)
    fair.slug = _unique_slug(session, Fair, slug or fair.slug or "", (texts.get("vi") or {}).get("name", ""), fair_id)
    fair.kind, fair.starts_on, fair.ends_on, fair.locality_id = kind, starts_on, ends_on, locality_id
    _set_texts(fair, FairTranslation, texts, FAIR_FIELDS)
    if fair_id is None:
        session.add(fair)
    keep = {p.producer_id: p for p in fair.participants}
    fair.participants = [keep.get(pid) or FairParticipant(producer_id=pid) for pid, _booth in rows]
    for participant, (_pid, booth) in zip(fair.participants, rows):
        participant.booth = booth
    session.flush()
    return fair


def all_sales_points(session) -> list[SalesPoint]:
    return list(session.scalars(select(SalesPoint).order_by(SalesPoint.kind, SalesPoint.slug)).unique())


def carried_codes(session, point: SalesPoint) -> str:
    codes = session.scalars(select(Product.code).join(SalesPointProduct, SalesPointProduct.product_id == Product.id)
                            .where(SalesPointProduct.sales_point_id == point.id).order_by(Product.code))
    return "\n".join(codes)


def participant_lines(fair: Fair) -> str:
    return "\n".join(f"{p.producer.slug} {p.booth}".strip() for p in fair.participants)
