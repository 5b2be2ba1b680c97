"""CSV import of producers and products (exports: shop.backoffice.csv_export; kept files: shop.backoffice.uploads).

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
from datetime import date, datetime

from sqlalchemy import select

from shop.catalog import search
from shop.catalog.models import Container, OcopGroup, Packaging, Product, ProductStatus, ProductTranslation, Unit
from shop.catalog.services import new_code, refresh_price_from
from shop.money import parse_whole_amount
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
    # The cell as the file has it, so the office sees what is wrong without opening the file.
    value: str = ""


# Flags of a row that the office must confirm before the import applies it.
FLAG_PRODUCER_CHANGE = "producer_change"
FLAG_UNPUBLISH_CERTIFIED = "unpublish_certified"


@dataclass
class RowPlan:
    """What the import does to one row: create or update, and each field that changes (old, new)."""

    line: int
    slug: str
    action: str  # "create" | "update"
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str | None = None
    plan: list[RowPlan] = field(default_factory=list)
    delimiter: str = ","
    # True once the rows were written to the session (the caller then commits).
    applied: bool = False

    @property
    def ok(self) -> bool:
        return self.file_error is None and not self.errors

    @property
    def flagged(self) -> list[RowPlan]:
        return [p for p in self.plan if p.flags]


def _unquote(value: str | None) -> str:
    value = (value or "").strip()
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_START:
        return value[1:]
    return value


DELIMITERS = (",", ";", "\t")


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the header line into the most cells (outside quotes).

    Spreadsheets in locales with a decimal comma write semicolons; csv.Sniffer guesses from the whole
    sample and is fooled by commas inside Vietnamese text, so only the header line is read.
    """
    header = text.split("\n", 1)[0]
    counts = {}
    for delimiter in DELIMITERS:
        try:
            counts[delimiter] = len(next(csv.reader([header], delimiter=delimiter), []))
        except csv.Error:
            counts[delimiter] = 0
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties keep the comma (first)
    return best if counts[best] > 1 else ","


