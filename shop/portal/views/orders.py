"""Producer portal: the orders holding the producer's own lines, packing slips, invoices, marking lines."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from shop.clock import today
from shop.errors import bad_request
from shop.extensions import db
from shop.forms import options
from shop.inputs import query_int
from shop.labels import LINE_STATUSES, ORDER_STATUSES
from shop.messages import PRODUCER, message
from shop.models_base import utcnow
from shop.orders import fulfilment, invoices
from shop.orders.models import LineStatus, OrderStatus
from shop.orders.rules import OrderError
from shop.orders.services import payment_of
from shop.portal.forms import InvoiceRecordForm, LineFulfilmentForm
from shop.portal.views.blueprint import bp, producer_id
from shop.producers.models import Producer


def _page_arg() -> int:
    return query_int(request.args, "page", low=1, high=99_999, default=1)


@bp.get("/orders")
def orders():
    """The orders holding this producer's lines, newest first, filtered by status."""
    status = request.args.get("status", "")
    try:
        found = fulfilment.producer_orders(db.session, producer_id(), status=status or None, page=_page_arg())
    except OrderError:
        raise bad_request(_("Choose a status from the list.")) from None
    return render_template("portal/orders.html", found=found, status=status, statuses=ORDER_STATUSES,
                           own_lines={o.id: fulfilment.own_lines(o, producer_id()) for o in found.orders})


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
                           own_invoice=invoices.producer_invoice(order, producer_id()),
                           can_mark=order.status in fulfilment.OPEN_FOR_PRODUCERS
                           and any(line.fulfilment_status != LineStatus.SHIPPED for line in lines)), status


@bp.get("/orders/<int:order_id>/packing-slip.pdf")
def packing_slip(order_id: int):
    """A printable packing slip (PDF, in Vietnamese) of this producer's part of an order."""
    from flask_babel import force_locale

    from shop.showroom import pdf
    try:
        order, lines = fulfilment.producer_order(db.session, producer_id(), order_id)
    except OrderError:
        abort(404)
    payment = payment_of(db.session, order)
    with force_locale("vi"):
        html = render_template("portal/packing_slip.html", order=order, lines=lines,
                               producer=db.session.get(Producer, producer_id()),
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
        order, lines = fulfilment.producer_order(db.session, producer_id(), order_id)
    except OrderError:
        abort(404)
    return _render_order(order, lines, _line_form(lines, bound=False))


@bp.post("/orders/<int:order_id>/lines")
def order_lines_mark(order_id: int):
    """Mark some of this producer's lines preparing or shipped; the order follows."""
    try:
        order, lines = fulfilment.producer_order(db.session, producer_id(), order_id)
    except OrderError:
        abort(404)
    form = _line_form(lines, bound=True)
    if not form.validate_on_submit():
        return _render_order(order, lines, form, status=400)
    try:
        passed = fulfilment.mark_lines(db.session, producer_id(), order_id, form.lines.data, form.status.data,
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
    recorded = invoices.producer_invoice(order, producer_id())
    return InvoiceRecordForm(formdata=None, number=recorded.number if recorded else "",
                             issued_on=recorded.issued_on if recorded else today())


@bp.post("/orders/<int:order_id>/invoice")
def order_invoice(order_id: int):
    """Record (or correct) the number and date of the VAT invoice this producer issued for its lines."""
    try:
        order, lines = fulfilment.producer_order(db.session, producer_id(), order_id)
    except OrderError:
        abort(404)
    form = _invoice_form(order, bound=True)
    if not form.validate_on_submit():
        return _render_order(order, lines, _line_form(lines, bound=False), status=400, invoice_form=form)
    try:
        invoices.record_invoice(db.session, producer_id(), order_id, number=form.number.data,
                                issued_on=form.issued_on.data, producer_name=lines[0].producer_name,
                                actor=fulfilment.actor_for(producer_id()), today=today(), now=utcnow())
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
