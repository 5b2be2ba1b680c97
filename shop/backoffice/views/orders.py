"""Back office: orders, their filters and CSV export, and the actions on one order."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.backoffice import csv_export
from shop.backoffice.forms import OrderActionForm
from shop.backoffice.views.blueprint import bp
from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.forms import options
from shop.inputs import query_int
from shop.labels import ORDER_STATUSES
from shop.mailer import mail_base_url
from shop.messages import OFFICE, message
from shop.models_base import utcnow
from shop.orders import admin as orders_admin
from shop.orders.models import Order
from shop.orders.rules import OrderError
from shop.orders.services import payment_of
from shop.payments.registry import all_methods, any_method
from shop.producers import services as producers


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
    body = stream_with_context(csv_export.export_orders(orders_admin.iter_orders(db.session, query, tz=tz), tz,
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
