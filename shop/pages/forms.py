"""The office's form for a content page: a title and a Markdown body per language."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, Optional

from shop.pages.services import BODY_MAX, TITLE_MAX


def page_form_class(locales) -> type:
    """A form with title_<locale> and body_<locale> for every locale."""
    attrs = {}
    for locale in locales:
        attrs[f"title_{locale}"] = StringField(_l("Title"), validators=[Optional(), Length(max=TITLE_MAX)])
        attrs[f"body_{locale}"] = TextAreaField(_l("Text"), validators=[Optional(), Length(max=BODY_MAX)],
                                                render_kw={"rows": 14})
    return type("ContentPageForm", (FlaskForm,), attrs)
