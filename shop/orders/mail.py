"""Order mails: a confirmation to the buyer (in the checkout language), a notice to each reader of
each producer for its own lines, and the buyer's shipping notices.

Builders are plain functions given their URLs. A change only queues its mails in the outbox, in
its own transaction, with the URLs in the row (queue_*); the worker renders and sends them
(outbox_*), so a slow or dead mail server never holds a request and a crash loses no mail."""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from email.message import EmailMessage
from functools import cache

from flask import render_template
from sqlalchemy import and_, bindparam, select
from flask_babel import force_locale
from flask_babel import gettext as _

from shop.i18n import translated
from shop.labels import packaging_label
from shop.mailer import build_message
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


def producer_readers(session, producer: Producer) -> list[tuple[str, str]]:
    """(email, locale) of each portal user of the producer; its contact address (in Vietnamese) when it has none."""
    from shop.accounts.services import users_of_producer
    readers = [(u.email, u.locale) for u in users_of_producer(session, producer.id)]
    if not readers and producer.email:
        readers = [(producer.email, PRODUCER_LOCALE)]
    return readers


def producer_notices(session, order: Order, *, portal_url: str, config: Mapping, only_producer: int | None = None,
                     only_reader: str | None = None) -> list[EmailMessage]:
    """One notice per portal user of each producer (in the user's language, with portal_url, the order in
    the portal), listing only that producer's lines; the producer's contact address only when it has
    no portal user. only_producer and only_reader narrow it to one producer and one address."""
    by_producer: dict[int, list] = {}
    for line in order.lines:
        if line.producer_id is not None and only_producer in (None, line.producer_id):
            by_producer.setdefault(line.producer_id, []).append(line)
    messages = []
    for producer_id, lines in by_producer.items():
        producer = session.get(Producer, producer_id)
        readers = [r for r in producer_readers(session, producer) if only_reader in (None, r[0])]
        if not readers:
            log.warning("order %s: producer %s has no user nor email address; no notice sent",
                        order.code, producer.slug)
            continue
        for email, locale in readers:
            with force_locale(locale):
                money = lambda amount, locale=locale: format_vnd(amount, locale)  # noqa: E731
                rows = [(_producer_name(session, line, locale), _producer_label(session, line), line)
                        for line in lines]
                subject = _("New order %(code)s for %(producer)s", code=order.code,
                            producer=translated(producer, "name", locale).text)
                body = render_template("mail/producer_notice.txt", order=order, producer=producer, rows=rows,
                                       money=money, total=sum(line.total_vnd for line in lines), link=portal_url,
                                       reader_locale=locale)
            messages.append(build_message(config, email, subject, body))
    return messages


def line_progress(order: Order, lines: list, *, order_url: str, config: Mapping) -> EmailMessage | None:
    """To the buyer, in the order's language: these lines are on their way (or sent to the sales point),
    with a link to the order page. None when no line of the list is shipped."""
    shipped = [line for line in lines if line.fulfilment_status == "shipped"]
    if not shipped:
        return None
    with force_locale(order.locale):
        if order.fulfilment == "pickup":
            subject = _("Order %(code)s: part of it is on its way to the sales point", code=order.code)
        else:
            subject = _("Order %(code)s: part of it is on its way", code=order.code)
        body = render_template("mail/line_shipped.txt", order=order, lines=shipped, url=order_url)
    return build_message(config, order.email, subject, body)


def ready_for_pickup(order: Order, *, order_url: str, config: Mapping) -> EmailMessage:
    """To the buyer, in the order's language: the order waits at the sales point."""
    with force_locale(order.locale):
        subject = _("Order %(code)s is ready for pickup", code=order.code)
        body = render_template("mail/ready_for_pickup.txt", order=order, url=order_url)
    return build_message(config, order.email, subject, body)


def _producer_name(session, line, locale: str = PRODUCER_LOCALE) -> str:
    # The order copied the name in the buyer's language; the producer reads the name in its own language.
    from shop.catalog.models import Product
    product = session.get(Product, line.product_id) if line.product_id else None
    return translated(product, "name", locale).text if product else line.product_name


def _producer_label(session, line) -> str:
    from shop.catalog.models import Packaging
    packaging = session.get(Packaging, line.packaging_id) if line.packaging_id else None
    return packaging_label(packaging) if packaging else line.packaging_label


