"""The producer portal (/portal): a producer's own profile and listings, in the user's language."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import require_roles
from shop.accounts.models import Role
from shop.catalog import listings, photos
from shop.catalog import services as catalog
from shop.catalog.models import ProductStatus
from shop.catalog.services import CatalogError
from shop.errors import bad_request
from shop.extensions import db
from shop.forms import EmptyForm, ProfileBase, fill_texts, options, texts_of, with_texts
from shop.i18n import LANGUAGE_NAMES, locales
from shop.inputs import query_int
from shop.labels import LINE_STATUSES, ORDER_STATUSES
from shop.messages import PRODUCER, message
from shop.models_base import utcnow
from shop.storage import storage
from shop.orders import fulfilment, invoices
from shop.orders.forms import InvoiceRecordForm
from shop.orders.models import LineStatus, OrderStatus
from shop.orders.rules import OrderError
from shop.orders.services import payment_of
from shop.portal.forms import LineFulfilmentForm, ListingBase, PackagingForm, PackagingUpdateForm, PhotoForm
from shop.producers import services as producers
from shop.producers.models import Producer
from shop.clock import today

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
    revisions = listings.open_revisions(db.session, [p.id for p in products])
    return render_template("portal/dashboard.html", products=products, locales=locales(),
                           language_names=LANGUAGE_NAMES, revisions=revisions,
                           completeness={p.id: listings.completeness(p, locales(), revisions.get(p.id))
                                         for p in products},
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
            flash(message(error, PRODUCER), "error")
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


class _Texts:
    """A revision's texts of one locale, shaped like a translation row for fill_texts."""

    def __init__(self, locale: str, values: dict):
        self.locale = locale
        for f in listings.TEXT_FIELDS:
            setattr(self, f, values.get(f, ""))


def _render_edit(product, form=None, packaging_form=None, photo_form=None, status=200, packaging_errors=None):
    revision = listings.open_revision(db.session, product.id)
    if form is None:
        content = revision.content if revision is not None and revision.content.get("texts") else None
        form = _listing_form_class()(group=content["group_id"] if content else product.group_id)
        fill_texts(form, [_Texts(l, v) for l, v in content["texts"].items()] if content else product.translations,
                   listings.TEXT_FIELDS)
    form.group.choices = _group_choices()
    return render_template(
        "portal/product_edit.html", product=product, form=form,
        packaging_form=packaging_form or PackagingForm(formdata=None),
        photo_form=photo_form or PhotoForm(formdata=None), action_form=EmptyForm(formdata=None),
        update_forms={p.id: (packaging_errors or {}).get(p.id) or PackagingUpdateForm(formdata=None, obj=p,
                                                                                         prefix=f"p{p.id}")
                      for p in product.packagings},
        checklist=listings.checklist(product),
        completeness=listings.completeness(product, locales(), revision), locales=locales(), revision=revision,
        fields=listings.TEXT_FIELDS, language_names=LANGUAGE_NAMES,
        review=listings.latest_review(db.session, product.id),
        thumb_side=current_app.config["PHOTO_THUMB_SIDE"]), status


