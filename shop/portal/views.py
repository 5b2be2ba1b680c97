"""The producer portal (/portal): a producer's own profile and listings, in the user's language."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import require_roles
from shop.accounts.forms import EmptyForm
from shop.accounts.models import Role
from shop.catalog import listings, photos
from shop.catalog import services as catalog
from shop.catalog.models import ProductStatus
from shop.catalog.services import CatalogError
from shop.errors import bad_request
from shop.extensions import db
from shop.inputs import query_int
from shop.i18n import locales
from shop.messages import PRODUCER, message
from shop.labels import LINE_STATUSES, ORDER_STATUSES
from shop.models_base import utcnow
from shop.orders import fulfilment
from shop.orders.models import LineStatus, OrderStatus
from shop.orders.rules import OrderError
from shop.orders.services import payment_of
from shop.portal.forms import (LineFulfilmentForm, ListingBase, PackagingForm, PackagingUpdateForm, PhotoForm,
                               ProfileBase, fill_texts, options, texts_of, with_texts)
from shop.producers import services as producers
from shop.producers.models import Producer
from shop.templating import LANGUAGE_NAMES

bp = Blueprint("portal", __name__, url_prefix="/portal")
bp.before_request(require_roles(Role.PRODUCER))

PROFILE_FIELDS = ("name", "summary", "story")


def _producer_id() -> int:
    # The blueprint admits producers only; the id then scopes every service call.
    return current_user.producer_id


def _own_product(product_id: int):
    try:
        return listings.get_own_product(db.session, _producer_id(), product_id)
    except CatalogError:
        abort(404)


def _listing_form_class():
    return with_texts(ListingBase, listings.TEXT_FIELDS, locales())


def _group_choices():
    from shop.i18n import translated
    return options((g.id, f"{g.code} · {translated(g, 'name').text}") for g in catalog.groups(db.session))


@bp.get("/")
def dashboard():
    """The producer's listings with their status and each language's completeness."""
    products = listings.own_products(db.session, _producer_id())
    return render_template("portal/dashboard.html", products=products, locales=locales(),
                           language_names=LANGUAGE_NAMES,
                           completeness={p.id: listings.completeness(p, locales()) for p in products},
                           rejections=listings.latest_rejections(db.session, [p.id for p in products]),
                           producer=db.session.get(Producer, _producer_id()))


@bp.route("/profile", methods=["GET", "POST"])
def profile():
    """The producer's contact details, name, summary and story in every language."""
    producer = db.session.get(Producer, _producer_id())
    form_class = with_texts(ProfileBase, PROFILE_FIELDS, locales())
    form = form_class(obj=producer)
    if not form.is_submitted():
        fill_texts(form, producer.translations, PROFILE_FIELDS)
    if form.validate_on_submit():
        try:
            producers.update_profile(
                db.session, _producer_id(),
                contact={k: form[k].data for k in ("phone", "email", "website", "address")},
                texts=texts_of(form, PROFILE_FIELDS, locales()))
        except producers.ProducerError as error:
            db.session.rollback()
            flash(message(error, PRODUCER))
        else:
            db.session.commit()
            flash(_("Your profile is saved."))
            return redirect(url_for("portal.profile"))
    return render_template("portal/profile.html", form=form, producer=producer, locales=locales(),
                           fields=PROFILE_FIELDS, language_names=LANGUAGE_NAMES)


@bp.route("/products/new", methods=["GET", "POST"])
def product_new():
    """A new listing, saved as a draft."""
    form = _listing_form_class()()
    form.group.choices = _group_choices()
    if form.validate_on_submit():
        try:
            product = listings.create_listing(db.session, _producer_id(), group_id=form.group.data,
                                              texts=texts_of(form, listings.TEXT_FIELDS, locales()))
        except CatalogError as error:
            db.session.rollback()
            form.group.errors.append(message(error, PRODUCER))
        else:
            db.session.commit()
            flash(_("Draft saved. Add packagings and photos, then send it for review."))
            return redirect(url_for("portal.product_edit", product_id=product.id))
    return render_template("portal/product_new.html", form=form, locales=locales(),
                           fields=listings.TEXT_FIELDS, language_names=LANGUAGE_NAMES)


