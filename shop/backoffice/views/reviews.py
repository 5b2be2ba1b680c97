"""Back office: the review queue of listings producers sent."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.backoffice.forms import RejectForm
from shop.backoffice.views.blueprint import bp
from shop.catalog import mail as catalog_mail
from shop.catalog import reviews
from shop.catalog.services import CatalogError
from shop.extensions import db
from shop.forms import EmptyForm
from shop.i18n import LANGUAGE_NAMES, locales
from shop.mailer import mail_base_url
from shop.models_base import utcnow


@bp.get("/reviews")
def review_queue():
    """Listings waiting for the office."""
    return render_template("backoffice/reviews.html", products=reviews.review_queue(db.session))


@bp.get("/reviews/<int:product_id>")
def review_detail(product_id: int):
    """A listing in every language, as the public will see it, with approve and reject."""
    try:
        product = reviews.get_pending(db.session, product_id)
    except CatalogError:
        abort(404)
    return render_template("backoffice/review.html", product=product, locales=locales(),
                           language_names=LANGUAGE_NAMES, reject_form=RejectForm(formdata=None))


@bp.post("/reviews/<int:product_id>/approve")
def review_approve(product_id: int):
    """Publish the listing and add it to search."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        reviews.approve(db.session, product_id, reviewer_id=current_user.id, now=datetime.now(timezone.utc))
    except CatalogError:
        abort(404)
    db.session.commit()
    flash(_("Published."))
    return redirect(url_for("backoffice.review_queue"))


@bp.post("/reviews/<int:product_id>/reject")
def review_reject(product_id: int):
    """Send the listing back with a reason, mailed to the producer's users in their language."""
    form = RejectForm()
    try:
        product = reviews.get_pending(db.session, product_id)
    except CatalogError:
        abort(404)
    if not form.validate_on_submit():
        return render_template("backoffice/review.html", product=product, locales=locales(),
                               language_names=LANGUAGE_NAMES, reject_form=form), 400
    reviews.reject(db.session, product_id, reviewer_id=current_user.id, reason=form.reason.data)
    catalog_mail.queue_rejection_mails(db.session, product, form.reason.data.strip(), base_url=mail_base_url(),
                                       now=utcnow())
    db.session.commit()
    flash(_("Sent back to the producer."))
    return redirect(url_for("backoffice.review_queue"))
