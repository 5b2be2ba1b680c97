"""Static files under content-hashed names, cached for a year, and responses compressed by the app.

At start-up every file under static/ is hashed once; ``url_for('static',
filename='css/shop.css')`` then gives ``/static/css/shop.3f2a9c1b7d4e.css``.
A new version of a file gets a new name, so a browser may keep the old one
forever (``immutable``) and never asks again. The unhashed name still answers
(relative references inside CSS, old pages in a cache), with a short max-age.

Text files (CSS, JS, SVG, the manifest) are compressed once per process and
kept in memory: the whole static folder is a few hundred kilobytes. HTML, JSON
and text from views go through Flask-Compress (gzip, or br when asked), so the
embedded default is fast without a proxy in front.
"""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import os
import re

import brotli
from flask import Flask, Response, abort, request, send_from_directory
from flask_compress import Compress

IMMUTABLE = "public, max-age=31536000, immutable"
UNHASHED_MAX_AGE = 3600
_HASHED = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{12})(?P<ext>\.[A-Za-z0-9]+)$")
_COMPRESSIBLE = {"text/css", "text/javascript", "application/javascript", "image/svg+xml",
                 "application/manifest+json", "application/json", "text/plain", "image/x-icon",
                 "image/vnd.microsoft.icon"}

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("image/webp", ".webp")
mimetypes.add_type("image/avif", ".avif")


def build_manifest(folder: str) -> dict[str, str]:
    """filename → hashed filename for every file under folder (paths with forward slashes)."""
    manifest = {}
    for directory, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            stem, ext = os.path.splitext(relative)
            with open(path, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()[:12]
            manifest[relative] = f"{stem}.{digest}{ext}"
    return manifest


class StaticFiles:
    """The hashed-name table and the view that serves both kinds of name."""

    def __init__(self, folder: str):
        self.folder = folder
        self.hashed = build_manifest(folder)
        self.original = {hashed: name for name, hashed in self.hashed.items()}
        self._encoded: dict[tuple[str, str], bytes] = {}

    def url_name(self, filename: str) -> str:
        return self.hashed.get(filename, filename)

    def _body(self, name: str, encoding: str) -> bytes:
        """The file's bytes in the encoding, compressed on first use and kept."""
        key = (name, encoding)
        if key not in self._encoded:
            with open(os.path.join(self.folder, name), "rb") as handle:
                data = handle.read()
            if encoding == "br":
                data = brotli.compress(data, quality=11)
            elif encoding == "gzip":
                data = gzip.compress(data, compresslevel=9, mtime=0)
            self._encoded[key] = data
        return self._encoded[key]

    def serve(self, filename: str):
        """A hashed name: the file for a year, compressed when it is text; else the plain file briefly."""
        name = self.original.get(filename)
        if name is None:
            if filename not in self.hashed:
                abort(404)
            return send_from_directory(self.folder, filename, max_age=UNHASHED_MAX_AGE)
        mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if mimetype not in _COMPRESSIBLE:
            response = send_from_directory(self.folder, name, max_age=0, conditional=True)
            response.headers["Cache-Control"] = IMMUTABLE
            return response
        accepted = request.headers.get("Accept-Encoding", "").lower()
        encoding = "br" if "br" in accepted else "gzip" if "gzip" in accepted else "identity"
        response = Response(self._body(name, encoding), mimetype=mimetype)
        if encoding != "identity":
            response.headers["Content-Encoding"] = encoding
        response.headers["Cache-Control"] = IMMUTABLE
        response.vary.add("Accept-Encoding")
        response.set_etag(f"{filename}:{encoding}")
        return response.make_conditional(request)


def install(app: Flask) -> None:
    """Hash static/ once, make url_for('static') give hashed names, and compress what views send.

    Call first in create_app: Flask runs after_request hooks in reverse order, so
    compression then comes after the page cache has stored the plain bytes."""
    files = StaticFiles(app.static_folder)
    app.extensions["static_files"] = files

    @app.url_defaults
    def hashed_static(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = files.url_name(values["filename"])

    app.view_functions["static"] = files.serve

    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    # Streamed answers (CSV exports) are left alone: they are sent as they are produced.
    app.config.setdefault("COMPRESS_STREAMS", False)
    app.config.setdefault("COMPRESS_MIMETYPES", ["text/html", "text/plain", "text/xml", "text/calendar",
                                                 "application/json", "application/xml",
                                                 "application/manifest+json", "image/svg+xml", "text/csv"])
    Compress(app)
