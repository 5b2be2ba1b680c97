"""The worker's side of the outbox: build a queued mail from its kind and parameters, send it, record it.

Builders run inside a request context whose base URL is the mail's, so templates render as on a page;
they take (session, mail, config, link=) and return (subject, body). link(endpoint, **values) is the
absolute URL on the mail's base URL: builders are domain code and never call url_for themselves.
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime

from flask import Flask, url_for

from shop.extensions import db
from shop.mailer import build_message, deliver
from shop.models_base import utcnow
from shop.outbox import services
from shop.outbox.models import OutboxMail

log = logging.getLogger(__name__)

# Every kind of mail, one line each: the builder that turns a row into (subject, body).
KINDS: dict[str, str] = {
    "text": "shop.outbox.delivery:text_mail",
    "order_confirmation": "shop.orders.mail:outbox_confirmation",
    "producer_notice": "shop.orders.mail:outbox_producer_notice",
    "lines_shipped": "shop.orders.mail:outbox_lines_shipped",
    "ready_for_pickup": "shop.orders.mail:outbox_ready_for_pickup",
    "listing_decision": "shop.catalog.mail:outbox_listing_decision",
    "password_link": "shop.accounts.mail:outbox_password_mail",
    "listing_rejected": "shop.catalog.mail:outbox_rejection_mail",
    "certificate_reminder": "shop.catalog.reminders:outbox_reminder",
}


def text_mail(session, mail: OutboxMail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """A mail whose text was written when it was queued."""
    return mail.params["subject"], mail.params["body"]


def _absolute_link(endpoint: str, **values) -> str:
    # Builders get their links from here, on the mail's base URL (the request context deliver_mail makes).
    return url_for(endpoint, _external=True, **values)


def builder(kind: str) -> Callable:
    module, _, name = KINDS[kind].partition(":")
    return getattr(importlib.import_module(module), name)


def message_id(mail: OutboxMail) -> str:
    # The same for every attempt at one row: a receiver that sees it twice can tell.
    return f"<outbox-{mail.id}-{int(mail.created_at.timestamp())}@ocop-quangninh>"


def deliver_mail(app: Flask, mail_id: int, now: datetime | None = None) -> str:
    """Claim, build and send one mail: "sent", "pending" (will retry), "failed" (gave up) or "skipped"."""
    from shop import metrics
    with app.app_context():
        session = db.session
        now = now or utcnow()
        if not services.claim(session, mail_id, now):
            session.rollback()
            return "skipped"
        session.commit()  # the claim is visible to every other worker before anything is sent
        mail = session.get(OutboxMail, mail_id)
        config = app.config
        try:
            with app.test_request_context("/", base_url=mail.base_url or config.get("PUBLIC_BASE_URL")
                                          or "http://localhost/"):
                subject, body = builder(mail.kind)(session, mail, config, link=_absolute_link)
            message = build_message(config, mail.recipient, subject, body)
            message.replace_header("Message-ID", message_id(mail))
            deliver([message], config)
        except Exception as error:  # noqa: BLE001 - every failure is recorded on the row and retried
            session.rollback()
            mail = session.get(OutboxMail, mail_id)
            status = services.mark_attempt_failed(session, mail, now, f"{type(error).__name__}: {error}",
                                                  services.RetrySettings.from_config(config))
            session.commit()
            log.warning("mail %s (%s) attempt %s failed: %s; now %s", mail_id, mail.kind, mail.attempts, error,
                        status)
            metrics.mail_result(status)
            return status
        services.mark_sent(session, mail_id, now, subject)
        session.commit()
        metrics.mail_result("sent")
        return "sent"


def sweep(app: Flask, now: datetime | None = None) -> dict[str, int]:
    """Release dead claims and deliver every due mail; counts by result."""
    with app.app_context():
        now = now or utcnow()
        services.release_stale(db.session, now)
        db.session.commit()
        ids = services.due_ids(db.session, now)
        db.session.rollback()
    results: dict[str, int] = {}
    for mail_id in ids:
        result = deliver_mail(app, mail_id, now)
        results[result] = results.get(result, 0) + 1
    return results
