"""Order mails: a confirmation to the buyer (in the checkout language) and a notice to each
producer for its own lines (in Vietnamese). Placing an order only queues them in the outbox
(queue_order_mails, same transaction); the worker renders and sends them (outbox_* builders)."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from email.message import EmailMessage

from flask import g, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from shop.i18n import translated
from shop.mailer import build_message
from shop.labels import packaging_label
from shop.money import format_vnd
from shop.orders.models import Order
from shop.producers.models import Producer

log = logging.getLogger(__name__)
PRODUCER_LOCALE = "vi"


class _Locale:
    """Render with g.locale and Babel's locale set to the reader's language, then put both back."""

    def __init__(self, locale: str):
        self.locale = locale

    def __enter__(self):
        self.saved = g.get("locale")
        g.locale = self.locale
        self.forced = force_locale(self.locale)
        self.forced.__enter__()

    def __exit__(self, *exc):
        self.forced.__exit__(*exc)
        if self.saved is None:
            g.pop("locale", None)
        else:
            g.locale = self.saved


def order_url(order: Order, locale: str) -> str:
    return url_for("orders.order_page", locale=locale, token=order.token, _external=True)


def buyer_confirmation(order: Order, config: Mapping) -> EmailMessage:
    """The buyer's confirmation, in the language they checked out in."""
    with _Locale(order.locale):
        money = lambda amount: format_vnd(amount, order.locale)  # noqa: E731
        subject = _("Your OCOP order %(code)s", code=order.code)
        body = render_template("mail/order_confirmation.txt", order=order, money=money,
                               url=order_url(order, order.locale))
    return build_message(config, order.email, subject, body)


def producer_notices(session, order: Order, config: Mapping, only_producer: int | None = None
                     ) -> list[EmailMessage]:
    """One notice per producer with an email address, listing only its lines, in Vietnamese."""
    by_producer: dict[int, list] = {}
    for line in order.lines:
        if line.producer_id is not None and only_producer in (None, line.producer_id):
            by_producer.setdefault(line.producer_id, []).append(line)
    messages = []
    with _Locale(PRODUCER_LOCALE):
        money = lambda amount: format_vnd(amount, PRODUCER_LOCALE)  # noqa: E731
        for producer_id, lines in by_producer.items():
            producer = session.get(Producer, producer_id)
            if not producer.email:
                log.warning("order %s: producer %s has no email address; no notice sent", order.code, producer.slug)
                continue
            rows = [(_producer_name(session, line), _producer_label(session, line), line) for line in lines]
            subject = _("New order %(code)s for %(producer)s", code=order.code,
                        producer=translated(producer, "name", PRODUCER_LOCALE).text)
            body = render_template("mail/producer_notice.txt", order=order, producer=producer, rows=rows,
                                   money=money, total=sum(line.total_vnd for line in lines))
            messages.append(build_message(config, producer.email, subject, body))
    return messages


def _producer_name(session, line) -> str:
    # The order copied the name in the buyer's language; the producer reads its own Vietnamese name.
    from shop.catalog.models import Product
    product = session.get(Product, line.product_id) if line.product_id else None
    return translated(product, "name", PRODUCER_LOCALE).text if product else line.product_name


def _producer_label(session, line) -> str:
    from shop.catalog.models import Packaging
    packaging = session.get(Packaging, line.packaging_id) if line.packaging_id else None
    return packaging_label(packaging) if packaging else line.packaging_label


def queue_order_mails(session, order: Order, *, base_url: str, now) -> int:
    """Queue the buyer's confirmation and one notice per producer that has an address; how many were queued.

    Nothing is rendered here: the request only writes rows, the worker builds the text."""
    from sqlalchemy import select

    from shop.outbox.services import queue_mail
    queue_mail(session, "order_confirmation", order.email, {"order_id": order.id}, base_url=base_url, now=now)
    producer_ids = sorted({line.producer_id for line in order.lines if line.producer_id is not None})
    queued = 1
    if producer_ids:
        for producer_id, email in session.execute(select(Producer.id, Producer.email)
                                                  .where(Producer.id.in_(producer_ids))):
            if not email:
                log.warning("order %s: producer %s has no email address; no notice queued", order.code, producer_id)
                continue
            queue_mail(session, "producer_notice", email, {"order_id": order.id, "producer_id": producer_id},
                       base_url=base_url, now=now)
            queued += 1
    return queued


def outbox_confirmation(session, mail, config: Mapping) -> tuple[str, str]:
    """Builder of the "order_confirmation" outbox mail: (subject, body)."""
    message = buyer_confirmation(session.get(Order, mail.params["order_id"]), config)
    return message["Subject"], message.get_content()


def outbox_producer_notice(session, mail, config: Mapping) -> tuple[str, str]:
    """Builder of the "producer_notice" outbox mail: that producer's lines only, in Vietnamese."""
    order = session.get(Order, mail.params["order_id"])
    producer_id = mail.params["producer_id"]
    for message in producer_notices(session, order, config, only_producer=producer_id):
        return message["Subject"], message.get_content()
    raise LookupError(f"order {order.code} has no lines of producer {producer_id}")
