"""Form pieces shared by several pages: the base class of every form (Flask-WTF's, with WTForms' own
messages in the page's language), the CSRF-only form, select options, per-locale text fields and a
producer's contact fields. Page modules import these instead of each other's forms.

WTForms ships catalogs for some languages (zh, ko) but not Vietnamese, and the app's catalogs are the
ones its tests keep complete; so the validators' built-in messages are msgids of our catalog
(listed below for extraction) and every form looks them up there.
"""
from __future__ import annotations

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp


class _CatalogTranslations:
    """WTForms' translations interface (gettext/ngettext) over the app's catalog of the current locale."""

    def gettext(self, string: str) -> str:
        return get_translations().gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ngettext(singular, plural, n)


_TRANSLATIONS = _CatalogTranslations()


class Form(FlaskForm):
    """A FlaskForm whose built-in validator messages come from the app's catalogs."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return _TRANSLATIONS


# WTForms' and Flask-WTF's built-in messages (wtforms/locale/wtforms.pot, flask_wtf/file.py), for
# `make extract-messages`; they are looked up by their English text at run time.
BUILT_IN_MESSAGES = (
    _l("Invalid field name '%s'."),
    _l("Field must be equal to %(other_name)s."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Date must be at least %(min)s."),
    _l("Date must be at most %(max)s."),
    _l("Date must be between %(min)s and %(max)s."),
    _l("This field is required."),
    _l("Invalid input."),
    _l("Invalid email address."),
    _l("Invalid IP address."),
    _l("Invalid Mac address."),
    _l("Invalid URL."),
    _l("Invalid UUID."),
    _l("Invalid value, must be one of: %(values)s."),
    _l("Invalid value, can't be any of: %(values)s."),
    _l("This field cannot be edited."),
    _l("This field is disabled and cannot have a value."),
    _l("Invalid CSRF Token."),
    _l("CSRF token missing."),
    _l("CSRF failed."),
    _l("CSRF token expired."),
    _l("Invalid Choice: could not coerce."),
    _l("Choices cannot be None."),
    _l("Not a valid choice."),
    _l("Invalid choice(s): one or more data inputs could not be coerced."),
    _l("Not a valid datetime value."),
    _l("Not a valid date value."),
    _l("Not a valid time value."),
    _l("Not a valid week value."),
    _l("Not a valid integer value."),
    _l("Not a valid decimal value."),
    _l("Not a valid float value."),
    _l("File does not have an approved extension."),
)


def _plural_messages_for_extraction() -> None:  # pragma: no cover - never called, only read by pybabel
    ngettext("Field must be at least %(min)d character long.", "Field must be at least %(min)d characters long.", 1)
    ngettext("Field cannot be longer than %(max)d character.", "Field cannot be longer than %(max)d characters.", 1)
    ngettext("Field must be exactly %(max)d character long.", "Field must be exactly %(max)d characters long.", 1)
    ngettext("'%(value)s' is not a valid choice for this field.",
             "'%(value)s' are not valid choices for this field.", 1)


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


class ProfileBase(Form):
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    email = EmailField(_l("Email"), validators=[Optional(), Regexp(EMAIL_PATTERN, message=_l("Enter an email address.")), Length(max=200)])
    website = StringField(_l("Website"), validators=[Optional(), URL(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])


class EmptyForm(Form):
    """A form with only the CSRF token (logout and other one-button actions)."""


def language_choices(codes) -> list[SelectChoice]:
    """Options naming each language in itself ('Tiếng Việt', '中文'), each marked with its lang for screen readers."""
    from shop.i18n import language_name
    return [SelectChoice(code, language_name(code), render_kw={"lang": code}) for code in codes]
