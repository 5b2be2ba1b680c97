"""Producer portal: the dashboard of the producer's listings, and its own profile."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from shop.catalog import listings
from shop.extensions import db
from shop.forms import ProfileBase, fill_texts, texts_of, with_texts
from shop.i18n import LANGUAGE_NAMES, locales
from shop.messages import PRODUCER, message
from shop.portal.views.blueprint import bp, producer_id
from shop.producers import services as producers
from shop.producers.models import Producer


PROFILE_FIELDS = ("name", "summary", "story")


@bp.get("/")
def dashboard():
    """The producer's listings with their status and each language's completeness."""
    products = listings.own_products(db.session, producer_id())
    revisions = listings.open_revisions(db.session, [p.id for p in products])
    return render_template("portal/dashboard.html", products=products, locales=locales(),
                           language_names=LANGUAGE_NAMES, revisions=revisions,
                           completeness={p.id: listings.completeness(p, locales(), revisions.get(p.id))
                                         for p in products},
                           rejections=listings.latest_rejections(db.session, [p.id for p in products]),
                           producer=db.session.get(Producer, producer_id()))


@bp.route("/profile", methods=["GET", "POST"])
def profile():
    """The producer's contact details, name, summary and story in every language."""
    producer = db.session.get(Producer, producer_id())
    form_class = with_texts(ProfileBase, PROFILE_FIELDS, locales())
    form = form_class(obj=producer)
    if not form.is_submitted():
        fill_texts(form, producer.translations, PROFILE_FIELDS)
    if form.validate_on_submit():
        try:
            producers.update_profile(
                db.session, producer_id(),
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