def _render_edit(product, form=None, packaging_form=None, photo_form=None, status=200):
    if form is None:
        form = _listing_form_class()(group=product.group_id)
        fill_texts(form, product.translations, listings.TEXT_FIELDS)
    form.group.choices = _group_choices()
    return render_template(
        "portal/product_edit.html", product=product, form=form,
        packaging_form=packaging_form or PackagingForm(formdata=None),
        photo_form=photo_form or PhotoForm(formdata=None), action_form=EmptyForm(formdata=None),
        update_forms={p.id: PackagingUpdateForm(formdata=None, obj=p) for p in product.packagings},
        completeness=listings.completeness(product, locales()), locales=locales(),
        fields=listings.TEXT_FIELDS, language_names=LANGUAGE_NAMES,
        review=listings.latest_review(db.session, product.id),
        thumb_side=current_app.config["PHOTO_THUMB_SIDE"]), status


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
def product_edit(product_id: int):
    """Edit a listing's group and texts; a published listing goes back for review."""
    product = _own_product(product_id)
    form = _listing_form_class()()
    form.group.choices = _group_choices()
    if form.validate_on_submit():
        was_published = product.status == ProductStatus.PUBLISHED
        try:
            listings.update_listing(db.session, _producer_id(), product_id, group_id=form.group.data,
                                    texts=texts_of(form, listings.TEXT_FIELDS, locales()))
        except CatalogError as error:
            db.session.rollback()
            flash(message(error, PRODUCER))
            return _render_edit(_own_product(product_id), form, status=400)
        db.session.commit()
        flash(_("Saved. The OCOP office will review the changes before they are shown again.") if was_published
              else _("Saved."))
        return redirect(url_for("portal.product_edit", product_id=product_id))
    if form.is_submitted():
        return _render_edit(product, form, status=400)
    return _render_edit(product)


