"""Account mails: a link to set a password (a reset, or an office invitation), in the user's language.

Plain functions given what they need (the link to put in, the config). A view queues the mail in the
outbox with its change (queue_password_mail); the worker makes the token and the text at send time
(outbox_password_mail), so no usable link is ever stored.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext

from shop.accounts import services
from shop.mailer import build_message


def password_mail(user, purpose: str, *, link: str, config: Mapping, whose: str = "") -> EmailMessage:
    """The mail carrying link (absolute) to set a password: an invitation or a reset, in user.locale.
    whose: the producer's or sales point's name in the user's language, which an invitation names."""
    with force_locale(user.locale):
        if purpose == services.INVITE:
            days = max(1, round(config["INVITE_MAX_AGE"] / 86400))
            subject = _("Your OCOP Quảng Ninh account")
            if whose and user.producer_id:
                lead = _("You have been invited to keep the products of %(producer)s on OCOP Quảng Ninh.",
                         producer=whose)
            elif whose:
                lead = _("You have been invited to the staff pages of %(point)s on OCOP Quảng Ninh.", point=whose)
            else:
                lead = _("You have been invited to OCOP Quảng Ninh.")
            body = lead + "\n\n" + ngettext(
                "Choose your password here (the link works for %(num)d day, once):\n%(link)s\n",
                "Choose your password here (the link works for %(num)d days, once):\n%(link)s\n",
                days, link=link)
        else:
            minutes = config["PASSWORD_RESET_MAX_AGE"] // 60
            subject = _("Set a new password")
            body = _("Someone asked to set a new password for this address on OCOP Quảng Ninh.\n\n"
                     "If it was you, follow this link (it works for %(minutes)d minutes, once):\n%(link)s\n\n"
                     "If not, ignore this mail: your password stays as it is.\n",
                     minutes=minutes, link=link)
    return build_message(config, user.email, subject, body)


def queue_password_mail(session, user, purpose: str, *, base_url: str, now) -> None:
    """Queue a reset or invitation link for the user in the caller's transaction."""
    from shop.outbox.services import queue_mail
    queue_mail(session, "password_link", user.email, {"user_id": user.id, "purpose": purpose},
               base_url=base_url, now=now)


def outbox_password_mail(session, mail, config: Mapping, *, link: Callable[..., str]) -> tuple[str, str]:
    """Builder of the "password_link" outbox mail: a fresh single-use token and its link, in the user's language."""
    from shop.accounts.models import User
    user = session.get(User, mail.params["user_id"])
    purpose = mail.params["purpose"]
    token = services.make_password_token(config["SECRET_KEY"], user, purpose)
    message = password_mail(user, purpose, link=link("accounts.set_password", token=token, locale=user.locale),
                            config=config, whose=_whose(session, user))
    return message["Subject"], message.get_content()


def _whose(session, user) -> str:
    """The producer's or sales point's name in the user's language, for an invitation to name."""
    from shop.i18n import translated
    if user.producer_id:
        from shop.producers.models import Producer
        return translated(session.get(Producer, user.producer_id), "name", user.locale).text
    if user.sales_point_id:
        from shop.places.models import SalesPoint
        return translated(session.get(SalesPoint, user.sales_point_id), "name", user.locale).text
    return ""
