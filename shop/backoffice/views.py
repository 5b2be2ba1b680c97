"""The OCOP office's back office (/backoffice): reviews, producers, certificates, figures."""
from __future__ import annotations



from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, stream_with_context,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts import mail as account_mail
from shop.accounts import services as accounts
from shop.accounts.access import require_roles
from shop.accounts.models import Role
from shop.backoffice import charts, csv_io, stats
from shop.backoffice.forms import (CertificateForm, FairBase, InviteForm, OrderActionForm, ProducerBase, RevokeForm,
                                   SalesPointBase)
from shop.catalog import certificates
from shop.catalog import services as catalog
from shop.catalog.services import CatalogError
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.forms import EmptyForm, fill_texts, language_choices, options, texts_of, with_texts
from shop.i18n import LANGUAGE_NAMES, current_locale, locales, translated
from shop.inputs import query_int
from shop.labels import AWARD_KINDS, FAIR_KINDS, ORDER_STATUSES, PRODUCER_TYPES, SALES_POINT_KINDS
from shop.mailer import mail_base_url
from shop.messages import OFFICE, message
from shop.models_base import utcnow
from shop.money import format_vnd
from shop.orders import admin as orders_admin
from shop.orders.models import Order
from shop.orders.rules import OrderError
from shop.orders.services import payment_of
from shop.payments.registry import all_methods, any_method
from shop.places import admin as places_admin
from shop.places import services as places
from shop.places.models import Fair, FairKind, SalesPoint, SalesPointKind
from shop.producers import services as producers
from shop.producers.models import Producer, ProducerType
from shop.template_env import fdate

bp = Blueprint("backoffice", __name__, url_prefix="/backoffice")
bp.before_request(require_roles(Role.ADMIN))

PRODUCER_FIELDS = ("name", "summary", "story")


@bp.get("/")
def dashboard():
    """Programme figures as charts: products by group and stars, producers by type and locality,
    certificates lapsing by month, orders and revenue by month."""
    day = today()
    groups = {g.code: g for g in catalog.groups(db.session)}
    by_group = stats.products_by_top_group(db.session)
    group_rows = [(f"{code} · {translated(groups[code], 'name').text}" if code in groups else code, n)
                  for code, n in sorted(by_group.items(), key=lambda item: _roman(item[0]))]
    by_stars = stats.products_by_stars(db.session, day)
    star_rows = [(_("%(n)d stars", n=s), by_stars.get(s, 0)) for s in (3, 4, 5)]
    by_type = stats.producers_by_type(db.session)
    type_rows = [(str(PRODUCER_TYPES[t]), by_type.get(t, 0)) for t in ProducerType]
    locality_rows = [(translated(loc, "name").text if loc else _("No locality"), n)
                     for loc, n in stats.producers_by_locality(db.session)]
    month_rows = [(fdate(month, "MMM yyyy"), n) for month, n in stats.certificates_expiring_by_month(db.session, day)]
    by_month = stats.orders_by_month(db.session, day, current_app.config["BABEL_DEFAULT_TIMEZONE"])
    locale = current_locale()
    return render_template(
        "backoffice/dashboard.html", totals=stats.totals(db.session), rated=sum(by_stars.values()),
        charts=[
            charts.bar_chart("chart-groups", _("Products by group"), group_rows),
            charts.bar_chart("chart-stars", _("Products with a valid certificate, by stars"), star_rows),
            charts.bar_chart("chart-types", _("Producers by type"), type_rows),
            charts.bar_chart("chart-localities", _("Producers by locality"), locality_rows),
            charts.bar_chart("chart-expiring", _("Certificates lapsing, by month"), month_rows),
            charts.bar_chart("chart-orders", _("Orders by month (confirmed or later, last 12 months)"),
                             [(fdate(month, "MMM yyyy"), n) for month, n, _total in by_month]),
            charts.bar_chart("chart-revenue", _("Revenue by month (confirmed or later, last 12 months)"),
                             [(fdate(month, "MMM yyyy"), total) for month, _n, total in by_month],
                             value_text=lambda amount: format_vnd(amount, locale)),
        ])


def _roman(code: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, char in enumerate(code):
        value = values.get(char, 0)
        total += -value if index + 1 < len(code) and values.get(code[index + 1], 0) > value else value
    return total


# --- review queue: shop/backoffice/review_views.py ------------------------------------------


# --- producers ------------------------------------------------------------------------------


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
                           users=accounts.users_of_producer(db.session, producer_id), invite_form=_invite_form())


