"""CSV import of producers and products, and CSV export of products.

An import is checked row by row and applied in the request's one transaction:
the caller commits only when there is no error and it is not a dry run, and
rolls back otherwise, so a file is never half-imported. Exports are UTF-8 with
a byte-order mark so that spreadsheet programs read Vietnamese and Chinese
right, and cells that a spreadsheet would run as a formula are quoted.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.models import Container, OcopGroup, Packaging, Product, ProductStatus, ProductTranslation, Unit
from shop.catalog.services import badge_for, new_code, refresh_price_from
from shop.places.models import Locality
from shop.producers.models import Producer, ProducerTranslation, ProducerType
from shop.sorting import sort_key
from shop.text import slugify

MAX_ROWS = 20_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
IMPORT_STATUSES = (ProductStatus.DRAFT, ProductStatus.PUBLISHED, ProductStatus.WITHDRAWN)


def _localized(fields, locales):
    return [f"{f}_{l}" for f in fields for l in locales]


def producer_columns(locales) -> list[str]:
    return ["slug", "type", "locality", "phone", "email", "website", "address"] + \
        _localized(("name", "summary", "story"), locales)


def product_columns(locales) -> list[str]:
    return ["slug", "producer", "group", "status"] + _localized(("name", "summary", "description"), locales) + \
        ["container", "quantity", "unit", "price_vnd", "stock"]


# Written by the export for reading; ignored on import.
PRODUCT_EXPORT_EXTRA = ["code", "stars", "decision_number", "valid_until", "certificate_status"]


@dataclass
class RowError:
    line: int
    column: str
    code: str


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str | None = None

    @property
    def ok(self) -> bool:
        return self.file_error is None and not self.errors


def _unquote(value: str | None) -> str:
    value = (value or "").strip()
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


def _read(data: bytes, required: list[str], allowed: list[str]) -> tuple[list[tuple[int, dict]], str | None]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], "not_utf8"
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if not header:
        return [], "empty_file"
    missing = [c for c in required if c not in header]
    if missing:
        return [], "missing_columns:" + ", ".join(missing)
    unknown = [c for c in header if c not in allowed]
    if unknown:
        return [], "unknown_columns:" + ", ".join(unknown)
    rows = []
    for row in reader:
        if len(rows) >= MAX_ROWS:
            return [], "too_many_rows"
        if None in row:  # more cells than columns
            rows.append((reader.line_num, {"__extra__": "1"}))
            continue
        rows.append((reader.line_num, {k: _unquote(v) for k, v in row.items()}))
    return rows, None


def _texts(row: dict, fields, locales) -> dict[str, dict[str, str]]:
    return {l: {f: row.get(f"{f}_{l}", "") for f in fields} for l in locales}


def _slug_errors(line: int, slug: str, seen: set[str], *, max_length: int) -> list[RowError]:
    """A row's slug must be a clean slug and appear once in the file."""
    if not slug or slugify(slug, max_length) != slug:
        return [RowError(line, "slug", "bad_slug")]
    if slug in seen:
        return [RowError(line, "slug", "duplicate_in_file")]
    return []


def import_producers(session, data: bytes, locales) -> ImportReport:
    """Create or update producers by slug; the caller commits or rolls back."""
    columns = producer_columns(locales)
    rows, file_error = _read(data, ["slug", "type", "name_vi"], columns)
    report = ImportReport(rows=len(rows), file_error=file_error)
    if file_error:
        return report
    localities = {l.slug: l.id for l in session.scalars(select(Locality))}
    seen: set[str] = set()
    touched: list[Producer] = []
    for line, row in rows:
        errors = []
        if "__extra__" in row:
            report.errors.append(RowError(line, "", "too_many_cells"))
            continue
        slug = row["slug"]
        errors += _slug_errors(line, slug, seen, max_length=100)
        if row["type"] not in set(ProducerType):
            errors.append(RowError(line, "type", "unknown_type"))
        if row.get("locality") and row["locality"] not in localities:
            errors.append(RowError(line, "locality", "unknown_locality"))
        if not row.get("name_vi"):
            errors.append(RowError(line, "name_vi", "required"))
        for column, limit in (("phone", 40), ("email", 200), ("website", 200), ("address", 300)):
            if len(row.get(column, "")) > limit:
                errors.append(RowError(line, column, "too_long"))
        for l in locales:
            if len(row.get(f"name_{l}", "")) > 200:
                errors.append(RowError(line, f"name_{l}", "too_long"))
            if len(row.get(f"summary_{l}", "")) > 500:
                errors.append(RowError(line, f"summary_{l}", "too_long"))
            if not row.get(f"name_{l}") and (row.get(f"summary_{l}") or row.get(f"story_{l}")):
                errors.append(RowError(line, f"name_{l}", "required"))
        if errors:
            report.errors += errors
            continue
        seen.add(slug)
        producer = session.scalar(select(Producer).where(Producer.slug == slug))
        if producer is None:
            producer = Producer(slug=slug, type=row["type"])
            session.add(producer)
            report.created += 1
        else:
            report.updated += 1
        producer.type = row["type"]
        producer.locality_id = localities.get(row.get("locality") or "")
        for column in ("phone", "email", "website", "address"):
            setattr(producer, column, row.get(column, ""))
        by_locale = {t.locale: t for t in producer.translations}
        for l, values in _texts(row, ("name", "summary", "story"), locales).items():
            if not values["name"]:
                if l in by_locale:
                    producer.translations.remove(by_locale[l])
                continue
            translation = by_locale.get(l) or ProducerTranslation(locale=l, name="")
            if l not in by_locale:
                producer.translations.append(translation)
            translation.name, translation.summary, translation.story = values["name"], values["summary"], values["story"]
        touched.append(producer)
    if report.ok:
        session.flush()
        for producer in touched:
            search.reindex_producer(session, producer)
    return report


