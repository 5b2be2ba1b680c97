"""VAT invoice requests (hóa đơn GTGT): what the buyer asks for at checkout, and the invoices producers issue.

A buyer may ask for a VAT invoice at checkout (company, tax code, address, e-mail for the e-invoice).
Each producer sells its own goods, so each issues its own invoice for its lines of the order and
records the invoice's number and date here; the buyer sees them on the order page. Every producer
call takes the producer id: another producer's order is "not_found", as if it did not exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from shop.domain import DomainError
from shop.orders.models import Order, OrderInvoice, OrderStatus
from shop.orders.tax_code import normalize_tax_code

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{2,}$")
# Invoice numbers as e-invoice systems print them: digits, letters and a few separators ('00000123', 'C25TAA-12').
_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z/._-]{0,39}$")
LIMITS = {"company": 200, "address": 300}
# Orders whose goods the producer may invoice: paid or under way (an unpaid or cancelled order has nothing to bill).
INVOICEABLE = frozenset({OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.SHIPPED,
                         OrderStatus.READY_FOR_PICKUP, OrderStatus.DELIVERED, OrderStatus.PICKED_UP})


class InvoiceError(DomainError):
    """An invoice rule was broken; params['field'] says which input (for the form)."""

    domain = "invoice"

    @property
    def field(self) -> str:
        return self.params.get("field", "")


@dataclass(frozen=True)
class InvoiceRequest:
    """A checked VAT invoice request, as stored on the order (all empty: none asked for)."""

    company: str = ""
    tax_code: str = ""
    address: str = ""
    email: str = ""

    @property
    def wanted(self) -> bool:
        return bool(self.tax_code)


NONE = InvoiceRequest()


def invoice_request(company: str, tax_code: str, address: str, email: str) -> InvoiceRequest:
    """Check a request: all four parts or none. Raises InvoiceError(code, field)."""
    parts = {"company": " ".join((company or "").split()), "tax_code": (tax_code or "").strip(),
             "address": " ".join((address or "").split()), "email": (email or "").strip().lower()}
    if not any(parts.values()):
        return NONE
    for name, value in parts.items():
        if not value:
            raise InvoiceError("invoice_incomplete", field=name)
    for name, limit in LIMITS.items():
        if len(parts[name]) > limit:
            raise InvoiceError("invoice_too_long", field=name)
    normalized = normalize_tax_code(parts["tax_code"])
    if normalized is None:
        raise InvoiceError("bad_tax_code", field="tax_code")
    if len(parts["email"]) > 254 or not _EMAIL.match(parts["email"]):
        raise InvoiceError("bad_invoice_email", field="email")
    return InvoiceRequest(company=parts["company"], tax_code=normalized, address=parts["address"],
                          email=parts["email"])


def producer_invoice(order: Order, producer_id: int) -> OrderInvoice | None:
    """The invoice this producer recorded for the order, if any."""
    return next((i for i in order.invoices if i.producer_id == producer_id), None)


def record_invoice(session, producer_id: int, order_id: int, *, number: str, issued_on: date | None,
                   producer_name: str, actor: str, today: date, now: datetime) -> OrderInvoice:
    """Record (or correct) the number and date of the invoice this producer issued for its lines of an order.

    Raises InvoiceError: not_found (not its order), no_invoice_request, not_invoiceable (unpaid or
    cancelled), bad_invoice_number, bad_invoice_date (before the order or after today). Caller commits.
    """
    order = session.get(Order, order_id)
    if order is None or not any(line.producer_id == producer_id for line in order.lines):
        raise InvoiceError("not_found")
    if not order.wants_invoice:
        raise InvoiceError("no_invoice_request")
    if order.status not in INVOICEABLE:
        raise InvoiceError("not_invoiceable")
    number = (number or "").strip()
    if not _NUMBER.match(number):
        raise InvoiceError("bad_invoice_number", field="number")
    placed = order.created_at.date()
    if issued_on is None or issued_on < placed or issued_on > today:
        raise InvoiceError("bad_invoice_date", field="issued_on")
    invoice = session.scalar(select(OrderInvoice).where(OrderInvoice.order_id == order.id,
                                                        OrderInvoice.producer_id == producer_id))
    if invoice is None:
        invoice = OrderInvoice(order_id=order.id, producer_id=producer_id)
        session.add(invoice)
    invoice.producer_name = producer_name[:200]
    invoice.number = number
    invoice.issued_on = issued_on
    invoice.recorded_at = now
    invoice.recorded_by = actor[:60]
    session.flush()
    session.expire(order, ["invoices"])
    return invoice
