"""Customer accounts: sign-up, orders kept with the account ("My orders"), and the cart kept across sign-in."""
import re
from datetime import timedelta

from sqlalchemy import func, select

from shop.accounts import services
from shop.accounts.models import Role, User
from shop.cart.models import CartLine
from shop.cart.services import CartItem
from shop.models_base import utcnow
from shop.orders import placement as order_placement
from shop.orders import services as order_services
from shop.orders.models import Order
from tests.conftest import csrf_token_of, form_token, form_value, login, session_token, visible_text
from tests.factories import PASSWORD, make_checkout, make_product, make_user, order_settings

NEW_PASSWORD = "a long new password"


def _register(client, email="New.Buyer@Example.com", password=NEW_PASSWORD, confirm=None, locale="vi",
              query="", token=None):
    token = token or form_token(client, "/en/register")
    return client.post("/en/register" + query, data={"email": email, "password": password,
                                                      "confirm": password if confirm is None else confirm,
                                                      "locale": locale, "csrf_token": token})


def _add_to_cart(client, product, quantity=1):
    page = client.get(f"/en/products/{product.slug}").get_data(as_text=True)
    client.post("/en/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": quantity,
                                      "packaging_id": product.packagings[0].id})


def _checkout(client, **fields):
    html = client.get("/en/checkout").get_data(as_text=True)
    data = {"csrf_token": csrf_token_of(html), "idempotency_key": form_value(html, "idempotency_key"),
            "name": "Lý Minh", "phone": "0912 345 678", "email": form_value(html, "email") or "guest@example.com",
            "fulfilment": "delivery", "province": "22", "commune": "06688",
            "street": "1 Bạch Đằng", "payment_method": "cod", **fields}
    response = client.post("/en/checkout", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def test_register_creates_a_signed_in_customer_with_a_scrypt_hash(client, db):
    """Sign-up stores a lower-cased customer with a scrypt hash and the chosen language, and signs it in."""
    response = _register(client)
    assert response.status_code == 302 and response.headers["Location"] == "/en/account/orders"
    user = db.session.scalar(select(User))
    assert user.email == "new.buyer@example.com" and user.role == Role.CUSTOMER and user.locale == "vi"
    assert user.password_hash.startswith("scrypt:") and NEW_PASSWORD not in user.password_hash
    assert user.last_login_at is not None
    assert client.get("/en/account").status_code == 200  # signed in
    assert services.authenticate(db.session, "NEW.BUYER@example.com", NEW_PASSWORD) is not None


def test_register_follows_only_a_local_next(client, db):
    """After sign-up ?next= is followed when it is a path here (the checkout), ignored when it leads away."""
    assert _register(client, query="?next=/en/checkout").headers["Location"] == "/en/checkout"
    client.post("/en/logout", data={"csrf_token": session_token(client)})
    location = _register(client, email="other@example.com", query="?next=//evil.example/").headers["Location"]
    assert "evil" not in location


def test_register_refuses_bad_input_with_messages(client, db):
    """Different passwords, a short password and a malformed address give a 200 with a message, no user."""
    assert "The two passwords differ." in _register(client, confirm="another long pw").get_data(as_text=True)
    short = _register(client, password="short")
    assert short.status_code == 200 and "characters" in visible_text(short.get_data(as_text=True))
    bad = _register(client, email="not-an-address")
    assert bad.status_code == 200 and "name@example.com" in bad.get_data(as_text=True)
    assert _register(client, locale="xx").status_code == 200
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_duplicate_email_says_sign_in_or_reset_and_changes_nothing(client, db):
    """A taken address (any case, any role) gets one plain message; the account and its password stay."""
    make_user(db.session, "producer", email="taken@example.com")
    make_user(db.session, "customer", email="buyer@example.com")
    db.session.commit()
    response = _register(client, email="TAKEN@example.com")
    assert response.status_code == 200
    error = re.search(r'<p class="error" id="email-error">(.*?)</p>', response.get_data(as_text=True)).group(1)
    assert error.startswith("This address already has an account. Sign in, or set a new password")
    again = _register(client, email="buyer@example.com").get_data(as_text=True)
    assert f'<p class="error" id="email-error">{error}</p>' in again  # the role is not told
    user = db.session.scalar(select(User).where(User.email == "taken@example.com"))
    assert user.role == Role.PRODUCER and services.authenticate(db.session, "taken@example.com", PASSWORD)
    assert db.session.scalar(select(func.count()).select_from(User)) == 2
    assert client.get("/en/account").status_code == 302  # not signed in as anyone


def test_register_without_csrf_token_is_refused(client, db):
    """A sign-up POST without the form's token is a 400 and creates no user."""
    response = client.post("/en/register", data={"email": "a@example.com", "password": NEW_PASSWORD,
                                                 "confirm": NEW_PASSWORD, "locale": "en"})
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_register_is_refused_with_429_after_five_attempts_a_minute(client, db):
    """The sixth sign-up POST within a minute answers 429, as sign-in does; reading the form is not limited."""
    token = form_token(client, "/en/register")
    for n in range(5):
        assert _register(client, email=f"x{n}@example.com", confirm="differs from it", token=token).status_code == 200
    assert _register(client, email="x9@example.com", token=token).status_code == 429
    assert client.get("/en/register").status_code == 200
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_a_signed_in_user_is_sent_away_from_the_sign_up_page(client, db):
    """Someone already signed in is not offered a second account."""
    login(client, make_user(db.session, "customer"))
    db.session.commit()
    assert client.get("/en/register").headers["Location"] == "/en/account"


def test_login_and_checkout_pages_link_to_sign_up(client, db):
    """The sign-in page offers "Create an account"; the checkout says an account is optional and links back."""
    assert 'href="/en/register"' in client.get("/en/login").get_data(as_text=True)
    product = make_product(db.session)
    db.session.commit()
    _add_to_cart(client, product)
    html = client.get("/en/checkout").get_data(as_text=True)
    assert "An account is optional." in html and "/en/register?next=/en/checkout" in html


def test_register_then_order_appears_in_my_orders_and_not_for_another_customer(client, db, new_client):
    """Sign up → order while signed in → it is linked to the account, listed in My orders with its code,
    total, status and link; another customer sees an empty list; a guest order is linked to no one."""
    product = make_product(db.session, prices=(120_000,), stock=5)
    db.session.commit()
    _add_to_cart(client, product, 2)
    _register(client, email="buyer@example.com", query="?next=/en/checkout")
    location = _checkout(client)
    order = db.session.scalar(select(Order))
    buyer = db.session.scalar(select(User).where(User.email == "buyer@example.com"))
    assert order.user_id == buyer.id and order.email == "buyer@example.com"  # email prefilled from the account
    page = client.get("/en/account/orders")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "private, no-store"
    assert order.code in html and location in html and "Order received" in html and "₫" in visible_text(html)

    other = new_client()
    login(other, make_user(db.session, "customer", email="someone.else@example.com"))
    db.session.commit()
    other_html = other.get("/en/account/orders").get_data(as_text=True)
    assert order.code not in other_html and order.token not in other_html
    assert "You have no orders yet." in other_html

    guest = new_client()
    _add_to_cart(guest, product)
    _checkout(guest, email="buyer@example.com")  # the same email, but not signed in
    assert db.session.scalar(select(func.count()).select_from(Order).where(Order.user_id.is_(None))) == 1
    listed = client.get("/en/account/orders").get_data(as_text=True)
    assert listed.count("/en/orders/") - listed.count("/en/orders/lookup") == 1


def test_my_orders_lists_newest_first(db, app):
    """orders_of_user returns only that user's orders, newest first."""
    product = make_product(db.session, stock=10)
    me, other = make_user(db.session, "customer"), make_user(db.session, "customer")
    settings, now = order_settings(app), utcnow()
    placed = [order_placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)], make_checkout(),
                                         locale="en", now=now + timedelta(minutes=n), settings=settings, user_id=uid)
              for n, uid in enumerate((me.id, other.id, me.id, None))]
    assert [o.id for o in order_services.orders_of_user(db.session, me.id)] == [placed[2].id, placed[0].id]
    assert order_services.orders_of_user(db.session, other.id) == [placed[1]]


