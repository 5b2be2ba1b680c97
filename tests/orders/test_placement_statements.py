"""Statement budgets of the buyer's path (X-SQL-Statements, SQL_COUNTING in the test config): placing an
order runs at most 15 statements and the same number for 1 and for 3 lines; the cart add and the
checkout form stay within theirs, also whatever the number of lines."""
from sqlalchemy import func, select

from shop.catalog.models import Packaging
from shop.orders.models import Order, OrderLine
from shop.outbox.models import OutboxMail
from tests.conftest import csrf_token_of, form_value
from tests.factories import make_producer, make_product

PLACE_ORDER_BUDGET = 15
CART_ADD_BUDGET = 4
CHECKOUT_FORM_BUDGET = 2  # the cart; the sales points too when the guest's form is not in memory yet
THANK_YOU_BUDGET = 8


def _statements(response) -> int:
    return int(response.headers["X-SQL-Statements"])


def _products(db, count):
    """count products of count producers, each producer with a contact address (so each gets a notice)."""
    products = [make_product(db.session, stock=20, producer=make_producer(db.session, email=f"p{i}@example.vn"),
                             name={"vi": f"Sản phẩm {i}", "en": f"Product {i}"})
                for i in range(count)]
    db.session.commit()
    return [(p.slug, p.packagings[0].id) for p in products]


def _fill(client, products):
    """Add each product to the cart; the statements of each cart add."""
    counts = []
    for slug, packaging_id in products:
        page = client.get(f"/en/products/{slug}").get_data(as_text=True)
        response = client.post("/en/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": 2,
                                                     "packaging_id": packaging_id})
        assert response.status_code == 303
        counts.append(_statements(response))
    return counts


def _place(client):
    """Open the checkout form, place a COD delivery order, open the page it redirects to: the statements of each."""
    form_page = client.get("/en/checkout")
    html = form_page.get_data(as_text=True)
    response = client.post("/en/checkout", data={
        "csrf_token": csrf_token_of(html), "idempotency_key": form_value(html, "idempotency_key"),
        "name": "Nguyễn Văn An", "phone": "0912 345 678", "email": "an@example.vn", "fulfilment": "delivery",
        "province": "22", "commune": "06685", "street": "1 Bến Đoan", "payment_method": "cod"})
    assert response.status_code == 303 and "/en/orders/" in response.headers["Location"]
    thank_you = client.get(response.headers["Location"])
    return _statements(form_page), _statements(response), _statements(thank_you)


def test_placing_an_order_runs_at_most_15_statements_for_one_line_and_for_three(new_client, db):
    """The place-order POST runs ≤ 15 statements, the same for 1 line as for 3; the thank-you page ≤ 8."""
    products = _products(db, 4)
    one, three = new_client(), new_client()
    _fill(one, products[:1])
    _, with_one, thank_you = _place(one)
    _fill(three, products[1:])
    _, with_three, _ = _place(three)
    assert with_one <= PLACE_ORDER_BUDGET and with_three <= PLACE_ORDER_BUDGET, (with_one, with_three)
    assert with_three == with_one
    assert thank_you <= THANK_YOU_BUDGET, thank_you
    # ... and it did all its work: two orders, four lines, stock taken, one confirmation and a notice per producer.
    assert db.session.scalar(select(func.count()).select_from(Order)) == 2
    assert db.session.scalar(select(func.count()).select_from(OrderLine)) == 4
    assert db.session.scalars(select(Packaging.stock).where(Packaging.id.in_([p for _, p in products]))).all() \
        == [18, 18, 18, 18]
    kinds = db.session.scalars(select(OutboxMail.kind)).all()
    assert kinds.count("order_confirmation") == 2 and kinds.count("producer_notice") == 4


def test_cart_add_and_checkout_form_stay_within_their_budgets(new_client, db):
    """Each cart add runs ≤ 4 statements and the checkout form ≤ 2 (1 once a guest's form is in memory),
    with 1 line as with 3 (no per-line loads)."""
    products = _products(db, 4)
    first, one, three = new_client(), new_client(), new_client()
    adds = _fill(first, products[:1]) + _fill(one, products[:1]) + _fill(three, products[1:])
    form_first = _statements(first.get("/en/checkout"))  # renders the guest's form and keeps it
    form_one, _, _ = _place(one)
    form_three, _, _ = _place(three)
    assert max(adds) <= CART_ADD_BUDGET, adds
    assert form_first <= CHECKOUT_FORM_BUDGET, form_first
    assert form_one == form_three == 1, (form_one, form_three)
