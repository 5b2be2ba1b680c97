"""VAT invoice requests: asked for at checkout (no JavaScript), checked, seen by the order's producers and the
office, recorded by each producer with its number and date, shown to the buyer, and exported in the CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from shop.cart.services import CartItem
from shop.orders import invoices, placement
from shop.orders.models import Order, OrderInvoice
from shop.clock import today
from tests.conftest import login, session_token, visible_text
from tests.factories import make_checkout, make_product, make_user, order_settings
from tests.orders.test_order_views import _checkout_form, _fill_cart

INVOICE = {"invoice_company": "Công ty TNHH Quà Tặng Hạ Long", "invoice_tax_code": "0100233488",
           "invoice_address": "12 Bạch Đằng, Phường Hạ Long, Quảng Ninh", "invoice_email": "KeToan@QuaTang.vn"}


def _order_with_invoice(app, session, *products, status="confirmed"):
    """A cash order of one unit of each product, asking for a VAT invoice."""
    order = placement.place_order(
        session, [CartItem(p.packagings[0].id, 1) for p in products],
        make_checkout(invoice_company=INVOICE["invoice_company"], invoice_tax_code="0314409058002",
                      invoice_address=INVOICE["invoice_address"], invoice_email=INVOICE["invoice_email"]),
        locale="vi", now=datetime.now(timezone.utc), settings=order_settings(app))
    order.status = status
    session.commit()
    return order


def test_checkout_keeps_a_checked_invoice_request(client, db):
    """The optional section's four fields land on the order, the tax code as printed and the email in lower case."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    html = client.get("/en/checkout").get_data(as_text=True)
    assert "<details class=\"invoice-request field\"" in html and "I need a VAT invoice" in html
    response = client.post("/en/checkout", data=_checkout_form(client, **INVOICE))
    assert response.status_code == 303
    order = db.session.scalar(select(Order))
    assert (order.invoice_company, order.invoice_tax_code, order.invoice_address, order.invoice_email) == (
        INVOICE["invoice_company"], "0100233488", INVOICE["invoice_address"], "ketoan@quatang.vn")
    page = visible_text(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "VAT invoice" in page and "0100233488" in page


@pytest.mark.parametrize("fields, message", [
    ({**INVOICE, "invoice_tax_code": "0100233480"}, "Enter a tax code of 10 digits"),
    ({**INVOICE, "invoice_tax_code": "abc"}, "Enter a tax code of 10 digits"),
    ({**INVOICE, "invoice_address": ""}, "fill in the company, tax code, address and email"),
    ({**INVOICE, "invoice_email": "ketoan"}, "Enter an email address"),
])
def test_a_bad_invoice_request_is_shown_on_the_form(client, db, fields, message):
    """A wrong check digit, junk, a missing part or a bad email re-renders the form (400, section open); no order."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    response = client.post("/en/checkout", data=_checkout_form(client, **fields))
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and message in html
    assert "<details class=\"invoice-request field\" open" in html
    assert db.session.scalar(select(Order)) is None


def test_no_invoice_asked_leaves_the_fields_empty(client, db):
    """Without the optional section the order asks for no invoice and its page shows none."""
    product = make_product(db.session)
    db.session.commit()
    _fill_cart(client, product)
    response = client.post("/en/checkout", data=_checkout_form(client))
    order = db.session.scalar(select(Order))
    assert not order.wants_invoice and order.invoice_tax_code == ""
    assert "VAT invoice" not in visible_text(client.get(response.headers["Location"]).get_data(as_text=True))


def test_producer_records_its_invoice_and_the_buyer_sees_it(app, db, client, new_client):
    """Each producer of the order records its own invoice; the buyer's page lists it; another producer gets 404."""
    tea, rice = make_product(db.session, name="Trà"), make_product(db.session, name="Gạo")
    order = _order_with_invoice(app, db.session, tea, rice)
    tea_user = make_user(db.session, "producer", producer=tea.producer)
    stranger = make_user(db.session, "producer")
    db.session.commit()
    producer = new_client()
    login(producer, tea_user)
    page = producer.get(f"/portal/orders/{order.id}").get_data(as_text=True)
    assert "VAT invoice requested" in page and "0314409058-002" in page
    response = producer.post(f"/portal/orders/{order.id}/invoice", data={
        "csrf_token": session_token(producer), "number": "C25TQN-00000123", "issued_on": today().isoformat()})
    assert response.status_code == 303
    recorded = db.session.scalars(select(OrderInvoice)).all()
    assert [(i.producer_id, i.number) for i in recorded] == [(tea.producer_id, "C25TQN-00000123")]
    buyer_page = visible_text(client.get(f"/en/orders/{order.token}").get_data(as_text=True))
    assert "Invoice C25TQN-00000123" in buyer_page
    other = new_client()
    login(other, stranger)
    assert other.get(f"/portal/orders/{order.id}").status_code == 404
    assert other.post(f"/portal/orders/{order.id}/invoice", data={
        "csrf_token": session_token(other), "number": "X1", "issued_on": today().isoformat()}).status_code == 404


def test_invoice_rules(app, db):
    """Refused: another producer's order, an order without a request, an unpaid one, a bad number or date."""
    tea = make_product(db.session)
    order = _order_with_invoice(app, db.session, tea)
    day = today()

    def record(producer_id=tea.producer_id, order_id=order.id, number="0000123", issued_on=day):
        invoices.record_invoice(db.session, producer_id, order_id, number=number, issued_on=issued_on,
                                producer_name="A", actor="producer:1", today=day, now=datetime.now(timezone.utc))

    for kwargs, code in [({"producer_id": tea.producer_id + 999}, "not_found"), ({"number": "có dấu"},
                                                                                  "bad_invoice_number"),
                         ({"issued_on": day + timedelta(days=1)}, "bad_invoice_date"),
                         ({"issued_on": date(2020, 1, 1)}, "bad_invoice_date")]:
        with pytest.raises(invoices.InvoiceError) as raised:
            record(**kwargs)
        assert raised.value.code == code
    record()
    record(number="0000124")  # a correction replaces the first record
    assert [i.number for i in db.session.scalars(select(OrderInvoice))] == ["0000124"]
    unpaid = _order_with_invoice(app, db.session, make_product(db.session), status="pending_payment")
    with pytest.raises(invoices.InvoiceError) as raised:
        record(producer_id=unpaid.lines[0].producer_id, order_id=unpaid.id)
    assert raised.value.code == "not_invoiceable"


def test_orders_csv_carries_the_invoice_request_and_the_invoices(app, db, client):
    """The office's CSV export has the address codes, the four invoice fields and the recorded invoices."""
    tea = make_product(db.session)
    order = _order_with_invoice(app, db.session, tea)
    invoices.record_invoice(db.session, tea.producer_id, order.id, number="0000123", issued_on=today(),
                            producer_name="HTX Trà", actor="producer:1", today=today(),
                            now=datetime.now(timezone.utc))
    admin = make_user(db.session, "admin")
    db.session.commit()
    login(client, admin)
    body = client.get("/backoffice/orders/export.csv").get_data().decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(body)))
    assert row["invoice_tax_code"] == "0314409058-002" and row["invoice_email"] == "ketoan@quatang.vn"
    assert row["invoice_company"] == INVOICE["invoice_company"]
    assert row["province_code"] == "22" and row["commune_code"] == "06688" and row["commune"] == "Phường Hạ Long"
    assert row["invoices"] == f"0000123 {today().isoformat()} HTX Trà"
    detail = visible_text(client.get(f"/backoffice/orders/{order.id}").get_data(as_text=True))
    assert "VAT invoice requested" in detail and "0314409058-002" in detail and "Invoice 0000123" in detail
