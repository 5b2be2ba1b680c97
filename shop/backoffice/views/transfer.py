"""Back office: CSV import of producers and products, and the product export."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from shop.backoffice import csv_export, csv_io
from shop.backoffice.forms import ImportForm
from shop.backoffice.views.blueprint import bp
from shop.clock import today
from shop.extensions import db
from shop.forms import options
from shop.i18n import locales


CSV_MESSAGES = {
    "not_utf8": lambda: _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."),
    "empty_file": lambda: _("The file is empty."),
    "too_many_rows": lambda: _("The file has too many rows."),
    "unknown_type": lambda: _("Unknown producer type."),
    "unknown_locality": lambda: _("Unknown locality."),
    "unknown_producer": lambda: _("No producer has this address (slug)."),
    "unknown_group": lambda: _("Unknown product group."),
    "unknown_status": lambda: _("The status must be draft, published or withdrawn."),
    "unknown_container": lambda: _("Unknown container."),
    "unknown_unit": lambda: _("Unknown unit."),
    "required": lambda: _("This cell is required."),
    "too_long": lambda: _("This text is too long."),
    "bad_slug": lambda: _("Use lower-case letters without accents, digits and hyphens."),
    "duplicate_in_file": lambda: _("This row repeats an earlier one."),
    "not_a_whole_number": lambda: _("Write a whole number (price above zero)."),
    "too_many_cells": lambda: _("This row has more cells than the header."),
}


def _csv_message(code: str) -> str:
    name, _sep, detail = code.partition(":")
    if name == "missing_columns":
        return _("Columns missing: %(columns)s", columns=detail)
    if name == "unknown_columns":
        return _("Unknown columns: %(columns)s", columns=detail)
    return CSV_MESSAGES.get(name, lambda: name)()


@bp.route("/import", methods=["GET", "POST"])
def csv_import():
    """Import producers or products from CSV: check first, then apply all rows or none."""
    form = ImportForm()
    form.kind.choices = options([("producers", _("Producers")), ("products", _("Products"))])
    report = None
    if form.validate_on_submit():
        data = form.file.data.stream.read()
        if form.kind.data == "producers":
            report = csv_io.import_producers(db.session, data, locales())
        else:
            report = csv_io.import_products(db.session, data, locales(), datetime.now(timezone.utc))
        if report.ok and not form.dry_run.data:
            db.session.commit()
            flash(_("Imported: %(created)d added, %(updated)d updated.", created=report.created, updated=report.updated))
            return redirect(url_for("backoffice.csv_import"))
        db.session.rollback()
    return render_template("backoffice/import.html", form=form, report=report, message=_csv_message,
                           producer_columns=csv_io.producer_columns(locales()),
                           product_columns=csv_io.product_columns(locales())), \
        400 if report is not None and not report.ok else 200


@bp.get("/export/products.csv")
def csv_export_products():
    """Every product as CSV, UTF-8 with a byte-order mark for spreadsheet programs."""
    body = csv_export.export_products(db.session, locales(), today())
    return current_app.response_class(body, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=ocop-products-{today().isoformat()}.csv"})
