"""Order mails: a confirmation to the buyer (in the checkout language) and a notice to each
producer for its own lines (in Vietnamese). Sent after the order committed; a mail that
cannot be sent is logged and never undoes the order."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from email.message import EmailMessage

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from shop.i18n import translated
from shop.labels import packaging_label
from shop.mailer import build_message, deliver
from shop.money import format_vnd
from shop.orders.models import Order
from shop.producers.models import Producer

log = logging.getLogger(__name__)
PRODUCER_LOCALE = "vi"


def buyer_confirmation(order: Order, *, order_url: str, config: Mapping) -> EmailMessage:
    """The buyer's confirmation, in the language they checked out in, linking to order_url (absolute)."""
    with force_locale(order.locale):
        money = lambda amount: format_vnd(amount, order.locale)  # noqa: E731
        subject = _("Your OCOP order %(code)s", code=order.code)
        body = render_template("mail/order_confirmation.txt", order=order, money=money, url=order_url)
    return build_message(config, order.email, subject, body)


def producer_notices(session, order: Order, *, config: Mapping) -> list[EmailMessage]:
    """One notice per producer with an email address, listing only its lines, in Vietnamese."""
    by_producer: dict[int, list] = {}
    for line in order.lines:
        if line.producer_id is not None:
            by_producer.setdefault(line.producer_id, []).append(line)
    messages = []
    with force_locale(PRODUCER_LOCALE):
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


def send_order_mails(session, order: Order, *, order_url: str, config: Mapping) -> bool:
    """Send the buyer's confirmation and the producers' notices; False (logged) when sending failed."""
    try:
        deliver([buyer_confirmation(order, order_url=order_url, config=config),
                 *producer_notices(session, order, config=config)], config)
    except Exception:  # noqa: BLE001 - the order stands; the office can resend
        log.exception("order %s: could not send the order mails", order.code)
        return False
    return True
