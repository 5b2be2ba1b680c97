"""Back office: the CSV import (check a file, keep it, show the plan row by row, import it on confirmation)
and the product export. The office's CSV import: check a file, keep it, show the plan row by row, then import it on confirmation."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.backoffice import csv_export, csv_io, uploads
from shop.backoffice.forms import ImportForm
from shop.backoffice.views.blueprint import bp
from shop.clock import today
from shop.extensions import db
from shop.forms import options
from shop.i18n import locales
from shop.models_base import utcnow

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
    "not_a_whole_number": lambda: _("Write a whole number (price above zero), for example 280000 or 280.000."),
    "too_many_cells": lambda: _("This row has more cells than the header."),
}


def _csv_message(code: str) -> str:
    name, _sep, detail = code.partition(":")
    if name == "missing_columns":
        return _("Columns missing: %(columns)s", columns=detail)
    if name == "unknown_columns":
        return _("Unknown columns: %(columns)s", columns=detail)
    return CSV_MESSAGES.get(name, lambda: name)()




def _check(kind: str, data: bytes, *, apply: bool, confirmed: bool = False):
    if kind == "producers":
        return csv_io.import_producers(db.session, data, locales(), apply=apply)
    return csv_io.import_products(db.session, data, locales(), utcnow(), apply=apply, confirmed=confirmed)


def _page(form, report=None, token=None, filename="", status=200):
    return render_template("backoffice/import.html", form=form, report=report, message=_csv_message,
                           upload_token=token, filename=filename,
                           producer_columns=csv_io.producer_columns(locales()),
                           product_columns=csv_io.product_columns(locales())), status


@bp.route("/import", methods=["GET", "POST"])
def csv_import():
    """Check a CSV file: the plan of every row, flags to confirm; the file is kept for the import."""
    form = ImportForm()
    form.kind.choices = options([("producers", _("Producers")), ("products", _("Products"))])
    if not form.validate_on_submit():
        return _page(form, status=400 if form.is_submitted() else 200)
    data = form.file.data.stream.read(uploads.MAX_UPLOAD_BYTES + 1)
    filename = form.file.data.filename or ""
    if len(data) > uploads.MAX_UPLOAD_BYTES:
        form.file.errors = [_("The file is too large: at most %(mb)d MB.", mb=uploads.MAX_UPLOAD_BYTES // 1048576)]
        return _page(form, status=400)
    report = _check(form.kind.data, data, apply=False)
    db.session.rollback()
    if not report.ok:
        return _page(form, report, filename=filename, status=400)
    upload = uploads.keep_upload(db.session, kind=form.kind.data, filename=filename, data=data,
                                user_id=current_user.id, now=utcnow())
    db.session.commit()
    return _page(form, report, token=upload.token, filename=filename)


@bp.post("/import/apply")
def csv_import_apply():
    """Import the file kept at its check: all rows or none; flagged rows only with the confirmation ticked."""
    from shop.forms import EmptyForm
    if not EmptyForm().validate_on_submit():
        abort(400)
    form = ImportForm(formdata=None)
    form.kind.choices = options([("producers", _("Producers")), ("products", _("Products"))])
    try:
        upload = uploads.kept_upload(db.session, request.form.get("token", ""), user_id=current_user.id, now=utcnow())
    except uploads.UploadGone:
        flash(_("This check is too old or unknown: choose the file again."), "error")
        return redirect(url_for("backoffice.csv_import"), 303)
    form.kind.data = upload.kind
    report = _check(upload.kind, upload.data, apply=True, confirmed=request.form.get("confirm") == "y")
    if not report.applied:
        db.session.rollback()
        if report.ok and report.flagged:
            flash(_("Tick the confirmation to import the flagged rows."), "error")
        return _page(form, report, token=upload.token if report.ok else None, filename=upload.filename,
                     status=400)
    db.session.delete(upload)
    db.session.commit()
    flash(_("Imported: %(created)d added, %(updated)d updated.", created=report.created, updated=report.updated))
    return redirect(url_for("backoffice.csv_import"), 303)


@bp.get("/export/products.csv")
def csv_export_products():
    """Every product as CSV, UTF-8 with a byte-order mark for spreadsheet programs."""
    body = csv_export.export_products(db.session, locales(), today())
    return current_app.response_class(body, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=ocop-products-{today().isoformat()}.csv"})
