"""CSV export of products and orders.

Exports are UTF-8 with a byte-order mark so that spreadsheet programs read Vietnamese and Chinese
right, and cells that a spreadsheet would run as a formula are quoted. Product columns are the
import's (shop.backoffice.csv_io), so an export can be edited and imported back.
"""
from __future__ import annotations

import csv
import io
from datetime import date, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from shop.backoffice.csv_io import FORMULA_START, PRODUCT_EXPORT_EXTRA, product_columns
from shop.catalog.models import Product
from shop.catalog.services import badge_for


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


LABELLED_ORDER_COLUMNS = ("status", "payment_method", "payment_status", "fulfilment")


def export_orders(rows, tz: str, label=None):
    """Orders as CSV (UTF-8 with BOM, formula cells quoted), yielded in chunks: a large export is never held whole.

    rows: (order, latest payment status) pairs, as shop.orders.admin.iter_orders gives them.
    label(column, code): the code in the reader's language; when given, each coded column is followed by a
    "<column>_label" column (the codes stay for spreadsheets and re-imports).
    """
    columns = ORDER_COLUMNS
    if label is not None:
        columns = []
        for column in ORDER_COLUMNS:
            columns.append(column)
            if column in LABELLED_ORDER_COLUMNS:
                columns.append(f"{column}_label")
    zone = ZoneInfo(tz)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
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
        if label is not None:
            for column in LABELLED_ORDER_COLUMNS:
                row[f"{column}_label"] = label(column, row[column]) if row[column] else ""
        writer.writerow([_cell(row[c]) for c in columns])
        if count % 200 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")