@bp.post("/products/<int:product_id>/packagings")
def packaging_add(product_id: int):
    """Add a packaging (size, price, stock) to a listing."""
    product = _own_product(product_id)
    form = PackagingForm()
    if not form.validate_on_submit():
        return _render_edit(product, packaging_form=form, status=400)
    try:
        listings.add_packaging(db.session, _producer_id(), product_id, container=form.container.data,
                               quantity=form.quantity.data, unit=form.unit.data, price_vnd=form.price_vnd.data,
                               stock=form.stock.data or 0)
    except CatalogError as error:
        db.session.rollback()
        flash(message(error, PRODUCER))
        return _render_edit(_own_product(product_id), packaging_form=form, status=400)
    db.session.commit()
    flash(_("Packaging added."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")


@bp.post("/products/<int:product_id>/packagings/<int:packaging_id>")
def packaging_update(product_id: int, packaging_id: int):
    """Change a packaging's price, stock or whether it is on sale."""
    _own_product(product_id)
    form = PackagingUpdateForm()
    if not form.validate_on_submit():
        flash(_("Check the price and the stock: whole numbers, the price above zero."))
        return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")
    try:
        listings.update_packaging(db.session, _producer_id(), product_id, packaging_id,
                                  price_vnd=form.price_vnd.data, stock=form.stock.data or 0,
                                  active=form.active.data)
    except CatalogError as error:
        db.session.rollback()
        if error.code == "not_found":
            abort(404)
        flash(message(error, PRODUCER))
    else:
        db.session.commit()
        flash(_("Packaging saved."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")


@bp.post("/products/<int:product_id>/photos")
def photo_add(product_id: int):
    """Upload a photo: checked by its content, re-encoded as WebP without metadata."""
    product = _own_product(product_id)
    form = PhotoForm()
    if not form.validate_on_submit():
        return _render_edit(product, photo_form=form, status=400)
    config = current_app.config
    limits = photos.PhotoLimits(config["UPLOAD_MAX_BYTES"], config["UPLOAD_MAX_PIXELS"],
                                config["PHOTO_MAX_SIDE"], config["PHOTO_THUMB_SIDE"])
    try:
        data = photos.read_limited(form.photo.data.stream, limits.max_bytes)
        stored = photos.store(data, media_dir=config["MEDIA_DIR"], subdir=f"products/{product.id}", limits=limits)
    except photos.PhotoError as error:
        form.photo.errors.append(message(error, PRODUCER))
        return _render_edit(product, photo_form=form, status=400)
    try:
        listings.add_photo(db.session, _producer_id(), product_id, filename=stored.filename,
                           width=stored.width, height=stored.height, max_photos=config["PHOTOS_PER_PRODUCT"])
    except CatalogError as error:
        db.session.rollback()
        photos.remove(config["MEDIA_DIR"], stored.filename, config["PHOTO_THUMB_SIDE"])
        form.photo.errors.append(message(error, PRODUCER))
        return _render_edit(_own_product(product_id), photo_form=form, status=400)
    db.session.commit()
    flash(_("Photo added."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#photos")


@bp.post("/products/<int:product_id>/photos/<int:photo_id>/delete")
def photo_delete(product_id: int, photo_id: int):
    """Remove a photo from a listing."""
    _own_product(product_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        filename = listings.remove_photo(db.session, _producer_id(), product_id, photo_id)
    except CatalogError:
        abort(404)
    db.session.commit()
    photos.remove(current_app.config["MEDIA_DIR"], filename, current_app.config["PHOTO_THUMB_SIDE"])
    flash(_("Photo removed."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#photos")


@bp.post("/products/<int:product_id>/submit")
def product_submit(product_id: int):
    """Send a draft to the OCOP office for review (only the office publishes)."""
    _own_product(product_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        listings.submit_for_review(db.session, _producer_id(), product_id)
    except CatalogError as error:
        db.session.rollback()
        flash(message(error, PRODUCER))
    else:
        db.session.commit()
        flash(_("Sent for review. The OCOP office will publish it or tell you what to change."))
    return redirect(url_for("portal.product_edit", product_id=product_id))


# --- orders: the producer's own lines -------------------------------------------------------------


def _page_arg() -> int:
    return query_int(request.args, "page", low=1, high=99_999, default=1)


@bp.get("/orders")
def orders():
    """The orders holding this producer's lines, newest first, filtered by status."""
    status = request.args.get("status", "")
    try:
        found = fulfilment.producer_orders(db.session, _producer_id(), status=status or None, page=_page_arg())
    except OrderError:
        raise bad_request(_("Choose a status from the list.")) from None
    return render_template("portal/orders.html", found=found, status=status, statuses=ORDER_STATUSES,
                           own_lines={o.id: fulfilment.own_lines(o, _producer_id()) for o in found.orders})


def _line_form(lines, bound: bool):
    form = LineFulfilmentForm() if bound else LineFulfilmentForm(formdata=None)
    form.lines.choices = options((line.id, f"{line.product_name} · {line.packaging_label} × {line.quantity}")
                                 for line in lines)
    form.status.choices = options((s.value, LINE_STATUSES[s]) for s in (LineStatus.PREPARING, LineStatus.SHIPPED))
    if not bound:
        form.lines.data = [line.id for line in lines if line.fulfilment_status != LineStatus.SHIPPED]
    return form


def _render_order(order, lines, form, status=200):
    return render_template("portal/order.html", order=order, lines=lines, form=form,
                           payment=payment_of(db.session, order),
                           can_mark=order.status in fulfilment.OPEN_FOR_PRODUCERS
                           and any(line.fulfilment_status != LineStatus.SHIPPED for line in lines)), status


@bp.get("/orders/<int:order_id>")
def order_detail(order_id: int):
    """One order as this producer sees it: its own lines and where to send them."""
    try:
        order, lines = fulfilment.producer_order(db.session, _producer_id(), order_id)
    except OrderError:
        abort(404)
    return _render_order(order, lines, _line_form(lines, bound=False))


@bp.post("/orders/<int:order_id>/lines")
def order_lines_mark(order_id: int):
    """Mark some of this producer's lines preparing or shipped; the order follows."""
    try:
        order, lines = fulfilment.producer_order(db.session, _producer_id(), order_id)
    except OrderError:
        abort(404)
    form = _line_form(lines, bound=True)
    if not form.validate_on_submit():
        return _render_order(order, lines, form, status=400)
    try:
        passed = fulfilment.mark_lines(db.session, _producer_id(), order_id, form.lines.data, form.status.data,
                                       note=form.note.data or "", now=utcnow())
    except OrderError as error:
        db.session.rollback()
        if error.code == "not_found":
            abort(404)
        flash(message(error, PRODUCER))
        return redirect(url_for("portal.order_detail", order_id=order_id), 303)
    db.session.commit()
    if OrderStatus.SHIPPED in passed:
        flash(_("Saved. Every line of this order is shipped, so the order is now shipped."))
    else:
        flash(_("Saved. The buyer sees the change on the order page."))
    return redirect(url_for("portal.order_detail", order_id=order_id), 303)
