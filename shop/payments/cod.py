"""Cash on delivery (or at the sales point on pickup): nothing to set up, paid when the goods change hands."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from shop.payments.base import Instructions, PaymentMethod


class CashOnDelivery(PaymentMethod):
    code = "cod"
    label = _l("Cash on delivery")
    description = _l("Pay in cash when the parcel arrives, or at the sales point when you pick it up.")
    pay_before_fulfilment = False

    def instructions(self, order, payment, *, config):
        return Instructions("payments/cod.html", {"amount_vnd": payment.amount_vnd})
