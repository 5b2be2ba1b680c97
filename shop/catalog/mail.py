"""Catalog mails: a listing sent back by the OCOP office, to each of the producer's users in their language.

Plain functions given the link and the config. The office's view queues them in the outbox with its
decision (queue_rejection_mails); the worker writes and sends them (outbox_rejection_mail).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _

from shop.accounts import services as accounts
from shop.i18n import translated
from shop.mailer import build_message

def rejection_mail(user, product, reason: str, *, link: str, config: Mapping) -> EmailMessage:
    """The office's reason for sending a listing back, and the link (absolute) to change it."""
    with force_locale(user.locale):
        subject = _("Your listing “%(name)s” needs changes", name=translated(product, "name", user.locale).text)
        body = _("The OCOP office has looked at your listing and sent it back:\n\n%(reason)s\n\n"
                 "Change it here and send it for review again:\n%(link)s\n", reason=reason, link=link)
    return build_message(config, user.email, subject, body)


def queue_rejection_mails(session, product, reason: str, *, base_url: str, now) -> int:
    """Queue the rejection for every user of the product's producer, in the caller's transaction."""
    from shop.outbox.services import queue_mail
    users = accounts.users_of_producer(session, product.producer_id)
    for user in users:
        queue_mail(session, "listing_rejected", user.email,
                   {"product_id": product.id, "user_id": user.id, "reason": reason}, base_url=base_url, now=now)
    return len(users)


def outbox_rejection_mail(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "listing_rejected" outbox mail, in the producer user's language."""
    from shop.accounts.models import User
    from shop.catalog.models import Product
    user = session.get(User, mail.params["user_id"])
    product = session.get(Product, mail.params["product_id"])
    message = rejection_mail(user, product, mail.params["reason"],
                             link=link("portal.product_edit", product_id=product.id), config=config)
    return message["Subject"], message.get_content()
