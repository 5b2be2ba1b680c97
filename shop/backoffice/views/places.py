"""Back office: sales points and fairs. Both are places with texts in every language, a kind, a
locality and a list (the products a point carries, a fair's participants): one editor serves both."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from shop.accounts import services as accounts
from shop.backoffice.forms import FairBase, SalesPointBase
from shop.backoffice.views.blueprint import bp, invite_form, send_invitation
from shop.extensions import db
from shop.forms import fill_texts, options, texts_of, with_texts
from shop.i18n import LANGUAGE_NAMES, current_locale, locales, translated
from shop.labels import FAIR_KINDS, SALES_POINT_KINDS
from shop.messages import OFFICE, message
from shop.places import admin as places_admin
from shop.places import services as places
from shop.places.models import Fair, FairKind, SalesPoint, SalesPointKind


@dataclass(frozen=True)
class PlaceEditor:
    """What differs between the sales point and the fair editor; the page and the flow are the same."""

    model: type
    form_base: type
    fields: tuple[str, ...]  # the translated texts
    kinds: dict  # kind enum member → label
    list_field: str  # the form's list: carried product codes, or participant lines
    extra: list[str]  # the other form fields the page shows, in order
    heading: Callable[[], str]
    endpoint: str  # the edit page, taking the id as id_arg
    id_arg: str
    list_of: Callable[[object], object]  # the stored list, as the form shows it
    save: Callable[..., object]  # (session, id or None, form, texts) → the saved place; raises PlacesError
    more: Callable[[object], dict] = lambda place: {}  # what else the page shows of a place (or None)


def _save_sales_point(session, sales_point_id, form, texts):
    return places_admin.save_sales_point(
        session, sales_point_id, slug=form.slug.data or "", kind=form.kind.data,
        locality_id=form.locality.data or None, phone=form.phone.data, opening_hours=form.opening_hours.data,
        latitude=form.latitude.data, longitude=form.longitude.data, active=form.active.data,
        texts=texts, product_codes=form.products.data)


def _save_fair(session, fair_id, form, texts):
    return places_admin.save_fair(
        session, fair_id, slug=form.slug.data or "", kind=form.kind.data, starts_on=form.starts_on.data,
        ends_on=form.ends_on.data, locality_id=form.locality.data or None, texts=texts,
        participants=form.participants.data)


SALES_POINTS = PlaceEditor(
    model=SalesPoint, form_base=SalesPointBase, fields=places_admin.POINT_FIELDS,
    kinds={k: SALES_POINT_KINDS[k] for k in SalesPointKind}, list_field="products",
    extra=["kind", "locality", "phone", "opening_hours", "latitude", "longitude", "active"],
    heading=lambda: _("Sales point"), endpoint="backoffice.sales_point_edit", id_arg="sales_point_id",
    list_of=lambda point: places_admin.carried_codes(db.session, point), save=_save_sales_point,
    more=lambda point: {"staff": accounts.staff_of_point(db.session, point.id) if point else None,
                        "invite_form": invite_form()})
FAIRS = PlaceEditor(
    model=Fair, form_base=FairBase, fields=places_admin.FAIR_FIELDS,
    kinds={k: FAIR_KINDS[k] for k in FairKind}, list_field="participants",
    extra=["kind", "starts_on", "ends_on", "locality"],
    heading=lambda: _("Fair"), endpoint="backoffice.fair_edit", id_arg="fair_id",
    list_of=places_admin.participant_lines, save=_save_fair)


def _place_error(error) -> list[str]:
    if error.code == "bad_lines":
        return [_("Line %(n)d: %(message)s", n=n, message=message(code, OFFICE)) for n, code in error.lines]
    return [message(error, OFFICE)]


def _locality_options():
    return options([(0, "—")] + [(loc.id, translated(loc, "name").text)
                                 for loc in places.localities(db.session, current_locale())])


def _edit(editor: PlaceEditor, place_id: int | None):
    """The editor's page for a new place (place_id None) or an existing one; saves a valid form."""
    place = None
    if place_id is not None:
        place = db.session.get(editor.model, place_id)
        if place is None:
            abort(404)
    form = with_texts(editor.form_base, editor.fields, locales())(obj=place)
    form.kind.choices = options((k.value, label) for k, label in editor.kinds.items())
    form.locality.choices = _locality_options()
    if place is not None and not form.is_submitted():
        fill_texts(form, place.translations, editor.fields)
        form.locality.data = place.locality_id or 0
        form[editor.list_field].data = editor.list_of(place)
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            place = editor.save(db.session, place_id, form, texts_of(form, editor.fields, locales()))
        except places_admin.PlacesError as error:
            db.session.rollback()
            errors = _place_error(error)
        else:
            db.session.commit()
            flash(_("Saved."))
            return redirect(url_for(editor.endpoint, **{editor.id_arg: place.id}))
    return render_template("backoffice/place_form.html", form=form, obj=place, errors=errors, locales=locales(),
                           fields=editor.fields, language_names=LANGUAGE_NAMES, heading=editor.heading(),
                           list_field=editor.list_field, extra=editor.extra, **editor.more(place)), \
        400 if errors or (form.is_submitted() and form.errors) else 200


@bp.get("/sales-points")
def sales_point_list():
    """Every sales point, shown or not."""
    return render_template("backoffice/sales_points.html", points=places_admin.all_sales_points(db.session))


@bp.route("/sales-points/new", methods=["GET", "POST"], defaults={"sales_point_id": None})
@bp.route("/sales-points/<int:sales_point_id>", methods=["GET", "POST"])
def sales_point_edit(sales_point_id: int | None):
    """A sales point's details, texts and the products it carries."""
    return _edit(SALES_POINTS, sales_point_id)


@bp.get("/fairs")
def fair_list():
    """Every fair, latest first."""
    return render_template("backoffice/fairs.html", fairs=list(reversed(places.all_fairs(db.session))))


@bp.route("/fairs/new", methods=["GET", "POST"], defaults={"fair_id": None})
@bp.route("/fairs/<int:fair_id>", methods=["GET", "POST"])
def fair_edit(fair_id: int | None):
    """A fair's dates, texts, and its participants with their booth numbers."""
    return _edit(FAIRS, fair_id)


@bp.post("/sales-points/<int:sales_point_id>/invite")
def sales_point_invite(sales_point_id: int):
    """Create a staff account for the sales point and mail them a link to choose their password."""
    point = db.session.get(SalesPoint, sales_point_id)
    if point is None:
        abort(404)
    send_invitation(lambda email, locale: accounts.invite_staff_user(
        db.session, sales_point_id=sales_point_id, email=email, locale=locale))
    return redirect(url_for("backoffice.sales_point_edit", sales_point_id=sales_point_id) + "#staff", 303)
