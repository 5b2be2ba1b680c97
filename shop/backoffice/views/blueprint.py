"""The back office's blueprint: every page under /backoffice is for the OCOP office (admins) only."""
from __future__ import annotations

from flask import Blueprint

from shop.accounts.access import require_roles
from shop.accounts.models import Role

bp = Blueprint("backoffice", __name__, url_prefix="/backoffice")
bp.before_request(require_roles(Role.ADMIN))

PRODUCER_FIELDS = ("name", "summary", "story")
