"""The back office's blueprint: every page under /backoffice is for the OCOP office (admins) only."""
from __future__ import annotations

from flask import Blueprint

from shop.accounts.access import require_roles
from shop.accounts.models import Role
from shop.backoffice.forms import InviteForm
from shop.forms import language_choices
from shop.i18n import locales

bp = Blueprint("backoffice", __name__, url_prefix="/backoffice")
bp.before_request(require_roles(Role.ADMIN))

PRODUCER_FIELDS = ("name", "summary", "story")


def invite_form(bound: bool = False) -> InviteForm:
    """The form inviting a producer's user or a sales point's staff member (email and language)."""
    form = InviteForm() if bound else InviteForm(formdata=None)
    form.locale.choices = language_choices(locales())
    return form
