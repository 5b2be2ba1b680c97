"""The back office's forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, EmailField, FloatField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from shop.forms import EMAIL_PATTERN, Form, ProfileBase
from shop.inputs import WholeNumberField, to_id


class RejectForm(Form):
    reason = TextAreaField(_l("What the producer should change"), validators=[DataRequired(), Length(max=2000)],
                           render_kw={"rows": 4})


class ProducerBase(ProfileBase):
    slug = StringField(_l("Address on the site (made from the name when empty)"),
                       validators=[Optional(), Length(max=100), Regexp(r"^[a-z0-9-]*$")])
    type = SelectField(_l("Type"), choices=[])
    locality = SelectField(_l("Locality"), coerce=to_id, choices=[])


class InviteForm(Form):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254),
                                                Regexp(EMAIL_PATTERN, message=_l("Enter an email address."))])
    locale = SelectField(_l("Language of the mails and pages"), choices=[])


class CertificateForm(Form):
    decision_number = StringField(_l("Decision number"), validators=[DataRequired(), Length(max=60)])
    decision_date = DateField(_l("Decision date"), validators=[DataRequired()])
    authority = StringField(_l("Issued by"), validators=[DataRequired(), Length(max=200)],
                            default="UBND tỉnh Quảng Ninh")
    awards = TextAreaField(_l("Or many products at once, one a line: product code, stars, score, kind "
                              "(new, recertified or upgraded)"),
                           validators=[Optional(), Length(max=100_000)], render_kw={"rows": 4})


class RevokeForm(Form):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=2000)], render_kw={"rows": 3})


class ImportForm(Form):
    kind = SelectField(_l("What the file holds"))
    file = FileField(_l("CSV file (UTF-8)"), validators=[FileRequired()])
    dry_run = BooleanField(_l("Check only (dry run): nothing is saved"), default=True)


class SalesPointBase(Form):
    slug = StringField(_l("Address on the site (made from the name when empty)"),
                       validators=[Optional(), Length(max=100), Regexp(r"^[a-z0-9-]*$")])
    kind = SelectField(_l("Kind"), choices=[])
    locality = SelectField(_l("Locality"), coerce=to_id, choices=[])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    opening_hours = StringField(_l("Opening hours (e.g. Mo-Su 08:00-21:30)"), validators=[Optional(), Length(max=200)])
    latitude = FloatField(_l("Latitude"), validators=[Optional(), NumberRange(min=-90, max=90)])
    longitude = FloatField(_l("Longitude"), validators=[Optional(), NumberRange(min=-180, max=180)])
    active = BooleanField(_l("Shown on the site"), default=True)
    products = TextAreaField(_l("Products carried: one product code a line"), validators=[Length(max=100_000)],
                             render_kw={"rows": 8})


class FairBase(Form):
    slug = StringField(_l("Address on the site (made from the name when empty)"),
                       validators=[Optional(), Length(max=100), Regexp(r"^[a-z0-9-]*$")])
    kind = SelectField(_l("Kind"), choices=[])
    starts_on = DateField(_l("First day"), validators=[DataRequired()])
    ends_on = DateField(_l("Last day"), validators=[DataRequired()])
    locality = SelectField(_l("Locality"), coerce=to_id, choices=[])
    participants = TextAreaField(_l("Participants: producer address (slug) and booth number, one a line"),
                                 validators=[Length(max=100_000)], render_kw={"rows": 8})


class OrderActionForm(Form):
    """A note with an action on an order (status, payment, cancel, refund); `to` only for status changes."""

    to = SelectField(_l("New status"), choices=[], validate_choice=True)
    note = TextAreaField(_l("Note for the order's history"), validators=[Optional(), Length(max=2000)],
                         render_kw={"rows": 2})


class LimitsForm(Form):
    max_price_change_percent = WholeNumberField(
        _l("A price may move this many percent without review (0: every price change is reviewed)"),
        validators=[InputRequired()], low=0, high=1000)
