"""The producer portal's forms; text fields are made per configured locale."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from shop.forms import Form
from flask_wtf.file import MultipleFileField
from wtforms.fields.choices import SelectChoice
from wtforms import (BooleanField, EmailField, IntegerField, SelectField, SelectMultipleField, StringField,
                     TextAreaField)
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp

from shop import labels
from shop.money import parse_whole_amount
from shop.catalog.listings import MAX_PRICE_VND, MAX_STOCK
from shop.catalog.models import Container, Unit
from shop.inputs import WholeNumberField, to_id
from shop.inputs import _value as _bound
from shop.money import format_number


def get_locale_name() -> str:
    from shop.i18n import current_locale
    return current_locale()

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

FIELD_LABELS = {
    "name": _l("Name"),
    "summary": _l("Summary (one or two sentences)"),
    "description": _l("Description"),
    "story": _l("Story"),
    "address": _l("Address"),
    "venue": _l("Venue"),
}
FIELD_LIMITS = {"name": 200, "summary": 500, "description": 20_000, "story": 20_000, "address": 300, "venue": 300}


def options(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 deprecates bare tuples)."""
    return [SelectChoice(value=value, label=str(label)) for value, label in pairs]


def _text_field(name: str, locale: str):
    required = [DataRequired()] if name == "name" and locale == "vi" else [Optional()]
    validators = required + [Length(max=FIELD_LIMITS[name])]
    if name in ("description", "story"):
        return TextAreaField(FIELD_LABELS[name], validators=validators, render_kw={"rows": 8})
    return StringField(FIELD_LABELS[name], validators=validators)


def with_texts(base: type, fields: tuple[str, ...], locales) -> type:
    """A subclass of base with <field>_<locale> text fields for every locale."""
    attrs = {f"{name}_{locale}": _text_field(name, locale) for locale in locales for name in fields}
    return type(base.__name__, (base,), attrs)


def texts_of(form, fields: tuple[str, ...], locales) -> dict[str, dict[str, str]]:
    return {locale: {name: form[f"{name}_{locale}"].data or "" for name in fields} for locale in locales}


def fill_texts(form, translations, fields: tuple[str, ...]) -> None:
    """Put the stored texts into a fresh form."""
    for row in translations:
        for name in fields:
            key = f"{name}_{row.locale}"
            if key in form:
                form[key].data = getattr(row, name)


class ListingBase(Form):
    group = SelectField(_l("OCOP product group"), coerce=to_id, validators=[DataRequired()])


class ProfileBase(Form):
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    email = EmailField(_l("Email"), validators=[Optional(), Regexp(EMAIL_PATTERN, message=_l("Enter an email address.")), Length(max=200)])
    website = StringField(_l("Website"), validators=[Optional(), URL(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])


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
        self.unit.choices = options((u.value, u.value) for u in Unit)


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