def _int(value: str, low: int, high: int) -> int | None:
    if not value.isdigit():
        return None
    number = int(value)
    return number if low <= number <= high else None


def import_products(session, data: bytes, locales, now: datetime) -> ImportReport:
    """Create or update products (and their first packaging) by slug; the caller commits or rolls back."""
    columns = product_columns(locales)
    rows, file_error = _read(data, ["slug", "producer", "group", "name_vi", "price_vnd"],
                             columns + PRODUCT_EXPORT_EXTRA)
    report = ImportReport(rows=len(rows), file_error=file_error)
    if file_error:
        return report
    producers = {p.slug: p.id for p in session.scalars(select(Producer))}
    groups = {g.code: g.id for g in session.scalars(select(OcopGroup))}
    seen: set[str] = set()
    touched: list[Product] = []
    for line, row in rows:
        errors = []
        if "__extra__" in row:
            report.errors.append(RowError(line, "", "too_many_cells"))
            continue
        slug = row["slug"]
        errors += _slug_errors(line, slug, seen, max_length=120)
        if row["producer"] not in producers:
            errors.append(RowError(line, "producer", "unknown_producer"))
        if row["group"] not in groups:
            errors.append(RowError(line, "group", "unknown_group"))
        status = row.get("status") or ProductStatus.PUBLISHED
        if status not in IMPORT_STATUSES:
            errors.append(RowError(line, "status", "unknown_status"))
        if not row.get("name_vi"):
            errors.append(RowError(line, "name_vi", "required"))
        for l in locales:
            if len(row.get(f"name_{l}", "")) > 200:
                errors.append(RowError(line, f"name_{l}", "too_long"))
            if len(row.get(f"summary_{l}", "")) > 500:
                errors.append(RowError(line, f"summary_{l}", "too_long"))
            if not row.get(f"name_{l}") and (row.get(f"summary_{l}") or row.get(f"description_{l}")):
                errors.append(RowError(line, f"name_{l}", "required"))
        container = row.get("container") or Container.PACK
        unit = row.get("unit") or Unit.PIECE
        if container not in set(Container):
            errors.append(RowError(line, "container", "unknown_container"))
        if unit not in set(Unit):
            errors.append(RowError(line, "unit", "unknown_unit"))
        quantity = _int(row.get("quantity") or "1", 1, 1_000_000)
        price = _int(row.get("price_vnd", ""), 1, 1_000_000_000)
        stock = _int(row.get("stock") or "0", 0, 10_000_000)
        for column, value in (("quantity", quantity), ("price_vnd", price), ("stock", stock)):
            if value is None:
                errors.append(RowError(line, column, "not_a_whole_number"))
        if errors:
            report.errors += errors
            continue
        seen.add(slug)
        product = session.scalar(select(Product).where(Product.slug == slug))
        if product is None:
            product = Product(slug=slug, code=new_code("P"))
            session.add(product)
            report.created += 1
        else:
            report.updated += 1
        product.producer_id, product.group_id, product.status = producers[row["producer"]], groups[row["group"]], status
        if status == ProductStatus.PUBLISHED and product.published_at is None:
            product.published_at = now
        by_locale = {t.locale: t for t in product.translations}
        for l, values in _texts(row, ("name", "summary", "description"), locales).items():
            if not values["name"]:
                if l in by_locale:
                    product.translations.remove(by_locale[l])
                continue
            translation = by_locale.get(l) or ProductTranslation(locale=l)
            if l not in by_locale:
                product.translations.append(translation)
            translation.name, translation.summary, translation.description = \
                values["name"], values["summary"], values["description"]
            translation.sort_key = sort_key(values["name"], l)
        if product.packagings:
            packaging = product.packagings[0]
        else:
            packaging = Packaging(position=0, active=True)
            product.packagings.append(packaging)
        packaging.container, packaging.quantity, packaging.unit = container, quantity, unit
        packaging.price_vnd, packaging.stock = price, stock
        refresh_price_from(product)
        touched.append(product)
    if report.ok:
        session.flush()
        for product in touched:
            session.refresh(product)
            search.reindex_product(session, product)
    return report


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def export_products(session, locales, today: date) -> bytes:
    """Every product as CSV (UTF-8 with BOM), in the import's columns plus its certificate."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = product_columns(locales)
    writer.writerow(columns + PRODUCT_EXPORT_EXTRA)
    for product in session.scalars(select(Product).order_by(Product.id)).unique():
        texts = {t.locale: t for t in product.translations}
        packaging = product.packagings[0] if product.packagings else None
        badge = badge_for(product, today)
        row = {"slug": product.slug, "producer": product.producer.slug, "group": product.group.code,
               "status": product.status, "code": product.code, "stars": badge.stars or "",
               "decision_number": badge.decision_number or "",
               "valid_until": badge.valid_until.isoformat() if badge.valid_until else "",
               "certificate_status": badge.status or ""}
        for l in locales:
            for f in ("name", "summary", "description"):
                row[f"{f}_{l}"] = getattr(texts[l], f) if l in texts else ""
        if packaging is not None:
            row.update(container=packaging.container, quantity=packaging.quantity, unit=packaging.unit,
                       price_vnd=packaging.price_vnd, stock=packaging.stock)
        writer.writerow([_cell(row.get(c, "")) for c in columns + PRODUCT_EXPORT_EXTRA])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


ORDER_COLUMNS = ["code", "created_at", "status", "payment_method", "payment_status", "customer_name", "phone",
                 "email", "fulfilment", "province", "commune", "street", "sales_point", "lines", "producers",
                 "subtotal_vnd", "shipping_vnd", "total_vnd", "province_code", "commune_code", "invoice_company",
                 "invoice_tax_code", "invoice_address", "invoice_email", "invoices"]


def export_orders(rows, tz: str):
    """Orders as CSV (UTF-8 with BOM, formula cells quoted), yielded in chunks: a large export is never held whole.

    rows: (order, latest payment status) pairs, as shop.orders.admin.iter_orders gives them.
    """
    zone = ZoneInfo(tz)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ORDER_COLUMNS)
    yield ("\ufeff" + out.getvalue()).encode("utf-8")
    out.seek(0)
    out.truncate()
    for count, (order, payment_status) in enumerate(rows, start=1):
        # SQLite hands back naive UTC.
        created = order.created_at if order.created_at.tzinfo else order.created_at.replace(tzinfo=timezone.utc)
        producers = list(dict.fromkeys(line.producer_name for line in order.lines))
        row = {"code": order.code, "created_at": created.astimezone(zone).isoformat(timespec="seconds"),
               "status": order.status, "payment_method": order.payment_method, "payment_status": payment_status or "",
               "customer_name": order.customer_name, "phone": order.phone, "email": order.email,
               "fulfilment": order.fulfilment, "province": order.province, "commune": order.commune,
               "street": order.street, "sales_point": order.sales_point.slug if order.sales_point else "",
               "lines": "; ".join(f"{l.product_name} · {l.packaging_label} × {l.quantity}" for l in order.lines),
               "producers": "; ".join(producers), "subtotal_vnd": order.subtotal_vnd,
               "shipping_vnd": order.shipping_vnd, "total_vnd": order.total_vnd,
               "province_code": order.province_code, "commune_code": order.commune_code,
               "invoice_company": order.invoice_company, "invoice_tax_code": order.invoice_tax_code,
               "invoice_address": order.invoice_address, "invoice_email": order.invoice_email,
               "invoices": "; ".join(f"{i.number} {i.issued_on.isoformat()} {i.producer_name}"
                                     for i in order.invoices)}
        writer.writerow([_cell(row[c]) for c in ORDER_COLUMNS])
        if count % 200 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")
