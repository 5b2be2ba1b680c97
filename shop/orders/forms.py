"""Checkout and order lookup forms; the rules they check live in orders.services."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from shop.forms import Form
from wtforms import HiddenField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from shop.inputs import NumberError, to_id
from shop.orders.models import Fulfilment
from shop.messages import message
from shop.orders.invoices import InvoiceError, invoice_request
from shop.orders.placement import Checkout
from shop.orders.rules import normalize_email, normalize_phone


def _phone(form, field):
    if normalize_phone(field.data or "") is None:
        raise ValidationError(_l("Enter a phone number such as 0912 345 678 or +86 138 0013 8000."))


def _email(form, field):
    if normalize_email(field.data or "") is None:
        raise ValidationError(_l("Enter an email address such as name@example.com."))


class CheckoutForm(Form):
    class Meta:
        csrf = False  # CSRFProtect already checked the request

    name = StringField(_l("Full name"), validators=[InputRequired(), Length(max=200)])
    phone = StringField(_l("Phone"), validators=[InputRequired(), Length(max=40), _phone])
    email = StringField(_l("Email"), validators=[InputRequired(), Length(max=254), _email])
    fulfilment = RadioField(_l("How do you want to receive it?"), default=Fulfilment.DELIVERY.value,
                            choices=[SelectChoice(Fulfilment.DELIVERY.value, _l("Delivery to an address")),
                                     SelectChoice(Fulfilment.PICKUP.value, _l("Pickup at an OCOP sales point"))],
                            validators=[InputRequired()])
    # Codes of the 2025 map (shop.geo); the communes offered are the chosen province's (setup()).
    province = SelectField(_l("Province or city"), validators=[Optional()], validate_choice=False)
    commune = SelectField(_l("Commune, ward or special zone"), validators=[Optional()], validate_choice=False)
    # Without JavaScript: sends the form back to list the chosen province's communes (places no order).
    choose_province = SubmitField(_l("Show its communes"))
    street = StringField(_l("Street address"), validators=[Optional(), Length(max=300)])
    sales_point = SelectField(_l("Sales point"), validators=[Optional()], validate_choice=False)
    payment_method = RadioField(_l("Payment"), validators=[InputRequired()])
    note = TextAreaField(_l("Note for the shop (optional)"), validators=[Optional(), Length(max=2000)])
    # A VAT invoice request (optional: all four or none; checked in validate()).
    invoice_company = StringField(_l("Company name"), validators=[Optional(), Length(max=200)])
    invoice_tax_code = StringField(_l("Tax code"), validators=[Optional(), Length(max=20)])
    invoice_address = StringField(_l("Invoice address"), validators=[Optional(), Length(max=300)])
    invoice_email = StringField(_l("Email for the e-invoice"), validators=[Optional(), Length(max=254)])
    idempotency_key = HiddenField(validators=[InputRequired(), Length(min=16, max=64)])

    sales_points_offered = False
    province_shown: dict = {}  # code -> (name shown, lang or None), set by setup()

    def setup(self, methods, provinces=(), communes=(), sales_points=None) -> CheckoutForm:
        """Offer the configured payment methods, the provinces and the chosen one's communes, and the active
        sales points when given (else offer_sales_points() later: a delivery order never needs them)."""
        # provinces: shop.orders.address_map.province_list, Quảng Ninh first, then the others by their name in
        # the page's language and its collation, each with that name (Vietnamese, marked, where it has none).
        self.province.choices = [SelectChoice("", "—")] + [SelectChoice(p.code, p.name) for p in provinces]
        self.province_shown = {p.code: (p.shown, p.lang) for p in provinces}
        self.commune.choices = [SelectChoice("", "—")] + [SelectChoice(c.code, c.name) for c in communes]
        self.payment_method.choices = [SelectChoice(m.code, m.label) for m in methods]
        if self.payment_method.data is None and methods:
            self.payment_method.data = methods[0].code
        self.sales_point.choices = [SelectChoice("", "—")]
        if sales_points is not None:
            self.offer_sales_points(sales_points)
        return self

    def offer_sales_points(self, sales_points) -> CheckoutForm:
        """The active sales points to pick up at, as (id, name) (shop.orders.services.pickup_points)."""
        self.sales_point.choices = [SelectChoice("", "—")] + [SelectChoice(str(point_id), name)
                                                              for point_id, name in sales_points]
        self.sales_points_offered = True
        return self

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.fulfilment.data == Fulfilment.DELIVERY:
            for field in (self.province, self.commune, self.street):
                if not (field.data or "").strip():
                    field.errors = [*field.errors, _l("Needed for a delivery.")]
                    ok = False
            for field in (self.province, self.commune):
                if field.data and field.data not in {c.value for c in field.choices if c.value}:
                    field.errors = [*field.errors, _l("Choose from the list.")]
                    ok = False
        elif self.fulfilment.data == Fulfilment.PICKUP:
            if (self.sales_point.data or "") not in {c.value for c in self.sales_point.choices if c.value}:
                self.sales_point.errors = [*self.sales_point.errors, _l("Choose a sales point.")]
                ok = False
        try:
            invoice_request(self.invoice_company.data, self.invoice_tax_code.data, self.invoice_address.data,
                            self.invoice_email.data)
        except InvoiceError as error:
            field = getattr(self, f"invoice_{error.field}")
            field.errors = [*field.errors, message(error)]
            ok = False
        return ok

    def sales_point_id(self) -> int | None:
        """The chosen sales point's id; None when none or not an id at all (the service then refuses a pickup)."""
        try:
            return to_id(self.sales_point.data) or None if self.sales_point.data else None
        except NumberError:
            return None

    def checkout_data(self) -> Checkout:
        return Checkout(name=self.name.data.strip(), phone=self.phone.data, email=self.email.data,
                        fulfilment=self.fulfilment.data, payment_method=self.payment_method.data,
                        idempotency_key=self.idempotency_key.data, province=self.province.data or "",
                        commune=self.commune.data or "", street=self.street.data or "",
                        sales_point_id=self.sales_point_id(),
                        note=self.note.data or "", invoice_company=self.invoice_company.data or "",
                        invoice_tax_code=self.invoice_tax_code.data or "",
                        invoice_address=self.invoice_address.data or "",
                        invoice_email=self.invoice_email.data or "")


class LookupForm(Form):
    class Meta:
        csrf = False  # CSRFProtect already checked the request

    code = StringField(_l("Order code"), validators=[InputRequired(), Length(max=16)])
    contact = StringField(_l("Phone or email used at checkout"), validators=[InputRequired(), Length(max=254)])
