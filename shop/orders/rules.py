"""Order rules that other parts need without pulling in the order services: the one table of
status changes, the order error, and how contacts are normalised. Imports no other shop service."""
from __future__ import annotations

import re

from shop.domain import DomainError
from shop.orders.models import Fulfilment, OrderStatus

S = OrderStatus
# The one table of allowed status changes. Shipping applies to deliveries, 'ready' to pickups.
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.PENDING_PAYMENT: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.PREPARING, S.CANCELLED, S.REFUNDED}),
    S.PREPARING: frozenset({S.SHIPPED, S.READY_FOR_PICKUP, S.CANCELLED, S.REFUNDED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.REFUNDED}),
    S.READY_FOR_PICKUP: frozenset({S.PICKED_UP, S.CANCELLED, S.REFUNDED}),
    S.DELIVERED: frozenset({S.REFUNDED}),
    S.PICKED_UP: frozenset({S.REFUNDED}),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}
ONLY_FOR = {S.SHIPPED: Fulfilment.DELIVERY, S.DELIVERED: Fulfilment.DELIVERY,
            S.READY_FOR_PICKUP: Fulfilment.PICKUP, S.PICKED_UP: Fulfilment.PICKUP}
# Once goods have left, cancelling or refunding no longer puts them back on the shelf.
GOODS_LEFT = frozenset({S.SHIPPED, S.DELIVERED, S.PICKED_UP})

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_JUNK = re.compile(r"[\s.\-()/]")


class OrderError(DomainError):
    """An order rule was broken."""

    domain = "order"


def normalize_phone(raw: str) -> str | None:
    """'0912 345 678', '+84 912 345 678', '84912345678' → '+84912345678'; '+86 138 0013 8000' → '+8613800138000'."""
    text = _PHONE_JUNK.sub("", raw or "")
    if text.startswith("00"):
        text = "+" + text[2:]
    if re.fullmatch(r"0[1-9]\d{8,9}", text):  # national: mobiles 10 digits, landlines 11
        return "+84" + text[1:]
    if re.fullmatch(r"84[1-9]\d{8,9}", text):
        return "+" + text
    if re.fullmatch(r"\+[1-9]\d{7,14}", text):  # E.164
        if text.startswith("+84") and not re.fullmatch(r"\+84[1-9]\d{8,9}", text):
            return None
        return text
    return None


def normalize_email(raw: str) -> str | None:
    text = (raw or "").strip().lower()
    return text if len(text) <= 254 and _EMAIL.match(text) else None