@cache
def _readers_of_producers():
    # On the tables (Core): plain rows need none of the ORM's execution machinery.
    from shop.accounts.models import User
    producer, user = Producer.__table__.c, User.__table__.c
    return (select(producer.id, producer.slug, producer.email, user.email, user.locale)
            .select_from(Producer.__table__.outerjoin(User.__table__, and_(user.producer_id == producer.id,
                                                                           user.active.is_(True))))
            .where(producer.id.in_(bindparam("ids", expanding=True))).order_by(producer.id, user.email))


def readers_of_producers(session, producer_ids) -> tuple[dict[int, list[tuple[str, str]]], dict[int, str]]:
    """producer_readers() of several producers in one SELECT: ({producer id: [(email, locale), ...]},
    {producer id: slug})."""
    rows = session.execute(_readers_of_producers(), {"ids": list(producer_ids)})
    readers: dict[int, list[tuple[str, str]]] = {}
    slugs: dict[int, str] = {}
    for producer_id, slug, contact, user_email, user_locale in rows:
        slugs[producer_id] = slug
        found = readers.setdefault(producer_id, [])
        if user_email is not None:
            found.append((user_email, user_locale))
        elif contact:
            found.append((contact, PRODUCER_LOCALE))
    return {producer_id: readers[producer_id] for producer_id in slugs}, slugs


def queue_order_mails(session, order: Order, *, order_url: str, portal_url: str, now) -> int:
    """Queue the buyer's confirmation and a notice to each reader of each producer, in the caller's
    transaction; how many were queued. Nothing is rendered here: the worker builds the text. Two
    statements whatever the order: the producers' readers, and one multi-row INSERT of the mails."""
    from shop.outbox.services import queue_mails
    mails = [("order_confirmation", order.email, {"order_id": order.id, "order_url": order_url})]
    producer_ids = sorted({line.producer_id for line in order.lines if line.producer_id is not None})
    readers, slugs = readers_of_producers(session, producer_ids) if producer_ids else ({}, {})
    for producer_id in producer_ids:
        if not readers.get(producer_id):
            log.warning("order %s: producer %s has no user nor email address; no notice queued",
                        order.code, slugs.get(producer_id, producer_id))
        mails.extend(("producer_notice", email, {"order_id": order.id, "producer_id": producer_id,
                                                 "portal_url": portal_url})
                     for email, _locale in readers.get(producer_id, ()))
    queue_mails(session, mails, now=now)
    return len(mails)


def queue_shipping_notice(session, order: Order, line_ids: list[int], *, order_url: str, now) -> None:
    """Queue the buyer's notice that these lines are on their way (the worker skips it if none is shipped)."""
    from shop.outbox.services import queue_mail
    queue_mail(session, "lines_shipped", order.email,
               {"order_id": order.id, "line_ids": sorted(line_ids), "order_url": order_url}, now=now)


def queue_ready_for_pickup(session, order: Order, *, order_url: str, base_url: str, now) -> None:
    """Queue the buyer's notice that the order waits at the sales point."""
    from shop.outbox.services import queue_mail
    queue_mail(session, "ready_for_pickup", order.email, {"order_id": order.id, "order_url": order_url},
               base_url=base_url, now=now)


def outbox_ready_for_pickup(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "ready_for_pickup" outbox mail, in the order's language."""
    message = ready_for_pickup(session.get(Order, mail.params["order_id"]), order_url=mail.params["order_url"],
                               config=config)
    return message["Subject"], message.get_content()


def outbox_confirmation(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "order_confirmation" outbox mail."""
    message = buyer_confirmation(session.get(Order, mail.params["order_id"]), order_url=mail.params["order_url"],
                                 config=config)
    return message["Subject"], message.get_content()


def outbox_producer_notice(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "producer_notice" outbox mail: that producer's lines only, in the reader's language."""
    order = session.get(Order, mail.params["order_id"])
    producer_id = mail.params["producer_id"]
    for message in producer_notices(session, order, portal_url=mail.params["portal_url"], config=config,
                                    only_producer=producer_id, only_reader=mail.recipient):
        return message["Subject"], message.get_content()
    raise LookupError(f"order {order.code} has no lines of producer {producer_id} for {mail.recipient}")


def outbox_lines_shipped(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "lines_shipped" outbox mail, in the order's language."""
    order = session.get(Order, mail.params["order_id"])
    wanted = set(mail.params["line_ids"])
    message = line_progress(order, [line for line in order.lines if line.id in wanted],
                            order_url=mail.params["order_url"], config=config)
    if message is None:
        raise LookupError(f"order {order.code}: none of lines {sorted(wanted)} is shipped")
    return message["Subject"], message.get_content()
