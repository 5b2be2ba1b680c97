"""The producer portal's blueprint: every page under /portal is for producers' users only, and each
service call is scoped by the signed-in user's producer."""
from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from shop.accounts.access import require_roles
from shop.accounts.models import Role

bp = Blueprint("portal", __name__, url_prefix="/portal")
bp.before_request(require_roles(Role.PRODUCER))


def producer_id() -> int:
    """The signed-in user's producer (the blueprint admits producers only); it scopes every service call."""
    return current_user.producer_id
