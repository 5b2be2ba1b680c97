"""Mails about listings: the office's decision to the producer's users, and the office's digest of submissions.

Plain builder functions: each takes its readers (address and language), the links it needs and the
config, and returns the messages in each reader's language; the caller hands them to the send path
(shop.mailer.deliver, an outbox later) after its commit. Nothing here reads the request.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _

from shop.catalog.models import Product
from shop.catalog.reviews import Submission
from shop.i18n import translated
from shop.mailer import build_message

LinkFor = Callable[[str], str]  # locale -> absolute URL


def _name(product: Product, locale: str) -> str:
    return translated(product, "name", locale).text


def listing_approved(readers, product: Product, *, link_for: LinkFor, revision: bool,
                     config: Mapping) -> list[EmailMessage]:
    """To each of the producer's users: the listing (or its changes) is now on the shop, with a link."""
    messages = []
    for user in readers:
        with force_locale(user.locale):
            subject = _("Your listing “%(name)s” is approved", name=_name(product, user.locale))
            lead = (_("The OCOP office approved your changes: the shop now shows them.") if revision
                    else _("The OCOP office approved your listing: it is now on the shop."))
            body = "\n\n".join([lead, _("See it in the portal:") + "\n" + link_for(user.locale), ""])
        messages.append(build_message(config, user.email, subject, body))
    return messages


def changes_requested(readers, product: Product, *, reason: str, link_for: LinkFor, revision: bool,
                      config: Mapping) -> list[EmailMessage]:
    """To each of the producer's users: the office asks for changes, with its reason and a link."""
    messages = []
    for user in readers:
        with force_locale(user.locale):
            subject = _("Your listing “%(name)s” needs changes", name=_name(product, user.locale))
            lead = (_("The OCOP office asks for changes before it shows your edits. "
                      "The published version stays on sale meanwhile.") if revision
                    else _("The OCOP office has looked at your listing and asks for changes."))
            body = "\n\n".join([lead, reason, _("Change it here and send it for review again:") + "\n"
                                + link_for(user.locale), ""])
        messages.append(build_message(config, user.email, subject, body))
    return messages


def submission_digest(readers, submissions: list[Submission], waiting: int, *, queue_link: str,
                      item_link: Callable[[Submission], str], config: Mapping) -> list[EmailMessage]:
    """To each office user: the listings and changes sent for review since the last digest, with links.
    No message when nothing new arrived."""
    if not submissions:
        return []
    messages = []
    for user in readers:
        with force_locale(user.locale):
            subject = _("%(n)d new listing(s) to review", n=len(submissions))
            lines = []
            for item in submissions:
                kind = _("changes") if item.revision_id else _("new listing")
                lines.append(f"- {_name(item.product, user.locale)} ({kind}): {item_link(item)}")
            body = "\n".join([_("Sent for review since the last digest:"), "", *lines, "",
                              _("%(n)d in all wait in the review queue:", n=waiting), queue_link, ""])
        messages.append(build_message(config, user.email, subject, body))
    return messages
