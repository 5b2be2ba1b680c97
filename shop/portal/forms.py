"""The producer portal's forms; text fields are made per configured locale."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, IntegerField, SelectField, SelectMultipleField, TextAreaField
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from shop import labels
from shop.catalog.listings import MAX_PRICE_VND, MAX_STOCK
from shop.catalog.models import Container, Unit
from shop.forms import options

class ListingBase(FlaskForm):
    group = SelectField(_l("OCOP product group"), coerce=int, validators=[DataRequired()])


class PackagingForm(FlaskForm):
    container = SelectField(_l("Container"))
    quantity = IntegerField(_l("Size"), validators=[DataRequired(), NumberRange(min=1, max=1_000_000)])
    unit = SelectField(_l("Unit"))
    price_vnd = IntegerField(_l("Price (đồng)"), validators=[DataRequired(), NumberRange(min=1, max=MAX_PRICE_VND)])
    stock = IntegerField(_l("Stock"), default=0, validators=[Optional(), NumberRange(min=0, max=MAX_STOCK)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.container.choices = options((c.value, str(labels.CONTAINERS[c.value]) % {"size": "…"}) for c in Container)
        self.unit.choices = options((u.value, u.value) for u in Unit)


class PackagingUpdateForm(FlaskForm):
    price_vnd = IntegerField(_l("Price (đồng)"), validators=[DataRequired(), NumberRange(min=1, max=MAX_PRICE_VND)])
    stock = IntegerField(_l("Stock"), validators=[Optional(), NumberRange(min=0, max=MAX_STOCK)])
    active = BooleanField(_l("On sale"))


class PhotoForm(FlaskForm):
    photo = FileField(_l("Photo (JPEG, PNG or WebP)"), validators=[FileRequired()])


class LineFulfilmentForm(FlaskForm):
    """Mark some of the producer's own lines of an order preparing or shipped."""

    lines = SelectMultipleField(_l("Your lines"), coerce=int, choices=[], widget=ListWidget(prefix_label=False),
                                option_widget=CheckboxInput(),
                                validators=[DataRequired(message=_l("Choose at least one line."))])
    status = SelectField(_l("Mark as"), choices=[])
    note = TextAreaField(_l("Note for the buyer (for example the carrier and the tracking number)"),
                         validators=[Optional(), Length(max=500)], render_kw={"rows": 2})
