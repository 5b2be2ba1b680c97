"""Account mails: a link to set a password (a reset, or an office invitation), in the user's language.

Plain functions given what they need (the link to put in, the config); the caller sends after its commit.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from email.message import EmailMessage

from flask_babel import force_locale
from flask_babel import gettext as _

from shop.accounts import services
from shop.mailer import build_message, deliver


def password_mail(user, purpose: str, *, link: str, config: Mapping) -> EmailMessage:
    """The mail carrying link (absolute) to set a password: an invitation or a reset, in user.locale."""
    with force_locale(user.locale):
        if purpose == services.INVITE:
            hours = config["INVITE_MAX_AGE"] // 3600
            subject = _("Your OCOP Quảng Ninh account")
            body = _("You have been invited to keep your products on OCOP Quảng Ninh.\n\n"
                     "Choose your password here (the link works for %(hours)d hours, once):\n%(link)s\n",
                     hours=hours, link=link)
        else:
            minutes = config["PASSWORD_RESET_MAX_AGE"] // 60
            subject = _("Set a new password")
            body = _("Someone asked to set a new password for this address on OCOP Quảng Ninh.\n\n"
                     "If it was you, follow this link (it works for %(minutes)d minutes, once):\n%(link)s\n\n"
                     "If not, ignore this mail: your password stays as it is.\n",
                     minutes=minutes, link=link)
    return build_message(config, user.email, subject, body)


def send_password_mail(user, purpose: str, *, link_for: Callable[[str], str], config: Mapping) -> None:
    """Make a single-use token for purpose and mail its link (link_for(token), absolute); raises OSError
    when the mail cannot be sent."""
    token = services.make_password_token(config["SECRET_KEY"], user, purpose)
    deliver([password_mail(user, purpose, link=link_for(token), config=config)], config)
