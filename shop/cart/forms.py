"""The cart's small forms (CSRF is checked for every POST by CSRFProtect)."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField

from shop.forms import Form
from wtforms.validators import InputRequired

from shop.forms import Form
from shop.inputs import MAX_ID, WholeNumberField


def _cart_max() -> int:
    return current_app.config["CART_MAX_QUANTITY"]


class CartLineForm(Form):
    """A packaging and a quantity: add to the cart, or set a line's quantity (0 removes it)."""

    class Meta:
        csrf = False  # CSRFProtect already checked the request

    packaging_id = WholeNumberField(validators=[InputRequired()], low=1, high=MAX_ID)
    quantity = WholeNumberField(_l("Quantity"), default=1, validators=[InputRequired()], low=0, high=_cart_max)
    next = HiddenField()
