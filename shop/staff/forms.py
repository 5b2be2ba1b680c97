"""The sales point staff's forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from shop.forms import Form


class AddByCodeForm(Form):
    """Add a product by the code printed under the QR code on its label."""

    code = StringField(_l("Product code"), validators=[DataRequired(), Length(max=40)])
