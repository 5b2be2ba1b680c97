"""Translatable names of the codes stored in the database (types, kinds, units)."""
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

PRODUCER_TYPES = {
    "enterprise": _l("Enterprise"),
    "cooperative": _l("Cooperative"),
    "cooperative_group": _l("Cooperative group"),
    "household": _l("Household producer"),
}

LOCALITY_KINDS = {"city": _l("city"), "town": _l("town"), "district": _l("district")}

SALES_POINT_KINDS = {"centre": _l("OCOP centre"), "point": _l("OCOP sales point")}

FAIR_KINDS = {
    "provincial": _l("Provincial fair"),
    "district": _l("District fair"),
    "consumer_week": _l("Consumer week"),
    "international": _l("International fair"),
}

AWARD_KINDS = {"new": _l("New certification"), "recertified": _l("Re-certified"), "upgraded": _l("Upgraded")}

# A packaging's label: the size goes where each language puts it.
CONTAINERS = {
    "jar": _l("%(size)s jar"),
    "bottle": _l("%(size)s bottle"),
    "box": _l("%(size)s box"),
    "bag": _l("%(size)s bag"),
    "pack": _l("%(size)s pack"),
    "piece": _l("%(size)s piece"),
    "tray": _l("%(size)s tray"),
    "can": _l("%(size)s can"),
    "set": _l("%(size)s set"),
}

SORTS = {
    "newest": _l("Newest"),
    "price_asc": _l("Price: low to high"),
    "price_desc": _l("Price: high to low"),
    "stars": _l("Stars"),
    "name": _l("Name"),
}


CERTIFICATE_STATUSES = {"valid": _l("Valid"), "expired": _l("Expired"), "revoked": _l("Revoked")}
UNITS = {"g": _l("g (grams)"), "kg": _l("kg (kilograms)"), "ml": _l("ml (millilitres)"), "l": _l("l (litres)"),
         "piece": _l("pieces")}
PRODUCT_STATUSES = {"draft": _l("Draft"), "pending_review": _l("Waiting for review"),
                    "changes_requested": _l("Changes requested"), "published": _l("Published"),
                    "withdrawn": _l("Withdrawn")}


def size_label(quantity: int, unit: str) -> str:
    """'250 g', '1 l', '6 pieces'."""
    if unit == "piece":
        return ngettext("%(num)d piece", "%(num)d pieces", quantity)
    return f"{quantity} {unit}"


def packaging_label(packaging) -> str:
    """'250 g jar' / 'Hũ 250 g' / '250 g 罐装'."""
    template = CONTAINERS.get(packaging.container, CONTAINERS["pack"])
    return str(template) % {"size": size_label(packaging.quantity, packaging.unit)}

ORDER_STATUSES = {
    "pending_payment": _l("Waiting for payment"),
    "confirmed": _l("Confirmed"),
    "preparing": _l("Being prepared"),
    "shipped": _l("Shipped"),
    "ready_for_pickup": _l("Ready for pickup"),
    "delivered": _l("Delivered"),
    "picked_up": _l("Picked up"),
    "cancelled": _l("Cancelled"),
    "refunded": _l("Refunded"),
}

FULFILMENTS = {"delivery": _l("Delivery to an address"), "pickup": _l("Pickup at an OCOP sales point")}

PAYMENT_STATUSES = {
    "pending": _l("Not paid yet"),
    "paid": _l("Paid"),
    "failed": _l("Failed"),
    "cancelled": _l("Cancelled"),
    "refunded": _l("Refunded"),
}

# Who changed an order's status, as the order history names them.
ORDER_ACTORS = {"buyer": _l("You"), "office": _l("OCOP office"), "system": _l("Automatic"),
                "stripe": _l("Card payment")}

# A line's progress as its producer reports it (shop.orders.models.LineStatus).
LINE_STATUSES = {"new": _l("Waiting for the producer"), "preparing": _l("Being prepared"), "shipped": _l("Shipped")}


def actor_label(actor: str):
    """Who changed an order, for its history: 'producer:12' is a producer, 'office:3' the office."""
    kind = (actor or "").partition(":")[0]
    if kind == "producer":
        return _l("Producer")
    if kind == "office":
        return ORDER_ACTORS["office"]
    return ORDER_ACTORS.get(actor, actor)

# An order's status as its buyer reads it, worded to agree with the line statuses beside it
# ("received" and "waiting for the producer", not "confirmed" beside "waiting").
BUYER_ORDER_STATUSES = {
    "pending_payment": _l("Waiting for your payment"),
    "confirmed": _l("Order received"),
    "preparing": _l("Being prepared"),
    "shipped": _l("Shipped"),
    "ready_for_pickup": _l("Ready for pickup"),
    "delivered": _l("Delivered"),
    "picked_up": _l("Picked up"),
    "cancelled": _l("Cancelled"),
    "refunded": _l("Refunded"),
}


def buyer_line_status(order_status: str, line_status: str):
    """A line's progress as its buyer reads it: nothing starts before payment or after cancelling."""
    if order_status == "pending_payment":
        return _l("Starts after payment")
    if order_status in ("cancelled", "refunded"):
        return BUYER_ORDER_STATUSES[order_status]
    return LINE_STATUSES.get(line_status, line_status)