def _invite_form(bound: bool = False):
    form = InviteForm() if bound else InviteForm(formdata=None)
    form.locale.choices = language_choices(locales())
    return form


@bp.post("/producers/<int:producer_id>/invite")
def producer_invite(producer_id: int):
    """Create a producer user and mail them a link to choose their password."""
    producer = db.session.get(Producer, producer_id)
    if producer is None:
        abort(404)
    form = _invite_form(bound=True)
    if form.validate_on_submit():
        try:
            user = accounts.invite_producer_user(db.session, producer_id=producer_id, email=form.email.data,
                                                 locale=form.locale.data)
        except accounts.AccountError as error:
            db.session.rollback()
            flash(message(error, OFFICE))
        else:
            account_mail.queue_password_mail(db.session, user, accounts.INVITE, base_url=mail_base_url(),
                                             now=utcnow())
            db.session.commit()
            flash(_("Invitation sent to %(email)s.", email=user.email))
    else:
        flash(message("invalid_email", OFFICE))
    return redirect(url_for("backoffice.producer_edit", producer_id=producer_id))


# --- certificates ---------------------------------------------------------------------------


@bp.get("/certificates")
def certificate_list():
    """Every certificate, and those lapsing in the next 90 days."""
    day = today()
    return render_template("backoffice/certificates.html", day=day,
                           certificates=certificates.list_certificates(db.session),
                           expiring=certificates.expiring_certificates(db.session, day),
                           days=certificates.EXPIRING_DAYS)


CERTIFICATE_ROWS = 8


@bp.route("/certificates/new", methods=["GET", "POST"])
def certificate_new():
    """Record a decision with its products and stars."""
    form = CertificateForm()
    line_errors: list[tuple[int, str]] = []
    if form.validate_on_submit():
        # The picker's rows come first, as lines of the same shape as the bulk text.
        picked = []
        for n in range(CERTIFICATE_ROWS):
            code = (request.form.get(f"row-{n}-product") or "").strip().split(" ")[0][:120]
            if code:
                picked.append(" ".join([code, (request.form.get(f"row-{n}-stars") or "")[:3],
                                        (request.form.get(f"row-{n}-score") or "")[:3],
                                        (request.form.get(f"row-{n}-kind") or "new")[:20]]))
        awards, errors = certificates.parse_award_lines(db.session, "\n".join(picked + [form.awards.data or ""]))
        line_errors = [(n, message(code, OFFICE)) for n, code in errors]
        if not errors:
            try:
                certificate = catalog.record_certificate(
                    db.session, decision_number=form.decision_number.data.strip(),
                    decision_date=form.decision_date.data, authority=form.authority.data.strip(), awards=awards)
            except CatalogError as error:
                db.session.rollback()
                form.decision_number.errors.append(message(error, OFFICE))
            else:
                kept = catalog.newer_awards_kept(db.session, certificate)
                db.session.commit()
                flash(_("Certificate %(number)s recorded.", number=certificate.decision_number))
                for award, current in kept:
                    flash(_("%(product)s keeps its newer certificate %(number)s of %(date)s as the current one; "
                            "this older decision is kept as history.",
                            product=translated(award.product, "name").text,
                            number=current.certificate.decision_number,
                            date=fdate(current.certificate.decision_date)), "warning")
                return redirect(url_for("backoffice.certificate_detail", certificate_id=certificate.id))
    return render_template("backoffice/certificate_form.html", form=form, line_errors=line_errors,
                           rows=CERTIFICATE_ROWS, award_kinds=AWARD_KINDS,
                           choices=catalog.product_choices(db.session, limit=2000)), \
        400 if form.is_submitted() else 200


@bp.get("/certificates/<int:certificate_id>")
def certificate_detail(certificate_id: int):
    """A certificate's products and stars, with the revoke form."""
    try:
        certificate = certificates.get_certificate(db.session, certificate_id)
    except CatalogError:
        abort(404)
    return render_template("backoffice/certificate.html", certificate=certificate, day=today(),
                           revoke_form=RevokeForm(formdata=None))