def _read(data: bytes, required: list[str], allowed: list[str]) -> tuple[list[tuple[int, dict]], str | None, str]:
    try:
        text = data.decode("utf-8-sig")  # with or without a byte-order mark
    except UnicodeDecodeError:
        return [], "not_utf8", ","
    delimiter = detect_delimiter(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        return [], "empty_file", delimiter
    reader.fieldnames = header
    missing = [c for c in required if c not in header]
    if missing:
        return [], "missing_columns:" + ", ".join(missing), delimiter
    unknown = [c for c in header if c not in allowed]
    if unknown:
        return [], "unknown_columns:" + ", ".join(unknown), delimiter
    rows = []
    for row in reader:
        if len(rows) >= MAX_ROWS:
            return [], "too_many_rows", delimiter
        if None in row:  # more cells than columns
            rows.append((reader.line_num, {"__extra__": "1"}))
            continue
        rows.append((reader.line_num, {k: _unquote(v) for k, v in row.items()}))
    return rows, None, delimiter


def _texts(row: dict, fields, locales) -> dict[str, dict[str, str]]:
    return {l: {f: row.get(f"{f}_{l}", "") for f in fields} for l in locales}


def _slug_errors(line: int, row: dict, seen: set[str], *, max_length: int) -> list[RowError]:
    """A row's slug must be a clean slug and appear once in the file."""
    slug = row["slug"]
    if not slug or slugify(slug, max_length) != slug:
        return [_error(line, row, "slug", "bad_slug")]
    if slug in seen:
        return [_error(line, row, "slug", "duplicate_in_file")]
    return []


def _error(line: int, row: dict, column: str, code: str) -> RowError:
    return RowError(line, column, code, (row.get(column) or "")[:200])


def import_producers(session, data: bytes, locales, *, apply: bool = True) -> ImportReport:
    """Check every row, plan a create or an update by slug, and write them all when apply and no row
    has an error; the caller commits when report.applied, and rolls back otherwise."""
    columns = producer_columns(locales)
    rows, file_error, delimiter = _read(data, ["slug", "type", "name_vi"], columns)
    report = ImportReport(rows=len(rows), file_error=file_error, delimiter=delimiter)
    if file_error:
        return report
    localities = {l.slug: l.id for l in session.scalars(select(Locality))}
    existing = {p.slug: p for p in session.scalars(select(Producer).where(
        Producer.slug.in_([row.get("slug", "") for _line, row in rows])))} if rows else {}
    seen: set[str] = set()
    checked: list[tuple[dict, Producer | None]] = []
    for line, row in rows:
        errors = []
        if "__extra__" in row:
            report.errors.append(RowError(line, "", "too_many_cells"))
            continue
        slug = row["slug"]
        errors += _slug_errors(line, row, seen, max_length=100)
        if row["type"] not in set(ProducerType):
            errors.append(_error(line, row, "type", "unknown_type"))
        if row.get("locality") and row["locality"] not in localities:
            errors.append(_error(line, row, "locality", "unknown_locality"))
        if not row.get("name_vi"):
            errors.append(_error(line, row, "name_vi", "required"))
        for column, limit in (("phone", 40), ("email", 200), ("website", 200), ("address", 300)):
            if len(row.get(column, "")) > limit:
                errors.append(_error(line, row, column, "too_long"))
        for l in locales:
            if len(row.get(f"name_{l}", "")) > 200:
                errors.append(_error(line, row, f"name_{l}", "too_long"))
            if len(row.get(f"summary_{l}", "")) > 500:
                errors.append(_error(line, row, f"summary_{l}", "too_long"))
            if not row.get(f"name_{l}") and (row.get(f"summary_{l}") or row.get(f"story_{l}")):
                errors.append(_error(line, row, f"name_{l}", "required"))
        if errors:
            report.errors += errors
            continue
        seen.add(slug)
        producer = existing.get(slug)
        plan = RowPlan(line, slug, "update" if producer else "create")
        if producer is not None and producer.type != row["type"]:
            plan.changes.append(("type", producer.type, row["type"]))
        report.plan.append(plan)
        checked.append((row, producer))
    report.created = sum(1 for p in report.plan if p.action == "create")
    report.updated = len(report.plan) - report.created
    if not (apply and report.ok):
        return report
    touched: list[Producer] = []
    for row, producer in checked:
        if producer is None:
            producer = Producer(slug=row["slug"], type=row["type"])
            session.add(producer)
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
            translation.sort_key = sort_key(values["name"], l)
        touched.append(producer)
    session.flush()
    for producer in touched:
        search.reindex_producer(session, producer)
    report.applied = True
    return report


def _int(value: str, low: int, high: int) -> int | None:
    number = parse_whole_amount(value)
    return number if number is not None and low <= number <= high else None


def _is_certified(product: Product, today: date) -> bool:
    award = product.current_award
    return award is not None and award.certificate.status_on(today) == "valid"


def import_products(session, data: bytes, locales, now: datetime, *, apply: bool = True,
                    confirmed: bool = False) -> ImportReport:
    """Check every row and plan its create or update by slug with what changes (producer, status, price,
    stock); write them all only when apply, no row has an error, and any row that moves a product to
    another producer or unpublishes a certified product is confirmed. The caller commits when
    report.applied, and rolls back otherwise."""
    columns = product_columns(locales)
    rows, file_error, delimiter = _read(data, ["slug", "producer", "group", "name_vi", "price_vnd"],
                                        columns + PRODUCT_EXPORT_EXTRA)
    report = ImportReport(rows=len(rows), file_error=file_error, delimiter=delimiter)
    if file_error:
        return report
    today = now.date()
    producers = {p.slug: p.id for p in session.scalars(select(Producer))}
    producer_slugs = {v: k for k, v in producers.items()}
    groups = {g.code: g.id for g in session.scalars(select(OcopGroup))}
    existing = {p.slug: p for p in session.scalars(select(Product).where(
        Product.slug.in_([row.get("slug", "") for _line, row in rows]))).unique()} if rows else {}
    seen: set[str] = set()
    checked: list[tuple[dict, Product | None, dict]] = []
    for line, row in rows:
        errors = []
        if "__extra__" in row:
            report.errors.append(RowError(line, "", "too_many_cells"))
            continue
        slug = row["slug"]
        errors += _slug_errors(line, row, seen, max_length=120)
        if row["producer"] not in producers:
            errors.append(_error(line, row, "producer", "unknown_producer"))
        if row["group"] not in groups:
            errors.append(_error(line, row, "group", "unknown_group"))
        status = row.get("status") or ProductStatus.PUBLISHED
        if status not in IMPORT_STATUSES:
            errors.append(_error(line, row, "status", "unknown_status"))
        if not row.get("name_vi"):
            errors.append(_error(line, row, "name_vi", "required"))
        for l in locales:
            if len(row.get(f"name_{l}", "")) > 200:
                errors.append(_error(line, row, f"name_{l}", "too_long"))
            if len(row.get(f"summary_{l}", "")) > 500:
                errors.append(_error(line, row, f"summary_{l}", "too_long"))
            if not row.get(f"name_{l}") and (row.get(f"summary_{l}") or row.get(f"description_{l}")):
                errors.append(_error(line, row, f"name_{l}", "required"))
        container = row.get("container") or Container.PACK
        unit = row.get("unit") or Unit.PIECE
        if container not in set(Container):
            errors.append(_error(line, row, "container", "unknown_container"))
        if unit not in set(Unit):
            errors.append(_error(line, row, "unit", "unknown_unit"))
        quantity = _int(row.get("quantity") or "1", 1, 1_000_000)
        price = _int(row.get("price_vnd", ""), 1, 1_000_000_000)
        stock = _int(row.get("stock") or "0", 0, 10_000_000)
        for column, value in (("quantity", quantity), ("price_vnd", price), ("stock", stock)):
            if value is None:
                errors.append(_error(line, row, column, "not_a_whole_number"))
        if errors:
            report.errors += errors
            continue
        seen.add(slug)
        product = existing.get(slug)
        values = {"producer_id": producers[row["producer"]], "status": status, "container": container,
                  "quantity": quantity, "unit": unit, "price_vnd": price, "stock": stock}
        report.plan.append(_plan_product(line, slug, product, values, producer_slugs, today))
        checked.append((row, product, values))
    report.created = sum(1 for p in report.plan if p.action == "create")
    report.updated = len(report.plan) - report.created
    if not (apply and report.ok) or (report.flagged and not confirmed):
        return report
    touched: list[Product] = []
    for row, product, values in checked:
        if product is None:
            product = Product(slug=row["slug"], code=new_code("P"))
            session.add(product)
        product.producer_id, product.group_id, product.status = \
            values["producer_id"], groups[row["group"]], values["status"]
        if values["status"] == ProductStatus.PUBLISHED and product.published_at is None:
            product.published_at = now
        by_locale = {t.locale: t for t in product.translations}
        for l, texts in _texts(row, ("name", "summary", "description"), locales).items():
            if not texts["name"]:
                if l in by_locale:
                    product.translations.remove(by_locale[l])
                continue
            translation = by_locale.get(l) or ProductTranslation(locale=l)
            if l not in by_locale:
                product.translations.append(translation)
            translation.name, translation.summary, translation.description = \
                texts["name"], texts["summary"], texts["description"]
            translation.sort_key = sort_key(texts["name"], l)
        if product.packagings:
            packaging = product.packagings[0]
        else:
            packaging = Packaging(position=0, active=True)
            product.packagings.append(packaging)
        packaging.container, packaging.quantity, packaging.unit = values["container"], values["quantity"], values["unit"]
        packaging.price_vnd, packaging.stock = values["price_vnd"], values["stock"]
        refresh_price_from(product)
        touched.append(product)
    session.flush()
    for product in touched:
        session.refresh(product)
        search.reindex_product(session, product)
    report.applied = True
    return report


def _plan_product(line: int, slug: str, product: Product | None, values: dict, producer_slugs: dict,
                  today: date) -> RowPlan:
    """The row's effect on the product (or the new product's values), with the flags to confirm."""
    new_producer = producer_slugs[values["producer_id"]]
    if product is None:
        return RowPlan(line, slug, "create", [("producer", "", new_producer), ("status", "", values["status"]),
                                              ("price_vnd", "", str(values["price_vnd"])),
                                              ("stock", "", str(values["stock"]))])
    plan = RowPlan(line, slug, "update")
    packaging = product.packagings[0] if product.packagings else None
    if product.producer_id != values["producer_id"]:
        plan.changes.append(("producer", producer_slugs.get(product.producer_id, ""), new_producer))
        plan.flags.append(FLAG_PRODUCER_CHANGE)
    if product.status != values["status"]:
        plan.changes.append(("status", product.status, values["status"]))
        if product.status == ProductStatus.PUBLISHED and _is_certified(product, today):
            plan.flags.append(FLAG_UNPUBLISH_CERTIFIED)
    for column in ("price_vnd", "stock"):
        old = getattr(packaging, column) if packaging is not None else None
        if old != values[column]:
            plan.changes.append((column, "" if old is None else str(old), str(values[column])))
    return plan
