"""Catalog mails: the office's decisions on listings, to each of the producer's users in their language, and
the office's digest of submissions.

Plain functions given the links and the config. The office's views queue them in the outbox with their
decision (queue_decision_mails); the worker writes and sends them (outbox_listing_decision).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _

from shop.accounts import services as accounts
from shop.catalog.models import Product
from shop.catalog.reviews import Submission
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
    user = session.get(User, mail.params["user_id"])
    product = session.get(Product, mail.params["product_id"])
    message = rejection_mail(user, product, mail.params["reason"],
                             link=link("portal.product_edit", product_id=product.id), config=config)
    return message["Subject"], message.get_content()


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


def queue_decision_mails(session, product, *, approved: bool, revision: bool, reason: str = "", base_url: str,
                         now) -> int:
    """Queue the office's decision (approved, or changes requested with the reason) for every user of the
    product's producer, in the caller's transaction; the worker writes each in the user's language."""
    from shop.outbox.services import queue_mail
    users = accounts.users_of_producer(session, product.producer_id)
    for user in users:
        queue_mail(session, "listing_decision", user.email,
                   {"product_id": product.id, "user_id": user.id, "approved": approved, "revision": revision,
                    "reason": reason}, base_url=base_url, now=now)
    return len(users)


def outbox_listing_decision(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "listing_decision" outbox mail, in the producer user's language, with a link."""
    from shop.accounts.models import User
    user = session.get(User, mail.params["user_id"])
    product = session.get(Product, mail.params["product_id"])
    link_for = lambda _locale: link("portal.product_edit", product_id=product.id)  # noqa: E731
    if mail.params["approved"]:
        message = listing_approved([user], product, link_for=link_for, revision=mail.params["revision"],
                                   config=config)[0]
    else:
        message = changes_requested([user], product, reason=mail.params["reason"], link_for=link_for,
                                    revision=mail.params["revision"], config=config)[0]
    return message["Subject"], message.get_content()


def queue_texts(session, messages: list[EmailMessage], *, base_url: str, now) -> int:
    """Queue messages whose text is written already (the outbox's "text" kind)."""
    from shop.outbox.services import queue_mail
    for message in messages:
        queue_mail(session, "text", message["To"], {"subject": message["Subject"], "body": message.get_content()},
                   base_url=base_url, now=now)
    return len(messages)
