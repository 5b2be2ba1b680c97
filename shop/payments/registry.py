"""The registry of payment methods: the one explicit list, and lookups by code and configuration."""
from __future__ import annotations

from collections.abc import Mapping

from shop.payments.bank_transfer import BankTransfer
from shop.payments.base import PaymentMethod
from shop.payments.cod import CashOnDelivery
from shop.payments.stripe_card import StripeCard
from shop.payments.vnpay import Vnpay


def all_methods() -> list[PaymentMethod]:
    """Every payment method, in checkout order (the one explicit list: add a method here)."""
    return [CashOnDelivery(), BankTransfer(), Vnpay(), StripeCard()]


def available_methods(config: Mapping) -> list[PaymentMethod]:
    """The methods whose settings are present."""
    return [method for method in all_methods() if method.is_configured(config)]


def get_method(code: str, config: Mapping) -> PaymentMethod | None:
    """The configured method with this code, else None."""
    return next((m for m in available_methods(config) if m.code == code), None)


def any_method(code: str) -> PaymentMethod | None:
    """The method with this code even if its settings went missing since (for existing orders)."""
    return next((m for m in all_methods() if m.code == code), None)
