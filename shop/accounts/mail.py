"""Account mails: a link to set a password (a reset, or an office invitation), in the user's language.

Plain functions given what they need (the link to put in, the config); the caller sends after its commit.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext

from shop.accounts import services
from shop.mailer import build_message, deliver


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


def send_password_mail(user, purpose: str, *, link_for: Callable[[str], str], config: Mapping,
                       whose: str = "") -> None:
    """Make a single-use token for purpose and mail its link (link_for(token), absolute); raises OSError
    when the mail cannot be sent."""
    token = services.make_password_token(config["SECRET_KEY"], user, purpose)
    deliver([password_mail(user, purpose, link=link_for(token), config=config, whose=whose)], config)
