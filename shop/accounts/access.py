"""The first of the two access checks: a blueprint admits only some roles."""
from __future__ import annotations

from flask import abort, current_app, g
from flask_login import current_user

from shop.i18n import is_locale


def require_roles(*roles: str):
    """A before_request hook: visitors go to the sign-in page, other roles get 403;
    the pages then speak the user's own language."""

    def check():
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        if current_user.role not in roles:
            abort(403)
        if is_locale(current_user.locale):
            g.locale = current_user.locale
        return None

    return check
