"""Response headers of the JSON API: CORS on every answer under /api/ (404s too), and ETag, 304 and a
short public cache for successful reads. Installed app-wide by create_app, so that answers no API
route matched get them as well."""
from __future__ import annotations

import hashlib

from flask import Flask, request

MAX_AGE = 60


def api_headers(response):
    """CORS for every API answer; ETag, 304 and a short public cache for successful reads."""
    if not request.path.startswith("/api/"):
        return response
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "If-None-Match"
    response.headers["Access-Control-Expose-Headers"] = "ETag"
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.direct_passthrough:
        response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:40])
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
        response.make_conditional(request)
    elif response.status_code >= 400:
        response.headers["Cache-Control"] = "no-store"
    return response


def install(app: Flask) -> None:
    app.after_request(api_headers)
