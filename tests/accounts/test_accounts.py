"""Accounts: passwords, sign-in, rate limit, reset and invitation links, create-admin, production config."""
import re
from datetime import datetime, timedelta, timezone

import pytest
from flask_babel import force_locale, gettext
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from shop.accounts import services
from shop.accounts.models import Role, User
from tests.conftest import form_token, login, session_token
from tests.factories import PASSWORD, make_user


def _post_login(client, email, password, token=None, **kwargs):
    token = token or form_token(client, "/en/login")
    return client.post("/en/login" + kwargs.pop("query", ""),
                       data={"email": email, "password": password, "csrf_token": token}, **kwargs)


def test_passwords_are_stored_as_scrypt_hashes(db):
    """create_user never stores the password itself, only a scrypt hash that checks."""
    user = services.create_user(db.session, email="Office@Example.com ", role=Role.ADMIN, password="long enough pw")
    assert user.email == "office@example.com"
    assert user.password_hash.startswith("scrypt:") and "long enough pw" not in user.password_hash
    assert services.authenticate(db.session, "OFFICE@example.com", "long enough pw") is user
    assert services.authenticate(db.session, "office@example.com", "wrong password!") is None


@pytest.mark.parametrize("kwargs, code", [
    ({"email": "not-an-address", "role": "customer"}, "invalid_email"),
    ({"email": "a@b.vn", "role": "wizard"}, "unknown_role"),
    ({"email": "a@b.vn", "role": "producer"}, "producer_required"),
    ({"email": "a@b.vn", "role": "sales_point_staff"}, "sales_point_required"),
    ({"email": "a@b.vn", "role": "customer", "password": "short"}, "password_length"),
])
def test_create_user_refuses_incomplete_accounts(db, kwargs, code):
    """A producer user needs a producer, staff a sales point, a password 10+ characters."""
    with pytest.raises(services.AccountError) as error:
        services.create_user(db.session, **kwargs)
    assert error.value.code == code


