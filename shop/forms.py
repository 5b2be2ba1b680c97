"""Form pieces shared by several pages: the CSRF-only form, select options, per-locale text fields,
and a producer's contact fields. Page modules import these instead of each other's forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

FIELD_LABELS = {
    "name": _l("Name"),
    "summary": _l("Summary (one or two sentences)"),
    "description": _l("Description (Markdown)"),
    "story": _l("Story (Markdown)"),
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


class ProfileBase(FlaskForm):
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    email = EmailField(_l("Email"), validators=[Optional(), Regexp(EMAIL_PATTERN, message=_l("Enter an email address.")), Length(max=200)])
    website = StringField(_l("Website"), validators=[Optional(), URL(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])


class EmptyForm(FlaskForm):
    """A form with only the CSRF token (logout and other one-button actions)."""
