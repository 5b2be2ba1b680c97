"""The back office's blueprint: every page under /backoffice is for the OCOP office (admins) only."""
from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash
from flask_babel import gettext as _

from shop.accounts import mail as account_mail
from shop.accounts import services as accounts
from shop.accounts.access import require_roles
from shop.accounts.models import Role, User
from shop.backoffice.forms import InviteForm
from shop.forms import language_choices
from shop.extensions import db
from shop.i18n import locales
from shop.mailer import mail_base_url
from shop.messages import OFFICE, message
from shop.models_base import utcnow

bp = Blueprint("backoffice", __name__, url_prefix="/backoffice")
bp.before_request(require_roles(Role.ADMIN))

PRODUCER_FIELDS = ("name", "summary", "story")


def invite_form(bound: bool = False) -> InviteForm:
    """The form inviting a producer's user or a sales point's staff member (email and language)."""
    form = InviteForm() if bound else InviteForm(formdata=None)
    form.locale.choices = language_choices(locales())
    return form


def send_invitation(invite: Callable[[str, str], User]) -> None:
    """Validate the posted invite form, create the account with `invite(email, locale)`, queue the
    password mail and commit, flashing the outcome: a producer's and a sales point's invitations
    differ only in which account `invite` creates."""
    form = invite_form(bound=True)
    if not form.validate_on_submit():
        flash(message("invalid_email", OFFICE), "error")
        return
    try:
        user = invite(form.email.data, form.locale.data)
    except accounts.AccountError as error:
        db.session.rollback()
        flash(message(error, OFFICE), "error")
        return
    account_mail.queue_password_mail(db.session, user, accounts.INVITE, base_url=mail_base_url(), now=utcnow())
    db.session.commit()
    flash(_("Invitation sent to %(email)s.", email=user.email))