@bp.route("/products/<int:product_id>", methods=["GET", "POST"])
def product_edit(product_id: int):
    """Edit a listing's group and texts; a published listing's edits wait as a revision while it stays on sale."""
    product = _own_product(product_id)
    form = _listing_form_class()()
    form.group.choices = _group_choices()
    if form.validate_on_submit():
        was_published = product.status == ProductStatus.PUBLISHED
        try:
            listings.update_listing(db.session, _producer_id(), product_id, group_id=form.group.data,
                                    texts=texts_of(form, listings.TEXT_FIELDS, locales()), now=utcnow())
        except CatalogError as error:
            db.session.rollback()
            flash(message(error, PRODUCER), "error")
            return _render_edit(_own_product(product_id), form, status=400)
        db.session.commit()
        flash(_("Saved. The published version stays on sale; the OCOP office reviews your changes "
                "and the shop shows them once approved. We mail you the decision.") if was_published
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
        flash(message(error, PRODUCER), "error")
        return _render_edit(_own_product(product_id), packaging_form=form, status=400)
    db.session.commit()
    flash(_("Packaging added."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")


@bp.post("/products/<int:product_id>/packagings/save")
def packagings_save(product_id: int):
    """Save the price, stock and sale state of every packaging at once (all or none)."""
    product = _own_product(product_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    rows, forms, bad = {}, {}, False
    for packaging in product.packagings:
        form = forms[packaging.id] = PackagingUpdateForm(prefix=f"p{packaging.id}", meta={"csrf": False})
        form.validate()
        if form.price_vnd.errors or form.stock.errors:
            bad = True
            continue
        rows[packaging.id] = (form.price_vnd.data, form.stock.data or 0, form.active.data)
    if bad:
        # Everything typed stays in the form, the good rows too.
        flash(_("Nothing was saved: check the highlighted price or stock."), "error")
        return _render_edit(product, status=400, packaging_errors=forms)
    try:
        held = listings.update_packagings(db.session, _producer_id(), product_id, rows, now=utcnow())
    except CatalogError as error:
        db.session.rollback()
        flash(message(error, PRODUCER), "error")
        return _render_edit(_own_product(product_id), status=400)
    db.session.commit()
    flash(_("Saved. A large price change waits for the OCOP office; the rest is live.") if held
          else _("Prices and stock saved."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")


@bp.post("/products/<int:product_id>/packagings/<int:packaging_id>")
def packaging_update(product_id: int, packaging_id: int):
    """Change a packaging's price, stock or whether it is on sale."""
    _own_product(product_id)
    form = PackagingUpdateForm()
    if not form.validate_on_submit():
        flash(_("Check the price and the stock: whole numbers, the price above zero."), "error")
        return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")
    try:
        held = listings.update_packaging(db.session, _producer_id(), product_id, packaging_id,
                                         price_vnd=form.price_vnd.data, stock=form.stock.data or 0,
                                         active=form.active.data, now=utcnow())
    except CatalogError as error:
        db.session.rollback()
        if error.code == "not_found":
            abort(404)
        flash(message(error, PRODUCER), "error")
    else:
        db.session.commit()
        flash(_("Saved. The new price is a large change: it waits for the OCOP office, the stock is saved.")
              if held else _("Packaging saved."))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#packagings")


@bp.post("/products/<int:product_id>/photos")
def photo_add(product_id: int):
    """Upload one or several photos: each checked by its content, re-encoded as WebP without metadata."""
    product = _own_product(product_id)
    form = PhotoForm()
    files = [f for f in (form.photo.data or []) if getattr(f, "filename", "")] if form.validate_on_submit() else []
    if not files:
        form.photo.errors = list(form.photo.errors) + [_("Choose at least one photo.")]
        return _render_edit(product, photo_form=form, status=400)
    config = current_app.config
    limits = photos.PhotoLimits(config["UPLOAD_MAX_BYTES"], config["UPLOAD_MAX_PIXELS"],
                                config["PHOTO_MAX_SIDE"], config["PHOTO_THUMB_SIDE"])
    stored_files = []
    try:
        for upload in files:
            try:
                data = photos.read_limited(upload.stream, limits.max_bytes)
                stored = photos.store(data, storage=storage(), subdir=f"products/{product.id}", limits=limits)
            except photos.PhotoError as error:
                form.photo.errors = [f"{upload.filename}: {message(error, PRODUCER)}"]
                raise
            stored_files.append(stored)
            listings.add_photo(db.session, _producer_id(), product_id, filename=stored.filename,
                               width=stored.width, height=stored.height, max_photos=config["PHOTOS_PER_PRODUCT"])
    except (photos.PhotoError, CatalogError) as error:
        # All or none: a bad file among several keeps none of them.
        db.session.rollback()
        for stored in stored_files:
            photos.remove(storage(), stored.filename, config["PHOTO_THUMB_SIDE"])
        if isinstance(error, CatalogError):
            form.photo.errors = [message(error, PRODUCER)]
        return _render_edit(_own_product(product_id), photo_form=form, status=400)
    db.session.commit()
    flash(_("Photo added.") if len(files) == 1 else _("%(n)d photos added.", n=len(files)))
    return redirect(url_for("portal.product_edit", product_id=product_id) + "#photos")


@bp.post("/products/<int:product_id>/photos/<int:photo_id>/move")
def photo_move(product_id: int, photo_id: int):
    """Make a photo the cover (first), or move it one place earlier or later."""
    _own_product(product_id)
    if not EmptyForm().validate_on_submit() or request.form.get("to") not in ("cover", "earlier", "later"):
        abort(400)
    try:
        listings.move_photo(db.session, _producer_id(), product_id, photo_id, request.form["to"])
    except CatalogError:
        abort(404)
    db.session.commit()
    flash(_("Photo order saved."))
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
    photos.remove(storage(), filename, current_app.config["PHOTO_THUMB_SIDE"])
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
        flash(message(error, PRODUCER), "error")
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
        form.status.data = fulfilment.next_line_status(lines).value
    return form


def _cash(order, lines, payment) -> int:
    return fulfilment.cash_to_collect(order, lines, order.payment_method,
                                      paid=payment is not None and payment.status == "paid")


def _render_order(order, lines, form, status=200, invoice_form=None):
    payment = payment_of(db.session, order)
    return render_template("portal/order.html", order=order, lines=lines, form=form, payment=payment,
                           cash=_cash(order, lines, payment),
                           invoice_form=invoice_form or _invoice_form(order),
                           own_invoice=invoices.producer_invoice(order, _producer_id()),
                           can_mark=order.status in fulfilment.OPEN_FOR_PRODUCERS
                           and any(line.fulfilment_status != LineStatus.SHIPPED for line in lines)), status


@bp.get("/orders/<int:order_id>/packing-slip.pdf")
def packing_slip(order_id: int):
    """A printable packing slip (PDF, in Vietnamese) of this producer's part of an order."""
    from flask_babel import force_locale

    from shop.showroom import pdf
    try:
        order, lines = fulfilment.producer_order(db.session, _producer_id(), order_id)
    except OrderError:
        abort(404)
    payment = payment_of(db.session, order)
    with force_locale("vi"):
        html = render_template("portal/packing_slip.html", order=order, lines=lines,
                               producer=db.session.get(Producer, _producer_id()),
                               cash=_cash(order, lines, payment), slip_locale="vi")
    body = pdf.render(html, allowed_dirs=[current_app.config["MEDIA_DIR"]])
    response = current_app.response_class(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="phieu-dong-goi-{order.code}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


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
        flash(message(error, PRODUCER), "error")
        return redirect(url_for("portal.order_detail", order_id=order_id), 303)
    if form.status.data == LineStatus.SHIPPED:
        # Queued with the change, in its transaction; the worker writes and sends it.
        from shop.orders import mail
        order_url = url_for("orders.order_page", locale=order.locale, token=order.token, _external=True)
        mail.queue_shipping_notice(db.session, order, list(form.lines.data), order_url=order_url, now=utcnow())
    db.session.commit()
    if OrderStatus.SHIPPED in passed:
        flash(_("Saved. Every line of this order is shipped, so the order is now shipped."))
    else:
        flash(_("Saved. The buyer sees the change on the order page."))
    return redirect(url_for("portal.order_detail", order_id=order_id), 303)


def _invoice_form(order, bound: bool = False) -> InvoiceRecordForm:
    if bound:
        return InvoiceRecordForm()
    recorded = invoices.producer_invoice(order, _producer_id())
    return InvoiceRecordForm(formdata=None, number=recorded.number if recorded else "",
                             issued_on=recorded.issued_on if recorded else today())


@bp.post("/orders/<int:order_id>/invoice")
def order_invoice(order_id: int):
    """Record (or correct) the number and date of the VAT invoice this producer issued for its lines."""
    try:
        order, lines = fulfilment.producer_order(db.session, _producer_id(), order_id)
    except OrderError:
        abort(404)
    form = _invoice_form(order, bound=True)
    if not form.validate_on_submit():
        return _render_order(order, lines, _line_form(lines, bound=False), status=400, invoice_form=form)
    try:
        invoices.record_invoice(db.session, _producer_id(), order_id, number=form.number.data,
                                issued_on=form.issued_on.data, producer_name=lines[0].producer_name,
                                actor=fulfilment.actor_for(_producer_id()), today=today(), now=utcnow())
    except invoices.InvoiceError as error:
        db.session.rollback()
        if error.code == "not_found":
            abort(404)
        if error.field in ("number", "issued_on"):
            field = getattr(form, error.field)
            field.errors = [*field.errors, message(error, PRODUCER)]
        else:
            flash(message(error, PRODUCER))
        return _render_order(order, lines, _line_form(lines, bound=False), status=400, invoice_form=form)
    db.session.commit()
    flash(_("Invoice recorded. The buyer sees its number and date on the order page."))
    return redirect(url_for("portal.order_detail", order_id=order_id), 303)
