"""Who may use which portal, staff and back-office route: every route of app.url_map, seven identities."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from shop.catalog.models import Certificate, ProductPhoto, ProductStatus
from shop.outbox.models import OutboxMail
from shop.places.models import Fair, FairTranslation
from shop.producers.models import Producer
from tests.conftest import login, session_token
from tests.factories import certify, make_product, make_sales_point, make_user

IDENTITIES = ("anonymous", "customer", "sales_point_staff", "staff_b", "producer_b", "admin", "producer_a")
GUARDED = ("portal", "staff", "backoffice", "backoffice_pages", "backoffice_mail")


def _guarded_routes():
    from shop import create_app
    app = create_app("test")
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in GUARDED:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                routes.append((rule.endpoint, rule.rule, method))
    return sorted(routes)


ROUTES = _guarded_routes()

# The accounts blueprint is not guarded as a whole: some of its pages are for visitors, the others
# need a signed-in user (any role). Every accounts route must be in one of the two sets.
ACCOUNT_PUBLIC = {"accounts.login", "accounts.register", "accounts.logout", "accounts.forgot_password",
                  "accounts.set_password"}
ACCOUNT_SIGNED_IN = {"accounts.account", "accounts.my_orders", "accounts.switch_language"}


def _account_routes():
    from shop import create_app
    app = create_app("test")
    return sorted((rule.endpoint, rule.rule, method) for rule in app.url_map.iter_rules()
                  if rule.endpoint.startswith("accounts.")
                  for method in rule.methods - {"HEAD", "OPTIONS"})


ACCOUNT_ROUTES = _account_routes()


def test_the_matrix_sees_every_guarded_route():
    """The route list comes from app.url_map, so a new portal or back-office route is tested automatically."""
    endpoints = {endpoint for endpoint, _rule, _method in ROUTES}
    assert {"portal.dashboard", "portal.photo_add", "staff.dashboard", "staff.remove_product",
            "backoffice.dashboard", "backoffice.review_approve", "backoffice_pages.index",
            "backoffice_pages.edit", "backoffice_mail.failed", "backoffice_mail.resend"} <= endpoints
    assert len(ROUTES) >= 25


@pytest.fixture()
def world(db):
    """Producer A with a pending product (packaging, photo, certificate) carried by the staff's point,
    producer B, staff of another point, and one user per identity."""
    product = make_product(db.session, name="Sản phẩm của A", status=ProductStatus.PENDING_REVIEW)
    product.photos.append(ProductPhoto(filename="demo/a.webp", width=1, height=1))
    certificate = certify(db.session, product, stars=4)
    producer_a = db.session.get(Producer, product.producer_id)
    users = {
        "customer": make_user(db.session, "customer"),
        "sales_point_staff": make_user(db.session, "sales_point_staff",
                                       sales_point=make_sales_point(db.session, carries=[product])),
        "staff_b": make_user(db.session, "sales_point_staff"),
        "producer_a": make_user(db.session, "producer", producer=producer_a),
        "producer_b": make_user(db.session, "producer"),
        "admin": make_user(db.session, "admin"),
    }
    point = make_sales_point(db.session)
    fair = Fair(slug="hoi-cho", kind="provincial", starts_on=date(2026, 4, 1), ends_on=date(2026, 4, 5),
                translations=[FairTranslation(locale="vi", name="Hội chợ")])
    db.session.add(fair)
    order = _order_of(db.session, product)
    from shop.catalog.models import ProductRevision
    revision = ProductRevision(product_id=product.id, content={"texts": {}}, status="pending")
    db.session.add(revision)
    failed_mail = OutboxMail(kind="text", recipient="lost@example.vn", params={"subject": "s", "body": "b"},
                             status="failed", attempts=9, last_error="refused")
    db.session.add(failed_mail)
    db.session.commit()
    ids = {"product_id": product.id, "packaging_id": product.packagings[0].id, "photo_id": product.photos[0].id,
           "producer_id": producer_a.id, "certificate_id": certificate.id, "sales_point_id": point.id,
           "fair_id": fair.id, "order_id": order.id, "slug": "about-ocop", "mail_id": failed_mail.id,
           "revision_id": revision.id}
    return users, ids


def _order_of(session, product):
    """A confirmed cash-on-delivery order holding one line of the product (built directly: it is not on sale)."""
    from shop.orders.models import Order, OrderEvent, OrderLine
    from shop.payments.models import Payment
    order = Order(code="QN-MATRIX", token="matrix-token", idempotency_key="matrix", status="confirmed", locale="vi",
                  customer_name="Nguyễn Văn An", phone="+84912345678", email="an@example.com", fulfilment="delivery",
                  province="Quảng Ninh", province_code="22", commune="Phường Hạ Long", commune_code="06688",
                  street="1 Bạch Đằng", payment_method="cod", invoice_company="Công ty TNHH Quà Tặng",
                  invoice_tax_code="0100233488", invoice_address="1 Bạch Đằng", invoice_email="ketoan@example.com",
                  subtotal_vnd=100_000, shipping_vnd=0, total_vnd=100_000,
                  lines=[OrderLine(product_id=product.id, packaging_id=product.packagings[0].id,
                                   producer_id=product.producer_id, product_name="Sản phẩm của A",
                                   packaging_label="Hũ 250 g", producer_name="A", unit_price_vnd=100_000,
                                   quantity=1, total_vnd=100_000)],
                  events=[OrderEvent(actor="buyer", to_status="confirmed")])
    session.add(order)
    session.add(Payment(order=order, method="cod", amount_vnd=100_000, reference="QNMATRIX"))
    session.flush()
    return order


def _url(rule: str, ids: dict) -> str:
    url = rule
    for name, value in ids.items():
        url = url.replace(f"<int:{name}>", str(value)).replace(f"<{name}>", str(value))
    assert "<" not in url, f"the access matrix does not know how to fill {rule}: add the id to world()"
    return url


def _expected(identity: str, endpoint: str, url: str, method: str) -> set[int]:
    area = endpoint.split(".")[0]
    if area == "backoffice_pages":  # the content-page editor: its own blueprint, the back office's check
        area = "backoffice"
    if identity == "anonymous":
        return {302}
    if area in ("backoffice", "backoffice_mail"):
        return ({200} if method == "GET" else {200, 302, 303, 400}) if identity == "admin" else {403}
    if area == "staff":
        # Staff only: the office keeps every point's range in the back office, so admin gets 403 too.
        if identity not in ("sales_point_staff", "staff_b"):
            return {403}
        if endpoint == "staff.add_product":
            return {404}  # the world's product is pending review: no point may carry it
        if re.search(r"/products/\d+/", url):
            # The product is carried by the first staff's point only: another point's staff gets 404.
            return {302} if identity == "sales_point_staff" else {404}
        return {200} if method == "GET" else {400}  # add by code with an empty code
    # portal
    if identity not in ("producer_a", "producer_b"):
        return {403}
    if identity == "producer_b" and ("/products/" in url and not url.endswith("/products/new")
                                     or "/orders/" in url):
        return {404}
    return {200} if method == "GET" else {200, 302, 303, 400}


@pytest.mark.parametrize("endpoint, rule, method", ROUTES, ids=[f"{m} {r}" for _e, r, m in ROUTES])
def test_access_matrix(app, db, world, new_client, endpoint, rule, method):
    """Anonymous → sign-in page; customer and staff → 403 in portal and back office; producer B on A's
    objects and another point's staff on this point's products → 404; producers in the back office and the
    office in the portal or the staff pages → 403; the owner, the point's staff and the office → 200."""
    users, ids = world
    url = _url(rule, ids)
    for identity in IDENTITIES:
        client = new_client()
        if identity != "anonymous":
            login(client, users[identity])
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data={"csrf_token": session_token(client)})
        expected = _expected(identity, endpoint, url, method)
        assert response.status_code in expected, (identity, method, url, response.status_code)
        if identity == "anonymous":
            assert "/login?next=" in response.headers["Location"]


