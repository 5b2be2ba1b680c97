"""The cart's small forms (CSRF is checked for every POST by CSRFProtect)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from shop.forms import Form
from wtforms import HiddenField, IntegerField
from wtforms.validators import InputRequired, NumberRange


class CartLineForm(Form):
    """A packaging and a quantity: add to the cart, or set a line's quantity (0 removes it)."""

    class Meta:
        csrf = False  # CSRFProtect already checked the request

    packaging_id = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=2**31 - 1)])
    quantity = IntegerField(_l("Quantity"), default=1, validators=[InputRequired(), NumberRange(min=0, max=10**6)])
    next = HiddenField()