def test_staff_orders_are_not_linked_to_their_account(client, db):
    """Only customers' orders are kept with the account: staff may order for a walk-in buyer."""
    product = make_product(db.session)
    login(client, make_user(db.session, "sales_point_staff"))
    db.session.commit()
    _add_to_cart(client, product)
    _checkout(client)
    assert db.session.scalar(select(Order.user_id)) is None


def test_my_orders_needs_sign_in(client, db):
    """A visitor asking for My orders is sent to the sign-in page and back."""
    response = client.get("/en/account/orders")
    assert response.status_code == 302 and "/en/login?next=" in response.headers["Location"]


def test_cart_survives_sign_in(client, db):
    """Items added as a visitor are still in the cart after signing in with the login form."""
    product = make_product(db.session, stock=5)
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    _add_to_cart(client, product, 3)
    with client.session_transaction() as session:
        token = session["cart"]
    response = client.post("/en/login", data={"email": "c@example.com", "password": PASSWORD,
                                              "csrf_token": form_token(client, "/en/login")})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["cart"] == token and "_user_id" in session
    assert "(3 items)" in client.get("/en/cart").get_data(as_text=True)
    assert db.session.scalar(select(func.sum(CartLine.quantity))) == 3


def test_cart_survives_sign_up(client, db):
    """Items added as a visitor are still in the cart after creating an account, ready for checkout."""
    product = make_product(db.session, stock=5)
    db.session.commit()
    _add_to_cart(client, product, 2)
    _register(client)
    assert "(2 items)" in client.get("/en/cart").get_data(as_text=True)
    assert client.get("/en/checkout").status_code == 200