def test_login_redirects_by_role_and_logout_is_a_post(client, db):
    """A producer lands in the portal, an admin in the back office; logging out needs a POST with a token."""
    make_user(db.session, "producer", email="p@example.com")
    make_user(db.session, "admin", email="admin@example.com")
    db.session.commit()
    response = _post_login(client, "p@example.com", PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/portal/"
    assert client.get("/en/logout").status_code == 405
    assert client.post("/en/logout").status_code == 400  # no CSRF token
    assert client.post("/en/logout", data={"csrf_token": session_token(client)}).status_code == 302
    assert client.get("/portal/").status_code == 302
    response = _post_login(client, "ADMIN@example.com", PASSWORD)
    assert response.headers["Location"] == "/backoffice/"


def test_wrong_password_and_unknown_email_get_the_same_answer(client, db):
    """The form does not tell whether an address has an account."""
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    wrong = _post_login(client, "c@example.com", "not the password")
    unknown = _post_login(client, "nobody@example.com", "not the password")
    assert wrong.status_code == unknown.status_code == 200
    assert "The email or the password is not right." in wrong.get_data(as_text=True)
    assert "The email or the password is not right." in unknown.get_data(as_text=True)


def test_login_follows_only_a_local_next(client, db):
    """?next= is followed when it is a path on this site, ignored when it points elsewhere."""
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    assert _post_login(client, "c@example.com", PASSWORD, query="?next=/en/products").headers["Location"] == "/en/products"
    client.post("/en/logout", data={"csrf_token": session_token(client)})
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        location = _post_login(client, "c@example.com", PASSWORD, query=f"?next={target}").headers["Location"]
        assert "evil" not in location
        client.post("/en/logout", data={"csrf_token": session_token(client)})


def test_inactive_user_cannot_sign_in(client, db):
    """A deactivated account is refused even with the right password."""
    make_user(db.session, "customer", email="gone@example.com", active=False)
    db.session.commit()
    assert _post_login(client, "gone@example.com", PASSWORD).status_code == 200
    assert client.get("/en/account").status_code == 302


def test_login_is_refused_with_429_after_five_attempts_a_minute(client, db):
    """The sixth POST to the sign-in form within a minute answers 429 with a readable page."""
    token = form_token(client, "/en/login")
    for _ in range(5):
        assert _post_login(client, "x@example.com", "wrong password", token=token).status_code == 200
    response = _post_login(client, "x@example.com", "wrong password", token=token)
    assert response.status_code == 429
    assert "Too many requests" in response.get_data(as_text=True)
    assert client.get("/en/login").status_code == 200  # reading the form is not limited


def test_route_limits_hold_without_the_limiter_s_before_request_hook(app, client, db):
    """Flask-Limiter's per-request hook is not installed (no app-wide limits to check), yet the sign-in
    route's own limit still answers the sixth attempt with a 429."""
    from shop.extensions import limiter
    assert limiter._check_request_limit not in app.before_request_funcs.get(None, [])
    token = form_token(client, "/en/login")
    statuses = [_post_login(client, "y@example.com", "wrong password", token=token).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_post_without_csrf_token_is_refused(client, db):
    """Sign-in without the form's token is a 400, even with the right password."""
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    response = client.post("/en/login", data={"email": "c@example.com", "password": PASSWORD})
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)


def test_session_cookie_is_httponly_and_lax(client, db):
    """The session cookie cannot be read by scripts nor sent by other sites' forms."""
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    response = _post_login(client, "c@example.com", PASSWORD)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_password_reset_by_mail_link_is_single_use(app, client, db, outbox):
    """The mailed link sets a new password once; the old password and the link then stop working."""
    make_user(db.session, "customer", email="c@example.com", locale="vi")
    db.session.commit()
    token = form_token(client, "/en/password/forgot")
    response = client.post("/en/password/forgot", data={"email": "C@example.com", "csrf_token": token})
    assert response.status_code == 302
    assert len(outbox) == 1 and outbox[0]["To"] == "c@example.com"
    body = outbox[0].get_content()
    link = re.search(r"http://localhost(/vi/password/set/\S+)", body).group(1)
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": "a new password", "confirm": "a new password",
                                       "csrf_token": form_token(client, link)})
    assert response.status_code == 302
    assert _post_login(client, "c@example.com", "a new password").status_code == 302
    assert client.get(link).status_code == 400
    with app.test_request_context(), force_locale("vi"):  # the link is in the user's language
        used = gettext("This link has already been used. Ask for a new one.")
    assert used != "This link has already been used. Ask for a new one."
    assert used in client.get(link).get_data(as_text=True)


def test_forgot_password_does_not_reveal_unknown_addresses(client, db, outbox):
    """An unknown address gets the same answer and no mail is sent."""
    response = client.post("/en/password/forgot", data={"email": "nobody@example.com",
                                                        "csrf_token": form_token(client, "/en/password/forgot")})
    assert response.status_code == 302 and outbox == []


def test_reset_link_expires(app, db):
    """A reset token older than PASSWORD_RESET_MAX_AGE is refused as expired."""
    user = make_user(db.session, "customer")
    token = services.make_password_token(app.config["SECRET_KEY"], user)
    max_age = {services.RESET: 3600, services.INVITE: 7 * 86400}
    assert services.user_for_token(db.session, app.config["SECRET_KEY"], token, max_age=max_age) is user
    # The same payload signed two hours ago.
    class TwoHoursAgo(TimestampSigner):
        def get_timestamp(self):
            return int((datetime.now(timezone.utc) - timedelta(hours=2)).timestamp())

    serializer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="ocop-shop-set-password", signer=TwoHoursAgo)
    old = serializer.loads(token)
    with pytest.raises(services.AccountError) as error:
        services.user_for_token(db.session, app.config["SECRET_KEY"], serializer.dumps(old), max_age=max_age)
    assert error.value.code == "token_expired"
    with pytest.raises(services.AccountError) as error:
        services.user_for_token(db.session, "another secret", token, max_age=max_age)
    assert error.value.code == "token_invalid"


def test_account_page_stores_the_users_language(client, db):
    """A user picks the language of their pages and mails; it is stored on the account."""
    user = make_user(db.session, "customer", locale="en")
    db.session.commit()
    login(client, user)
    response = client.post("/en/account", data={"locale": "zh", "csrf_token": session_token(client)})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "zh"