@bp.post("/certificates/<int:certificate_id>/revoke")
def certificate_revoke(certificate_id: int):
    """Revoke a certificate: its products lose the OCOP mark at once."""
    form = RevokeForm()
    try:
        certificate = certificates.get_certificate(db.session, certificate_id)
    except CatalogError:
        abort(404)
    if form.validate_on_submit():
        try:
            certificates.revoke_certificate(db.session, certificate_id, on=today(), reason=form.reason.data)
        except CatalogError as error:
            db.session.rollback()
            flash(message(error, OFFICE))
        else:
            db.session.commit()
            flash(_("Certificate revoked."))
        return redirect(url_for("backoffice.certificate_detail", certificate_id=certificate_id))
    return render_template("backoffice/certificate.html", certificate=certificate, day=today(),
                           revoke_form=form), 400


# --- sales points and fairs -------------------------------------------------------------------


def _place_error(error) -> list[str]:
    if error.code == "bad_lines":
        return [_("Line %(n)d: %(message)s", n=n, message=message(code, OFFICE)) for n, code in error.lines]
    return [message(error, OFFICE)]


def _locality_options():
    return options([(0, "—")] + [(loc.id, translated(loc, "name").text) for loc in places.localities(db.session, current_locale())])


@bp.get("/sales-points")
def sales_point_list():
    """Every sales point, shown or not."""
    return render_template("backoffice/sales_points.html", points=places_admin.all_sales_points(db.session))


@bp.route("/sales-points/new", methods=["GET", "POST"], defaults={"sales_point_id": None})
@bp.route("/sales-points/<int:sales_point_id>", methods=["GET", "POST"])
def sales_point_edit(sales_point_id: int | None):
    """A sales point's details, texts and the products it carries."""
    point = None
    if sales_point_id is not None:
        point = db.session.get(SalesPoint, sales_point_id)
        if point is None:
            abort(404)
    form = with_texts(SalesPointBase, places_admin.POINT_FIELDS, locales())(obj=point)
    form.kind.choices = options((k.value, SALES_POINT_KINDS[k]) for k in SalesPointKind)
    form.locality.choices = _locality_options()
    if point is not None and not form.is_submitted():
        fill_texts(form, point.translations, places_admin.POINT_FIELDS)
        form.locality.data = point.locality_id or 0
        form.products.data = places_admin.carried_codes(db.session, point)
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            point = places_admin.save_sales_point(
                db.session, sales_point_id, slug=form.slug.data or "", kind=form.kind.data,
                locality_id=form.locality.data or None, phone=form.phone.data, opening_hours=form.opening_hours.data,
                latitude=form.latitude.data, longitude=form.longitude.data, active=form.active.data,
                texts=texts_of(form, places_admin.POINT_FIELDS, locales()), product_codes=form.products.data)
        except places_admin.PlacesError as error:
            db.session.rollback()
            errors = _place_error(error)
        else:
            db.session.commit()
            flash(_("Saved."))
            return redirect(url_for("backoffice.sales_point_edit", sales_point_id=point.id))
    return render_template("backoffice/place_form.html", form=form, obj=point, errors=errors, locales=locales(),
                           fields=places_admin.POINT_FIELDS, language_names=LANGUAGE_NAMES,
                           heading=_("Sales point"), list_field="products",
                           staff=accounts.staff_of_point(db.session, point.id) if point else None,
                           invite_form=_invite_form(),
                           extra=["kind", "locality", "phone", "opening_hours", "latitude", "longitude", "active"]), \
        400 if errors or (form.is_submitted() and form.errors) else 200


@bp.post("/sales-points/<int:sales_point_id>/invite")
def sales_point_invite(sales_point_id: int):
    """Create a staff account for the sales point and mail them a link to choose their password."""
    point = db.session.get(SalesPoint, sales_point_id)
    if point is None:
        abort(404)
    form = _invite_form(bound=True)
    if form.validate_on_submit():
        try:
            user = accounts.invite_staff_user(db.session, sales_point_id=sales_point_id, email=form.email.data,
                                              locale=form.locale.data)
        except accounts.AccountError as error:
            db.session.rollback()
            flash(message(error, OFFICE), "error")
        else:
            account_mail.queue_password_mail(db.session, user, accounts.INVITE, base_url=mail_base_url(),
                                             now=utcnow())
            db.session.commit()
            flash(_("Invitation sent to %(email)s.", email=user.email))
    else:
        flash(message("invalid_email", OFFICE), "error")
    return redirect(url_for("backoffice.sales_point_edit", sales_point_id=sales_point_id) + "#staff", 303)


