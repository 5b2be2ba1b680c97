"""The sales point staff's pages (/staff): what their own point carries, in the user's language.

Only sales point staff are admitted (the OCOP office keeps every point's range in the back office,
so an admin here gets 403, as in the producer portal). Every service call takes the staff user's
own sales point id, so a product carried only by another point is a 404.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import require_roles
from shop.accounts.models import Role
from shop.catalog.search import MAX_QUERY_LENGTH
from shop.clock import today
from shop.extensions import db
from shop.forms import EmptyForm
from shop.i18n import current_locale
from shop.messages import STAFF, message
from shop.places import staff
from shop.places.staff import StaffError
from shop.staff.forms import AddByCodeForm

bp = Blueprint("staff", __name__, url_prefix="/staff")
bp.before_request(require_roles(Role.SALES_POINT_STAFF))


def _point_id() -> int:
    # The blueprint admits sales point staff only; the id then scopes every service call.
    return current_user.sales_point_id


def _point():
    try:
        return staff.get_point(db.session, _point_id())
    except StaffError:
        abort(404)


def _check_token() -> None:
    # CSRFProtect has already refused a missing or bad token; this keeps the form explicit.
    if not EmptyForm().validate_on_submit():
        abort(400)


def _render_dashboard(form=None, status=200):
    point = _point()
    carried = staff.carried_products(db.session, point.id, locale=current_locale(), today=today())
    return render_template("staff/dashboard.html", point=point, carried=carried,
                           form=form or AddByCodeForm(formdata=None), action_form=EmptyForm(formdata=None),
                           locales=current_app.config["LOCALES"]), status


@bp.get("/")
def dashboard():
    """The point's products with producer, stars, price and the in-stock flag; print and kiosk links."""
    return _render_dashboard()


@bp.get("/products/find")
def find():
    """Search published products the point does not carry yet, by code or by words in any language."""
    point = _point()
    query = request.args.get("q", "").strip()
    error = None
    try:
        found = staff.find_products(db.session, point.id, query)
    except StaffError as exc:
        found, error = [], message(exc, STAFF)
    return render_template("staff/find.html", point=point, query=query, found=found, error=error,
                           action_form=EmptyForm(formdata=None)), 400 if error else 200


@bp.post("/products/add")
def add_by_code():
    """Start carrying a published product by the code on its label."""
    form = AddByCodeForm()
    if not form.validate_on_submit():
        return _render_dashboard(form, status=400)
    try:
        product = staff.add_product_by_code(db.session, _point_id(), form.code.data)
    except StaffError as exc:
        db.session.rollback()
        form.code.errors.append(message(exc, STAFF))
        return _render_dashboard(form, status=400)
    db.session.commit()
    flash(_("%(code)s is now carried here, in stock.", code=product.code))
    return redirect(url_for("staff.dashboard"))


@bp.post("/products/<int:product_id>/add")
def add_product(product_id: int):
    """Start carrying a product picked from the search; an unpublished or unknown product is a 404."""
    _check_token()
    try:
        product = staff.add_product(db.session, _point_id(), product_id)
    except StaffError as exc:
        db.session.rollback()
        if exc.code == "unknown_product":
            abort(404)
        flash(message(exc, STAFF))
    else:
        db.session.commit()
        flash(_("%(code)s is now carried here, in stock.", code=product.code))
    query = request.form.get("q", "").strip()[:MAX_QUERY_LENGTH]
    return redirect(url_for("staff.find", q=query) if query else url_for("staff.dashboard"))


def _change(product_id: int, action, message: str):
    _check_token()
    try:
        action(db.session, _point_id(), product_id)
    except StaffError:
        # Not carried by this point (perhaps by another one): nothing to see here.
        db.session.rollback()
        abort(404)
    db.session.commit()
    flash(message)
    return redirect(url_for("staff.dashboard") + f"#product-{product_id}")


@bp.post("/products/<int:product_id>/remove")
def remove_product(product_id: int):
    """Stop carrying a product at this point."""
    return _change(product_id, staff.remove_product, _("The product is no longer listed at your sales point."))


@bp.post("/products/<int:product_id>/out-of-stock")
def out_of_stock(product_id: int):
    """Mark a carried product as out of stock at this point (it stays listed, flagged)."""
    return _change(product_id, lambda s, p, i: staff.set_in_stock(s, p, i, False),
                   _("Marked out of stock at your sales point."))


@bp.post("/products/<int:product_id>/in-stock")
def back_in_stock(product_id: int):
    """Mark a carried product as back on this point's shelves."""
    return _change(product_id, lambda s, p, i: staff.set_in_stock(s, p, i, True),
                   _("Marked back in stock at your sales point."))
