"""The office's review of listings: first submissions and changes to published listings (revisions)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.backoffice.forms import LimitsForm, RejectForm
from shop.backoffice.views.blueprint import bp
from shop.catalog import listings, reviews
from shop.catalog import mail as catalog_mail
from shop.catalog.services import CatalogError
from shop.extensions import db
from shop.forms import EmptyForm
from shop.i18n import LANGUAGE_NAMES
from shop.i18n import locales
from shop.mailer import mail_base_url
from shop.models_base import utcnow


def _tell_producer(product, *, approved: bool, revision: bool, reason: str = "") -> None:
    """Queue the decision for the producer's portal users in this request's transaction (the outbox sends it)."""
    catalog_mail.queue_decision_mails(db.session, product, approved=approved, revision=revision, reason=reason,
                                      base_url=mail_base_url(), now=utcnow())


@bp.get("/reviews")
def review_queue():
    """New listings and changes to published listings waiting for the office."""
    return render_template("backoffice/reviews.html", products=reviews.review_queue(db.session),
                           revisions=reviews.pending_revisions(db.session),
                           limits=listings.limits(db.session), limits_form=None)


def _render_review(product, form, status=200):
    return render_template("backoffice/review.html", product=product, locales=locales(),
                           language_names=LANGUAGE_NAMES, reject_form=form,
                           earlier=reviews.earlier_reason(db.session, product.id)), status


@bp.get("/reviews/<int:product_id>")
def review_detail(product_id: int):
    """A new listing in every language, as the public will see it, with approve and request changes."""
    try:
        product = reviews.get_pending(db.session, product_id)
    except CatalogError:
        abort(404)
    return _render_review(product, RejectForm(formdata=None))


@bp.post("/reviews/<int:product_id>/approve")
def review_approve(product_id: int):
    """Publish the listing, add it to search, and tell the producer."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        product = reviews.approve(db.session, product_id, reviewer_id=current_user.id, now=utcnow())
    except CatalogError:
        abort(404)
    _tell_producer(product, approved=True, revision=False)
    db.session.commit()
    flash(_("Published."))
    return redirect(url_for("backoffice.review_queue"))


@bp.post("/reviews/<int:product_id>/reject")
def review_reject(product_id: int):
    """Ask for changes with a reason, mailed to the producer's users in their language."""
    form = RejectForm()
    try:
        product = reviews.get_pending(db.session, product_id)
    except CatalogError:
        abort(404)
    if not form.validate_on_submit():
        return _render_review(product, form, 400)
    reviews.reject(db.session, product_id, reviewer_id=current_user.id, reason=form.reason.data)
    _tell_producer(product, approved=False, revision=False, reason=form.reason.data.strip())
    db.session.commit()
    flash(_("Changes requested from the producer."))
    return redirect(url_for("backoffice.review_queue"))


def _render_revision(revision, form, status=200):
    return render_template("backoffice/revision.html", revision=revision, product=revision.product,
                           changes=reviews.revision_diff(db.session, revision, locales()),
                           earlier=reviews.earlier_reason(db.session, revision.product_id),
                           language_names=LANGUAGE_NAMES, reject_form=form), status


def _pending_revision(revision_id: int):
    try:
        return reviews.get_pending_revision(db.session, revision_id)
    except CatalogError:
        abort(404)


@bp.get("/revisions/<int:revision_id>")
def revision_detail(revision_id: int):
    """What a producer changed on a published listing, field by field, with approve and request changes."""
    return _render_revision(_pending_revision(revision_id), RejectForm(formdata=None))


@bp.post("/revisions/<int:revision_id>/approve")
def revision_approve(revision_id: int):
    """Put the changes on the published listing and tell the producer."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    revision = _pending_revision(revision_id)
    reviews.approve_revision(db.session, revision.id, reviewer_id=current_user.id, now=utcnow())
    _tell_producer(revision.product, approved=True, revision=True)
    db.session.commit()
    flash(_("The changes are published."))
    return redirect(url_for("backoffice.review_queue"))


@bp.post("/revisions/<int:revision_id>/reject")
def revision_reject(revision_id: int):
    """Ask for changes to the changes; the published version stays on sale."""
    revision = _pending_revision(revision_id)
    form = RejectForm()
    if not form.validate_on_submit():
        return _render_revision(revision, form, 400)
    reviews.request_revision_changes(db.session, revision.id, reviewer_id=current_user.id,
                                     reason=form.reason.data, now=utcnow())
    _tell_producer(revision.product, approved=False, revision=True, reason=form.reason.data.strip())
    db.session.commit()
    flash(_("Changes requested from the producer."))
    return redirect(url_for("backoffice.review_queue"))


@bp.route("/reviews/limits", methods=["GET", "POST"])
def review_limits():
    """How far producers may move a price without review (stock always changes at once)."""
    limits = listings.limits(db.session)
    form = LimitsForm(obj=limits)
    if form.validate_on_submit():
        listings.set_limits(db.session, max_price_change_percent=form.max_price_change_percent.data, now=utcnow())
        db.session.commit()
        flash(_("Saved."))
        return redirect(url_for("backoffice.review_limits"))
    db.session.commit()  # the default row, created on first visit
    return render_template("backoffice/limits.html", form=form), 400 if form.is_submitted() else 200