@bp.get("/fairs")
def fair_list():
    """Every fair, latest first."""
    return render_template("backoffice/fairs.html", fairs=list(reversed(places.all_fairs(db.session))))


@bp.route("/fairs/new", methods=["GET", "POST"], defaults={"fair_id": None})
@bp.route("/fairs/<int:fair_id>", methods=["GET", "POST"])
def fair_edit(fair_id: int | None):
    """A fair's dates, texts, and its participants with their booth numbers."""
    fair = None
    if fair_id is not None:
        fair = db.session.get(Fair, fair_id)
        if fair is None:
            abort(404)
    form = with_texts(FairBase, places_admin.FAIR_FIELDS, locales())(obj=fair)
    form.kind.choices = options((k.value, FAIR_KINDS[k]) for k in FairKind)
    form.locality.choices = _locality_options()
    if fair is not None and not form.is_submitted():
        fill_texts(form, fair.translations, places_admin.FAIR_FIELDS)
        form.locality.data = fair.locality_id or 0
        form.participants.data = places_admin.participant_lines(fair)
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            fair = places_admin.save_fair(
                db.session, fair_id, slug=form.slug.data or "", kind=form.kind.data, starts_on=form.starts_on.data,
                ends_on=form.ends_on.data, locality_id=form.locality.data or None,
                texts=texts_of(form, places_admin.FAIR_FIELDS, locales()), participants=form.participants.data)
        except places_admin.PlacesError as error:
            db.session.rollback()
            errors = _place_error(error)
        else:
            db.session.commit()
            flash(_("Saved."))
            return redirect(url_for("backoffice.fair_edit", fair_id=fair.id))
    return render_template("backoffice/place_form.html", form=form, obj=fair, errors=errors, locales=locales(),
                           fields=places_admin.FAIR_FIELDS, language_names=LANGUAGE_NAMES,
                           heading=_("Fair"), list_field="participants",
                           extra=["kind", "starts_on", "ends_on", "locality"]), \
        400 if errors or (form.is_submitted() and form.errors) else 200


# --- CSV: the import is in shop/backoffice/import_views.py -------------------------------------

