"""Error pages in the visitor's language, never a bare 500."""
from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

MESSAGES = {
    400: (_l("Bad request"), _l("Something in the address or the form was not valid. Please check it and try again.")),
    403: (_l("Not allowed"), _l("You do not have access to this page.")),
    404: (_l("Page not found"), _l("We could not find this page. It may have moved or no longer exists.")),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    413: (_l("Too large"), _l("What you sent is too large.")),
    429: (_l("Too many requests"), _l("You have made too many requests. Please wait a moment and try again.")),
    500: (_l("Something went wrong"), _l("An error occurred on our side. Nothing was lost; please try again in a moment.")),
}


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[500])
    if request.path.startswith("/api/"):
        return {"error": {"code": code, "message": str(detail or message)}}, code
    return render_template("errors/error.html", code=code, title=title, message=detail or message), code


def install(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, str(_l("The form expired or was sent from elsewhere. Please reload the page and try again.")))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        detail = getattr(error, "shop_message", None)
        response = render_error(error.code if error.code in MESSAGES else 500 if error.code >= 500 else error.code, detail)
        if error.code == 405 and error.valid_methods:
            body, code = response
            return body, code, {"Allow": ", ".join(error.valid_methods)}
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        log.exception("unhandled error on %s", request.path)
        return render_error(500)


def bad_request(message):
    """A 400 carrying a message for the visitor (already translated)."""
    from werkzeug.exceptions import BadRequest
    error = BadRequest()
    error.shop_message = str(message)
    return error
