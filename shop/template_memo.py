"""{% memo "name", key... %}…{% endmemo %}: a part of a template rendered once per generation and kept.

The layout (templates/base.html) draws the same header links, navigation and footer on every page: some
thirty translated strings and twenty built URLs, about a quarter of an uncached catalog page's time. Those
parts are the same for every visitor of a locale, so they are rendered on first use and kept in
cache_pages.memo (per process, until a commit changes public rows or FRAGMENT_CACHE_SECONDS pass).

The kept text is exactly what the block's body renders (a miss renders it in place, as without the tag),
and a tag on a line of its own adds nothing to the page (trim_blocks and lstrip_blocks), so pages stay byte
for byte what they were. The key is the tag's name and values plus what every part depends on: the locale
of the texts (Babel's, which force_locale may change) and of the URLs (the page's), and the script root the
URLs start with. A body must show nothing personal (the visitor, their cart, a form token, the script
nonce): those stay outside the tags.
"""
from __future__ import annotations

import flask_babel
from flask import has_request_context, request
from jinja2 import nodes
from jinja2.ext import Extension

from shop import cache_pages
from shop.i18n import current_locale


# Kept values per tag name: a part keyed by a visitor's choices (the catalog's filter drawer, a few kB, keyed by
# filters a crawler can vary without end) holds at most a few MB per process; the layout's parts need far fewer.
PARTS_PER_NAME = 1000


class TemplateMemo(Extension):
    """The {% memo %} tag; see the module's docstring."""

    tags = {"memo"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        key = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            key.append(parser.parse_expression())
        body = parser.parse_statements(("name:endmemo",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_kept", [nodes.Tuple(key, "load")]), [], [], body).set_lineno(lineno)

    @staticmethod
    def _kept(key: tuple, caller):
        if not has_request_context():  # no generation to keep it by (a template rendered by a job, say)
            return caller()
        full_key = (key[1:], str(flask_babel.get_locale()), current_locale(), request.script_root)
        return cache_pages.memo(f"template_part:{key[0]}", full_key, caller, limit=PARTS_PER_NAME)