@bp.get("/export/products.csv")
def csv_export_products():
    """Every product as CSV, UTF-8 with a byte-order mark for spreadsheet programs."""
    body = csv_io.export_products(db.session, locales(), today())
    return current_app.response_class(body, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=ocop-products-{today().isoformat()}.csv"})


# --- orders -----------------------------------------------------------------------------------

ORDER_FILTER_FIELDS = ("status", "producer", "method", "from", "to")


def _order_query():
    try:
        return orders_admin.parse_query(request.args)
    except OrderError as error:
        raise bad_request({
            "status": _("Choose a status from the list."),
            "producer": _("Choose a producer from the list."),
            "method": _("Choose a payment method from the list."),
            "from": _("Write the dates as year-month-day."),
            "to": _("Write the dates as year-month-day, the last one not before the first."),
        }.get(error.params.get("field"), _("A filter is not valid."))) from None


def _actor() -> str:
    return f"office:{current_user.id}"


@bp.get("/orders")
def order_list():
    """Orders, newest first, filtered by status, producer, payment method and dates, a page at a time."""
    query = _order_query()
    page = query_int(request.args, "page", low=1, high=99_999, default=1)
    found = orders_admin.search_orders(db.session, query, tz=current_app.config["BABEL_DEFAULT_TIMEZONE"],
                                       page=page)
    filters = {name: request.args.get(name, "") for name in ORDER_FILTER_FIELDS}
    return render_template("backoffice/orders.html", found=found, filters=filters, statuses=ORDER_STATUSES,
                           producers=producers.list_producers(db.session, locale=current_user.locale),
                           methods=all_methods(),
                           export_url=url_for("backoffice.order_export",
                                              **{k: v for k, v in filters.items() if v}))


@bp.get("/orders/export.csv")
def order_export():
    """The filtered orders as CSV (UTF-8 with BOM), streamed."""
    query = _order_query()
    tz = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    body = stream_with_context(csv_io.export_orders(orders_admin.iter_orders(db.session, query, tz=tz), tz,
                                                    label=_code_label))
    return current_app.response_class(body, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=ocop-orders-{today().isoformat()}.csv"})


def _action_form(order, bound: bool) -> OrderActionForm:
    form = OrderActionForm() if bound else OrderActionForm(formdata=None)
    form.to.choices = options((s.value, ORDER_STATUSES[s]) for s in orders_admin.manual_next(order))
    return form


def _load_order(order_id: int):
    try:
        return orders_admin.get_order(db.session, order_id)
    except OrderError:
        abort(404)


@bp.get("/orders/<int:order_id>")
def order_detail(order_id: int):
    """An order: lines with each producer's progress, delivery, payment, history, and the allowed actions."""
    order = _load_order(order_id)
    payment = payment_of(db.session, order)
    return render_template("backoffice/order.html", order=order, payment=payment,
                           method=any_method(order.payment_method),
                           actions=orders_admin.actions_for(order, payment), form=_action_form(order, False))


def _order_action(order_id: int, action, done: str, *, needs_status: bool = False):
    order = _load_order(order_id)
    form = _action_form(order, bound=True)
    if not needs_status:
        form.to.validate_choice = False
    if not form.validate_on_submit() or (needs_status and not form.to.data):
        payment = payment_of(db.session, order)
        return render_template("backoffice/order.html", order=order, payment=payment,
                               method=any_method(order.payment_method),
                               actions=orders_admin.actions_for(order, payment), form=form), 400
    try:
        action(order_id, form)
    except OrderError as error:
        db.session.rollback()
        flash(message(error, OFFICE))
    else:
        db.session.commit()
        flash(done)
    return redirect(url_for("backoffice.order_detail", order_id=order_id), 303)


def _code_label(column: str, code: str) -> str:
    """An order export's code in the reader's language (the export keeps the code beside it)."""
    from shop.labels import FULFILMENTS, PAYMENT_STATUSES
    if column == "payment_method":
        method = any_method(code)
        return str(method.label) if method else code
    table = {"status": ORDER_STATUSES, "payment_status": PAYMENT_STATUSES, "fulfilment": FULFILMENTS}[column]
    return str(table.get(code, code))


@bp.post("/orders/<int:order_id>/status")
def order_status(order_id: int):
    """Move the order to a status the transition table allows; the buyer is mailed when it is ready for pickup."""
    response = _order_action(order_id, lambda oid, form: orders_admin.set_status(
        db.session, oid, form.to.data, actor=_actor(), now=utcnow(), note=form.note.data or ""),
        _("Status changed."), needs_status=True)
    order = db.session.get(Order, order_id)
    if getattr(response, "status_code", None) == 303 and order is not None and order.status == "ready_for_pickup" \
            and request.form.get("to") == "ready_for_pickup":
        from shop.orders import mail
        order_url = url_for("orders.order_page", locale=order.locale, token=order.token, _external=True)
        mail.queue_ready_for_pickup(db.session, order, order_url=order_url, base_url=mail_base_url(), now=utcnow())
        db.session.commit()
    return response


@bp.post("/orders/<int:order_id>/paid")
def order_mark_paid(order_id: int):
    """Record that the order's full amount arrived."""
    return _order_action(order_id, lambda oid, form: orders_admin.mark_paid(
        db.session, oid, actor=_actor(), now=utcnow(), note=form.note.data or ""), _("Payment recorded."))


@bp.post("/orders/<int:order_id>/cancel")
def order_cancel(order_id: int):
    """Cancel an unpaid order; its stock goes back on sale."""
    return _order_action(order_id, lambda oid, form: orders_admin.cancel(
        db.session, oid, actor=_actor(), now=utcnow(), note=form.note.data or ""), _("Order cancelled."))


@bp.post("/orders/<int:order_id>/refund")
def order_refund(order_id: int):
    """Refund a paid order through its payment method."""
    return _order_action(order_id, lambda oid, form: orders_admin.refund(
        db.session, oid, actor=_actor(), now=utcnow(), config=current_app.config, note=form.note.data or ""), _("Order refunded."))


@bp.get("/translations")
def translation_status():
    """Per locale other than Vietnamese: which shown products, producers, sales points and fairs lack a translation."""
    from shop.backoffice.completeness import missing_translations
    report = {code: missing_translations(db.session, code) for code in locales() if code != "vi"}
    return render_template("backoffice/translations.html", report=report, language_names=LANGUAGE_NAMES)


# Views by subject that live in their own modules register on this blueprint when imported here.
from shop.backoffice import import_views, review_views  # noqa: E402,F401
