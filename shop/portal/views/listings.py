"""Producer portal: a listing's texts, packagings and photos, and sending it for review."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from shop.catalog import listings, photos
from shop.catalog import services as catalog
from shop.catalog.models import ProductStatus
from shop.catalog.services import CatalogError
from shop.extensions import db
from shop.forms import EmptyForm, fill_texts, options, texts_of, with_texts
from shop.i18n import LANGUAGE_NAMES, locales, translated
from shop.messages import PRODUCER, message
from shop.models_base import utcnow
from shop.portal.forms import ListingBase, PackagingForm, PackagingUpdateForm, PhotoForm
from shop.portal.views.blueprint import bp, producer_id
from shop.storage import storage


def _own_product(product_id: int):
    try:
        return listings.get_own_product(db.session, producer_id(), product_id)
    except CatalogError:
        abort(404)


def _listing_form_class():
    return with_texts(ListingBase, listings.TEXT_FIELDS, locales())


def _group_choices():
    return options((g.id, f"{g.code} · {translated(g, 'name').text}") for g in catalog.groups(db.session))


@bp.route("/products/new", methods=["GET", "POST"])
def product_new():
    """A new listing, saved as a draft."""
    form = _listing_form_class()()
    form.group.choices = _group_choices()
    if form.validate_on_submit():
        try:
            product = listings.create_listing(db.session, producer_id(), group_id=form.group.data,
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
            listings.update_listing(db.session, producer_id(), product_id, group_id=form.group.data,
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
        listings.add_packaging(db.session, producer_id(), product_id, container=form.container.data,
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
        held = listings.update_packagings(db.session, producer_id(), product_id, rows, now=utcnow())
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
        held = listings.update_packaging(db.session, producer_id(), product_id, packaging_id,
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
            listings.add_photo(db.session, producer_id(), product_id, filename=stored.filename,
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
        listings.move_photo(db.session, producer_id(), product_id, photo_id, request.form["to"])
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
        filename = listings.remove_photo(db.session, producer_id(), product_id, photo_id)
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
        listings.submit_for_review(db.session, producer_id(), product_id)
    except CatalogError as error:
        db.session.rollback()
        flash(message(error, PRODUCER), "error")
    else:
        db.session.commit()
        flash(_("Sent for review. The OCOP office will publish it or tell you what to change."))
    return redirect(url_for("portal.product_edit", product_id=product_id))
