"""Catalog mails: a listing sent back by the OCOP office, to each of the producer's users in their language.

Plain functions given the link and the config; the caller sends after its commit.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _

from shop.accounts import services as accounts
from shop.i18n import translated
from shop.mailer import build_message, deliver

log = logging.getLogger(__name__)


def rejection_mail(user, product, reason: str, *, link: str, config: Mapping) -> EmailMessage:
    """The office's reason for sending a listing back, and the link (absolute) to change it."""
    with force_locale(user.locale):
        subject = _("Your listing “%(name)s” needs changes", name=translated(product, "name", user.locale).text)
        body = _("The OCOP office has looked at your listing and sent it back:\n\n%(reason)s\n\n"
                 "Change it here and send it for review again:\n%(link)s\n", reason=reason, link=link)
    return build_message(config, user.email, subject, body)


def send_rejection_mails(session, product, reason: str, *, link: str, config: Mapping) -> None:
    """Mail every user of the product's producer; a mail that fails is logged (the decision stands, and
    the producer also sees the reason in the portal)."""
    for user in accounts.users_of_producer(session, product.producer_id):
        try:
            deliver([rejection_mail(user, product, reason, link=link, config=config)], config)
        except OSError:
            log.warning("could not mail %s about product %s", user.email, product.id, exc_info=True)