def test_a_post_without_csrf_token_is_refused_everywhere(app, db, world, new_client):
    """Every guarded POST route answers 400 to its rightful user when the CSRF token is missing."""
    users, ids = world
    for endpoint, rule, method in ROUTES:
        if method != "POST":
            continue
        identity = {"backoffice": "admin", "backoffice_mail": "admin",
                    "staff": "sales_point_staff"}.get(endpoint.split(".")[0], "producer_a")
        client = new_client()
        login(client, users[identity])
        response = client.post(_url(rule, ids), data={"reason": "x", "price_vnd": "1"})
        assert response.status_code == 400, (endpoint, response.status_code)
    assert db.session.scalar(select(Certificate.status)) == "valid"


def test_every_account_route_is_classified():
    """A new accounts route must be declared public or signed-in here, so its access gets tested."""
    assert {endpoint for endpoint, _rule, _method in ACCOUNT_ROUTES} == ACCOUNT_PUBLIC | ACCOUNT_SIGNED_IN


SIGNED_IN_ROUTES = [route for route in ACCOUNT_ROUTES if route[0] in ACCOUNT_SIGNED_IN]


@pytest.mark.parametrize("endpoint, rule, method", SIGNED_IN_ROUTES,
                         ids=[f"{m} {r}" for _e, r, m in SIGNED_IN_ROUTES])
def test_signed_in_account_pages(app, db, world, new_client, endpoint, rule, method):
    """The account page and My orders: anonymous → sign-in page; every signed-in role → its own page
    (My orders lists only orders linked to that account: the world's guest order is nobody's)."""
    users, _ids = world
    url = rule.replace("<locale>", "en")
    for identity in IDENTITIES:
        client = new_client()
        if identity != "anonymous":
            login(client, users[identity])
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data={"csrf_token": session_token(client)})
        if identity == "anonymous":
            assert response.status_code == 302 and "/login?next=" in response.headers["Location"], (url, method)
            continue
        assert response.status_code in ({200} if method == "GET" else {200, 302, 303, 400}), (identity, url)
        assert "QN-MATRIX" not in response.get_data(as_text=True)


@pytest.mark.parametrize("identity, path, sees", [
    ("producer_a", "/portal/orders/{order_id}", True),
    ("admin", "/backoffice/orders/{order_id}", True),
    ("producer_b", "/portal/orders/{order_id}", False),
    ("producer_b", "/portal/orders", False),
    ("customer", "/backoffice/orders/{order_id}", False),
    ("sales_point_staff", "/portal/orders/{order_id}", False),
])
def test_invoice_request_is_seen_by_its_producer_and_the_office_only(db, world, new_client, identity, path, sees):
    """The buyer's company and tax code show to the producer whose lines the order holds and to the office."""
    users, ids = world
    client = new_client()
    login(client, users[identity])
    response = client.get(path.format(**ids))
    html = response.get_data(as_text=True)
    assert ("0100233488" in html and "Công ty TNHH Quà Tặng" in html) is sees
    if sees:
        assert response.status_code == 200 and "ketoan@example.com" in html
    elif "{order_id}" in path:
        assert response.status_code in (403, 404)
