"""Bank transfer by VietQR: the order page shows a QR code with the amount and reference, and the bank details as text."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from shop.payments import vietqr
from shop.payments.base import Instructions, PaymentMethod
from shop.text import fold

SETTINGS = ("VIETQR_BANK_BIN", "VIETQR_ACCOUNT", "VIETQR_ACCOUNT_NAME", "VIETQR_BANK_NAME")


def _ascii_name(name: str) -> str:
    """The account holder as banks print it: upper case, no diacritics, at most 25 characters."""
    return " ".join(fold(name).upper().split())[:vietqr.MERCHANT_NAME_MAX].strip()


class BankTransfer(PaymentMethod):
    code = "bank_transfer"
    label = _l("Bank transfer (VietQR)")
    description = _l("Scan the QR code with your banking app; the order is confirmed when the money arrives.")
    pay_before_fulfilment = True

    def is_configured(self, config) -> bool:
        if not all(config.get(name) for name in SETTINGS):
            return False
        try:  # a malformed BIN or account would only fail later, on the order page
            vietqr.build_payload(bank_bin=config["VIETQR_BANK_BIN"], account=config["VIETQR_ACCOUNT"],
                                 amount_vnd=None, reference="CHECK")
        except ValueError:
            return False
        return True

    def payload(self, payment, config) -> str:
        return vietqr.build_payload(
            bank_bin=config["VIETQR_BANK_BIN"], account=config["VIETQR_ACCOUNT"], amount_vnd=payment.amount_vnd,
            reference=payment.reference, merchant_name=_ascii_name(config["VIETQR_ACCOUNT_NAME"]) or None)

    def instructions(self, order, payment, *, config):
        if not self.is_configured(config):
            return Instructions("payments/bank_transfer_unavailable.html")
        payload = self.payload(payment, config)
        return Instructions("payments/bank_transfer.html", {
            "qr_svg": vietqr.qr_svg(payload, title=_("VietQR code to pay order %(code)s", code=order.code)),
            "payload": payload, "bank_name": config["VIETQR_BANK_NAME"], "bank_bin": config["VIETQR_BANK_BIN"],
            "account": config["VIETQR_ACCOUNT"], "account_name": config["VIETQR_ACCOUNT_NAME"],
            "amount_vnd": payment.amount_vnd, "reference": payment.reference})
