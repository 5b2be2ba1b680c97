"""Back office: producers, their texts and their portal accounts."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts import services as accounts
from shop.backoffice.forms import ProducerBase
from shop.backoffice.views.blueprint import PRODUCER_FIELDS, bp, invite_form, send_invitation
from shop.extensions import db
from shop.forms import fill_texts, options, texts_of, with_texts
from shop.i18n import LANGUAGE_NAMES, current_locale, locales, translated
from shop.labels import PRODUCER_TYPES
from shop.messages import OFFICE, message
from shop.places import services as places
from shop.producers import services as producers
from shop.producers.models import Producer, ProducerType


def _producer_form(producer=None):
    form = with_texts(ProducerBase, PRODUCER_FIELDS, locales())(obj=producer)
    form.type.choices = options((t.value, PRODUCER_TYPES[t]) for t in ProducerType)
    form.locality.choices = options([(0, "—")] + [(loc.id, translated(loc, "name").text)
                                                  for loc in places.localities(db.session, current_locale())])
    if producer is not None and not form.is_submitted():
        fill_texts(form, producer.translations, PRODUCER_FIELDS)
        form.locality.data = producer.locality_id or 0
    return form


@bp.get("/producers")
def producer_list():
    """Every producer with its users."""
    rows = producers.list_producers(db.session, locale=current_user.locale)
    return render_template("backoffice/producers.html", rows=rows)


@bp.route("/producers/new", methods=["GET", "POST"])
def producer_new():
    """Add a producer."""
    form = _producer_form()
    if form.validate_on_submit():
        try:
            producer = producers.create_producer(
                db.session, slug=form.slug.data or "", type=form.type.data, locality_id=form.locality.data or None,
                contact={k: form[k].data for k in ("phone", "email", "website", "address")},
                texts=texts_of(form, PRODUCER_FIELDS, locales()))
        except producers.ProducerError as error:
            db.session.rollback()
            form.slug.errors.append(message(error, OFFICE))
        else:
            db.session.commit()
            flash(_("Producer added."))
            return redirect(url_for("backoffice.producer_edit", producer_id=producer.id))
    return render_template("backoffice/producer_form.html", form=form, producer=None, locales=locales(),
                           fields=PRODUCER_FIELDS, language_names=LANGUAGE_NAMES)


@bp.route("/producers/<int:producer_id>", methods=["GET", "POST"])
def producer_edit(producer_id: int):
    """Edit a producer and invite its users."""
    producer = db.session.get(Producer, producer_id)
    if producer is None:
        abort(404)
    form = _producer_form(producer)
    if form.validate_on_submit():
        try:
            producers.update_producer(
                db.session, producer_id, type=form.type.data, locality_id=form.locality.data or None,
                contact={k: form[k].data for k in ("phone", "email", "website", "address")},
                texts=texts_of(form, PRODUCER_FIELDS, locales()))
        except producers.ProducerError as error:
            db.session.rollback()
            flash(message(error, OFFICE))
        else:
            db.session.commit()
            flash(_("Saved."))
            return redirect(url_for("backoffice.producer_edit", producer_id=producer_id))
    return render_template("backoffice/producer_form.html", form=form, producer=producer, locales=locales(),
                           fields=PRODUCER_FIELDS, language_names=LANGUAGE_NAMES,
                           users=accounts.users_of_producer(db.session, producer_id), invite_form=invite_form())


@bp.post("/producers/<int:producer_id>/invite")
def producer_invite(producer_id: int):
    """Create a producer user and mail them a link to choose their password."""
    producer = db.session.get(Producer, producer_id)
    if producer is None:
        abort(404)
    send_invitation(lambda email, locale: accounts.invite_producer_user(
        db.session, producer_id=producer_id, email=email, locale=locale))
    return redirect(url_for("backoffice.producer_edit", producer_id=producer_id))
