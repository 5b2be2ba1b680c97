"""Strict checks of the API's query parameters, exactly as the OpenAPI document states them.

The pages forgive what people type (spaces, an empty field); a program gets a 400
for anything the document does not allow, so that the document and the API agree.
"""
from __future__ import annotations

import re

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from shop.errors import bad_request

GROUP = r"^[IVX]{1,4}(\.[0-9]{1,2})?$"
SLUG = r"^[a-z0-9-]{1,120}$"
WHOLE = r"^[0-9]{1,13}$"

# name → (pattern, may repeat)
PATTERNS: dict[str, tuple[str, bool]] = {
    "group": (GROUP, False),
    "locality": (SLUG, False),
    "price_min": (WHOLE, False),
    "price_max": (WHOLE, False),
    "page": (WHOLE, False),
    "per_page": (WHOLE, False),
    "stars": (r"^[345]$", True),
}


def check_enum(args: MultiDict, name: str, allowed) -> str | None:
    """The parameter's single value when it is exactly one of allowed; a 400 otherwise; None when absent."""
    values = args.getlist(name)
    if not values:
        return None
    if len(values) > 1 or values[0] not in allowed:
        raise bad_request(_("“%(name)s” must be one of %(values)s.", name=name, values=", ".join(allowed)))
    return values[0]


def check(args: MultiDict, names: tuple[str, ...]) -> None:
    """Raise a 400 when one of names is present but empty or not of its documented form."""
    for name in names:
        pattern, repeats = PATTERNS[name]
        values = args.getlist(name)
        if len(values) > 1 and not repeats:
            raise bad_request(_("“%(name)s” may be given only once.", name=name))
        for value in values:
            if not re.fullmatch(pattern.strip("^$"), value, flags=re.ASCII):
                raise bad_request(_("“%(name)s” is not valid.", name=name))
