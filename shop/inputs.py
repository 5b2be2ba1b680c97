"""The one way of reading numbers and echoed paths that visitors send.

Forms and query strings carry text; anything may arrive in it: hundreds of
digits, '²' (which str.isdigit accepts and int() refuses), full-width digits
from a Chinese keyboard, NUL, a minus sign. Every integer the shop reads from a
request goes through parse_int, bounded by what the column or the rule allows,
so that a bad value is a clear message in the visitor's language, never a 500.
This module imports no domain.
"""
from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urlsplit

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter
from wtforms import IntegerField
from wtforms.validators import StopValidation
from wtforms.widgets import NumberInput

# Integer primary keys are 32-bit on PostgreSQL (INTEGER); a larger id can name no row.
MAX_ID = 2**31 - 1
# Prices and stock are INTEGER columns too.
MAX_INT32 = 2**31 - 1
# A Location header or a link built from a visitor's path never grows past this.
MAX_ECHO_LENGTH = 2000

_DIGITS = re.compile(r"-?[0-9]+", re.ASCII)
# Full-width digits and minus, as a Chinese or Japanese keyboard types them; no other script's digits
# ('²' is not 2, '٣' is not read here).
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "\uff0d": "-", "\u3000": " "})


class NumberError(ValueError):
    """A value that is not a whole number between low and high."""

    def __init__(self, low: int, high: int):
        super().__init__(f"not a whole number from {low} to {high}")
        self.low = low
        self.high = high


def parse_int(raw, *, low: int, high: int) -> int:
    """The whole number low..high written in raw (str or int); NumberError otherwise.

    Full-width digits fold to ASCII; spaces around the number are allowed;
    anything else, an overlong string of digits included, is refused before int() runs.
    """
    if isinstance(raw, bool):
        raise NumberError(low, high)
    if isinstance(raw, int):
        value = raw
    else:
        if not isinstance(raw, str) or len(raw) > 64:
            raise NumberError(low, high)
        text = raw.translate(_FULL_WIDTH).strip()
        # Never more digits than the bounds need (plus leading zeros within reason).
        if not _DIGITS.fullmatch(text) or len(text) > max(len(str(low)), len(str(high))) + 4:
            raise NumberError(low, high)
        value = int(text)
    if not low <= value <= high:
        raise NumberError(low, high)
    return value


def number_message(low: int, high: int, name: str | None = None) -> str:
    """'Enter a whole number from 1 to 99.' in the visitor's language."""
    if name:
        return _("“%(name)s” must be a whole number from %(low)s to %(high)s.", name=name, low=low, high=high)
    return _("Enter a whole number from %(low)s to %(high)s.", low=low, high=high)


def query_int(args: MultiDict, name: str, *, low: int, high: int, default: int | None = None) -> int | None:
    """A query parameter read with parse_int: default when absent or empty, a 400 with a clear message when
    malformed, out of range or repeated with different values."""
    from shop.errors import bad_request
    values = [v for v in args.getlist(name) if v.strip() != ""]
    if not values:
        return default
    try:
        numbers = {parse_int(v, low=low, high=high) for v in values}
    except NumberError:
        raise bad_request(number_message(low, high, name)) from None
    if len(numbers) > 1:
        raise bad_request(_("“%(name)s” may be given only once.", name=name))
    return numbers.pop()


def to_id(raw) -> int:
    """A coerce function for select fields whose values are row ids, 0 being the 'none' some of them offer
    (ValueError, which WTForms reports as an invalid choice, for anything else)."""
    return parse_int(raw, low=0, high=MAX_ID)


Bound = int | Callable[[], int]


def _value(bound: Bound) -> int:
    return bound() if callable(bound) else bound


class WholeNumberField(IntegerField):
    """An integer field bounded by low and high (numbers or callables read at validation time).

    Replaces IntegerField + NumberRange, whose check turns a long number into a
    float and fails with OverflowError. A bad value gets one message, however the
    field's other validators read.
    """

    widget = NumberInput()

    def __init__(self, label=None, validators=None, *, low: Bound = 0, high: Bound = MAX_INT32, message=None,
                 **kwargs):
        super().__init__(label, validators, **kwargs)
        self.low = low
        self.high = high
        self.message = message

    def _message(self) -> str:
        low, high = _value(self.low), _value(self.high)
        return str(self.message) % {"low": low, "high": high} if self.message else number_message(low, high)

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] is None or str(valuelist[0]).strip() == "":
            self.data = None
            return
        try:
            self.data = parse_int(valuelist[0], low=_value(self.low), high=_value(self.high))
        except NumberError:
            self.data = None
            raise ValueError(self._message()) from None

    def pre_validate(self, form):
        # A value that did not parse already has its message: the other validators must not add theirs.
        if self.process_errors:
            raise StopValidation()
        # Blanks pass InputRequired (they are input) but carry no number: a required field says so.
        if self.data is None and self.flags.required:
            raise StopValidation(self._message())
        if self.data is not None and not _value(self.low) <= self.data <= _value(self.high):
            raise StopValidation(self._message())

    def __call__(self, **kwargs):
        kwargs.setdefault("min", _value(self.low))
        kwargs.setdefault("max", _value(self.high))
        return super().__call__(**kwargs)


class BoundedIntConverter(IntegerConverter):
    """The URL map's <int:...>: ids past the 32-bit columns' range are a 404, not a database overflow."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def safe_path(target, *, max_length: int = MAX_ECHO_LENGTH) -> str | None:
    """A same-site path (with its query) to send a visitor back to, or None.

    Refuses other hosts and schemes ('//evil', '/\\evil', 'https://…'), control
    characters and anything longer than max_length, so that an echoed value never
    makes an open redirect or an oversized Location header.
    """
    if not target or not isinstance(target, str) or len(target) > max_length:
        return None
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def request_path(path: str, query: bytes | str, *, max_length: int = MAX_ECHO_LENGTH) -> str | None:
    """The path of this request to come back to later: with its query while short enough, without it
    when the query alone would make it too long, None when even the path is."""
    query = query.decode("latin-1") if isinstance(query, bytes) else (query or "")
    if query:
        full = safe_path(f"{path}?{query}", max_length=max_length)
        if full:
            return full
    return safe_path(path, max_length=max_length)



def checks_its_own_path(view):
    """Mark a view that validates its URL values before any query (and answers a NUL there with its own
    page): the NUL check then leaves its path to it."""
    view.checks_its_own_path = True
    return view


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def has_nul(request) -> bool:
    """Whether the query or the form holds a NUL character (never part of any text we keep)."""
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        return True
    # Only real forms: a webhook's raw JSON body must stay unread for its signature check.
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in _FORM_TYPES:
        return any("\x00" in key or "\x00" in value for key, value in request.form.items(multi=True))
    return False


def install(app) -> None:
    """Refuse NUL in any input (a 404 for an address, a 400 for a query or a form) before a view runs: PostgreSQL cannot store it in text and
    answers an error at the first query that carries it (SQLite keeps it silently), so it is refused
    the same way on both."""
    from flask import abort, request

    @app.before_request
    def refuse_nul():
        view = app.view_functions.get(request.endpoint or "")
        if "\x00" in request.path and not getattr(view, "checks_its_own_path", False):
            abort(404)  # an address with NUL names nothing
        if has_nul(request):
            abort(400)