def test_header_shows_sign_in_or_the_users_links(client, db):
    """Anonymous visitors see "Sign in"; a producer sees the portal link and a sign-out button."""
    assert "/en/login" in client.get("/en/products").get_data(as_text=True)
    user = make_user(db.session, "producer")
    db.session.commit()
    login(client, user)
    html = client.get("/en/products").get_data(as_text=True)
    assert 'href="/portal/"' in html and 'action="/en/logout"' in html and 'href="/en/login"' not in html


def test_create_admin_command(app, db):
    """flask shop create-admin makes an admin; it prompts for the password when left out."""
    runner = app.test_cli_runner()
    result = runner.invoke(args=["shop", "create-admin", "boss@example.com", "--password", "a long password"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["shop", "create-admin", "other@example.com"],
                           input="another long one\nanother long one\n")
    assert result.exit_code == 0, result.output
    assert {u.role for u in db.session.query(User)} == {"admin"}
    result = runner.invoke(args=["shop", "create-admin", "boss@example.com", "--password", "a long password"])
    assert result.exit_code != 0 and "already" in result.output
    assert services.authenticate(db.session, "other@example.com", "another long one") is not None


@pytest.mark.parametrize("secret", [None, "dev-only-not-secret"])
def test_production_refuses_a_missing_or_default_secret(monkeypatch, secret):
    """create_app('production') stops when SECRET_KEY is unset or the development default."""
    from shop import create_app
    if secret is None:
        monkeypatch.delenv("SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("SECRET_KEY", secret)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_cookies_are_secure():
    """In production the session cookie is sent over HTTPS only, HttpOnly and SameSite=Lax."""
    from config import ProductionConfig
    assert ProductionConfig.SESSION_COOKIE_SECURE is True
    assert ProductionConfig.SESSION_COOKIE_HTTPONLY is True
    assert ProductionConfig.SESSION_COOKIE_SAMESITE == "Lax"


def test_forgot_password_answers_the_same_when_the_mail_server_is_down(client, db, app):
    """With the mail server down the visitor gets the usual answer (never a 500), and the reset mail
    waits in the outbox, pending, for the worker to send once the server is back."""
    import socket
    make_user(db.session, "customer", email="c@example.com")
    db.session.commit()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    try:
        response = client.post("/en/password/forgot", data={
            "email": "c@example.com", "csrf_token": form_token(client, "/en/password/forgot")})
    finally:
        app.config.update(MAIL_SERVER="", MAIL_PORT=25)
    assert response.status_code == 302
    from shop.outbox.models import MailStatus, OutboxMail
    db.session.expire_all()
    waiting = [m for m in db.session.query(OutboxMail).all() if m.recipient == "c@example.com"]
    assert len(waiting) == 1 and waiting[0].status == MailStatus.PENDING and waiting[0].sent_at is None


def test_staff_land_on_their_showroom_pages(client, db):
    """A sales point's staff member signs in to the staff pages, not to "my account"."""
    from tests.factories import make_sales_point
    point = make_sales_point(db.session)
    make_user(db.session, "sales_point_staff", email="staff@ocop.vn", sales_point=point)
    db.session.commit()
    response = _post_login(client, "staff@ocop.vn", PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/staff/"


def test_language_switch_stays_in_the_portal(client, db):
    """The header's language buttons on a portal page change the user's language and come back to the page."""
    from tests.conftest import login
    user = make_user(db.session, "producer", locale="en")
    db.session.commit()
    login(client, user)
    page = client.get("/portal/orders").get_data(as_text=True)
    assert 'name="locale" value="zh"' in page and 'name="next" value="/portal/orders"' in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/en/account/language", data={"csrf_token": token, "locale": "zh",
                                                         "next": "/portal/orders"})
    assert response.status_code == 303 and response.headers["Location"] == "/portal/orders"
    assert '<html lang="zh">' in client.get("/portal/orders").get_data(as_text=True)
    assert client.post("/en/account/language", data={"csrf_token": token, "locale": "xx"}).status_code == 400
