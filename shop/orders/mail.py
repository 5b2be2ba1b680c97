"""Order mails: a confirmation to the buyer (in the checkout language) and a notice to each
producer for its own lines (in Vietnamese). Sent after the order committed; a mail that
cannot be sent is logged and never undoes the order."""
from __future__ import annotations

import logging
from collections.abc import Mapping
from email.message import EmailMessage

from flask import current_app, g, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from shop.i18n import translated
from shop.mailer import build_message, deliver
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


def producer_notices(session, order: Order, config: Mapping) -> list[EmailMessage]:
    """One notice per portal user of each producer (in the user's language, with a link to the order in
    the portal), listing only that producer's lines; the producer's contact address only when it has
    no portal user."""
    from shop.accounts.services import users_of_producer
    by_producer: dict[int, list] = {}
    for line in order.lines:
        if line.producer_id is not None:
            by_producer.setdefault(line.producer_id, []).append(line)
    messages = []
    for producer_id, lines in by_producer.items():
        producer = session.get(Producer, producer_id)
        readers = [(u.email, u.locale) for u in users_of_producer(session, producer_id)]
        if not readers and producer.email:
            readers = [(producer.email, PRODUCER_LOCALE)]
        if not readers:
            log.warning("order %s: producer %s has no user nor email address; no notice sent",
                        order.code, producer.slug)
            continue
        link = url_for("portal.order_detail", order_id=order.id, _external=True)
        for email, locale in readers:
            with _Locale(locale):
                money = lambda amount, locale=locale: format_vnd(amount, locale)  # noqa: E731
                rows = [(_producer_name(session, line, locale), _producer_label(session, line), line)
                        for line in lines]
                subject = _("New order %(code)s for %(producer)s", code=order.code,
                            producer=translated(producer, "name", locale).text)
                body = render_template("mail/producer_notice.txt", order=order, producer=producer, rows=rows,
                                       money=money, total=sum(line.total_vnd for line in lines), link=link,
                                       reader_locale=locale)
            messages.append(build_message(config, email, subject, body))
    return messages


def line_progress(order: Order, lines: list, *, config: Mapping) -> EmailMessage | None:
    """To the buyer, in the order's language: these lines are on their way (or sent to the sales point),
    with a link to the order page. None when no line of the list is shipped."""
    shipped = [line for line in lines if line.fulfilment_status == "shipped"]
    if not shipped:
        return None
    with _Locale(order.locale):
        if order.fulfilment == "pickup":
            subject = _("Order %(code)s: part of it is on its way to the sales point", code=order.code)
        else:
            subject = _("Order %(code)s: part of it is on its way", code=order.code)
        body = render_template("mail/line_shipped.txt", order=order, lines=shipped, url=order_url(order, order.locale))
    return build_message(config, order.email, subject, body)


def ready_for_pickup(order: Order, *, config: Mapping) -> EmailMessage:
    """To the buyer, in the order's language: the order waits at the sales point."""
    with _Locale(order.locale):
        subject = _("Order %(code)s is ready for pickup", code=order.code)
        body = render_template("mail/ready_for_pickup.txt", order=order, url=order_url(order, order.locale))
    return build_message(config, order.email, subject, body)


def send_quietly(messages: list[EmailMessage | None], what: str) -> bool:
    """Send after the commit; a failure is logged and never undoes the change."""
    config = current_app.config
    try:
        deliver([m for m in messages if m is not None], config)
    except Exception:  # noqa: BLE001 - the change stands; the buyer also sees it on the order page
        log.exception("could not send %s", what)
        return False
    return True


def _producer_name(session, line, locale: str = PRODUCER_LOCALE) -> str:
    # The order copied the name in the buyer's language; the producer reads the name in its own language.
    from shop.catalog.models import Product
    product = session.get(Product, line.product_id) if line.product_id else None
    return translated(product, "name", locale).text if product else line.product_name


def _producer_label(session, line) -> str:
    from shop.catalog.models import Packaging
    packaging = session.get(Packaging, line.packaging_id) if line.packaging_id else None
    return packaging_label(packaging) if packaging else line.packaging_label


def send_order_mails(session, order: Order) -> bool:
    """Send the buyer's confirmation and the producers' notices; False (logged) when sending failed."""
    config = current_app.config
    try:
        deliver([buyer_confirmation(order, config), *producer_notices(session, order, config)], config)
    except Exception:  # noqa: BLE001 - the order stands; the office can resend
        log.exception("order %s: could not send the order mails", order.code)
        return False
    return True
