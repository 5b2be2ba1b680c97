"""The producer portal's forms; text fields are made per configured locale."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField
from wtforms import BooleanField, DateField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from shop import labels
from shop.money import parse_whole_amount
from shop.catalog.listings import MAX_PRICE_VND, MAX_STOCK
from shop.catalog.models import Container, Unit
from shop.forms import Form, options
from shop.inputs import WholeNumberField, to_id
from shop.inputs import _value as _bound
from shop.money import format_number


def get_locale_name() -> str:
    from shop.i18n import current_locale
    return current_locale()

class ListingBase(Form):
    group = SelectField(_l("OCOP product group"), coerce=to_id, validators=[DataRequired()])


class AmountField(WholeNumberField):
    """A bounded whole number as Vietnamese write it: "280.000", "280,000", "280 000" or "280000 ₫".

    Shown as text with a numeric keyboard (inputmode), since a number input refuses "280.000".
    """

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"inputmode": "numeric", "autocomplete": "off", **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def __call__(self, **kwargs):
        kwargs["type"] = "text"
        return IntegerField.__call__(self, **kwargs)

    def _message(self) -> str:
        return str(_l("Write a whole number from %(low)s to %(high)s, for example 280.000.")) % {
            "low": format_number(_bound(self.low), get_locale_name()),
            "high": format_number(_bound(self.high), get_locale_name())}

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] is None or str(valuelist[0]).strip() == "":
            self.data = None
            return
        value = parse_whole_amount(str(valuelist[0])[:64])
        if value is None or not _bound(self.low) <= value <= _bound(self.high):
            self.data = None
            raise ValueError(self._message())
        self.data = value


class PackagingForm(Form):
    container = SelectField(_l("Container"))
    quantity = AmountField(_l("Size"), validators=[DataRequired()], low=1, high=1_000_000)
    unit = SelectField(_l("Unit"))
    price_vnd = AmountField(_l("Price (đồng)"), validators=[DataRequired()], low=1, high=MAX_PRICE_VND)
    stock = AmountField(_l("Stock"), default=0, validators=[Optional()], low=0, high=MAX_STOCK)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.container.choices = options((c.value, str(labels.CONTAINERS[c.value]) % {"size": "…"}) for c in Container)
        self.unit.choices = options((u.value, labels.UNITS.get(u.value, u.value)) for u in Unit)


class PackagingUpdateForm(Form):
    price_vnd = AmountField(_l("Price (đồng)"), validators=[DataRequired()], low=1, high=MAX_PRICE_VND)
    stock = AmountField(_l("Stock"), validators=[Optional()], low=0, high=MAX_STOCK)
    active = BooleanField(_l("On sale"))


class PhotoForm(Form):
    photo = MultipleFileField(_l("Photos (JPEG, PNG or WebP; several at once)"), render_kw={"accept": "image/*", "data-preview": "photo-previews"})


class LineFulfilmentForm(Form):
    """Mark some of the producer's own lines of an order preparing or shipped."""

    lines = SelectMultipleField(_l("Your lines"), coerce=to_id, choices=[], widget=ListWidget(prefix_label=False),
                                option_widget=CheckboxInput(),
                                validators=[DataRequired(message=_l("Choose at least one line."))])
    status = SelectField(_l("Mark as"), choices=[])
    note = TextAreaField(_l("Note for the buyer (for example the carrier and the tracking number)"),
                         validators=[Optional(), Length(max=500)], render_kw={"rows": 2})


class InvoiceRecordForm(Form):
    """A producer records the VAT invoice it issued for its lines of an order."""

    number = StringField(_l("Invoice number"), validators=[InputRequired(), Length(max=40)])
    issued_on = DateField(_l("Invoice date"), validators=[InputRequired()])
