"""Property-based fuzzing of every public form and every public GET route: no junk gets a 5xx.

Hypothesis drives the Flask test client (no server) with generated junk: huge and negative integers,
numbers written in other scripts, non-numeric values in selects, unicode, NUL, very long strings and
repeated parameters, mixed with real values so that the forms get past their first check. Examples are
derandomized, so that CI runs the same ones every time; over 5,000 in all (EXAMPLES below) on SQLite,
40 % of them on PostgreSQL.
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime, timezone
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.security import generate_password_hash

from shop.accounts import services as account_services
from shop.cart.services import CartItem
from shop.extensions import limiter
from shop.orders import placement
from shop.places.models import Fair, FairTranslation
from tests.conftest import FreshContextClient
from tests.factories import (certify, make_checkout, make_product, make_sales_point, make_user,
                             order_settings)

# Examples per test; the sum is what CI runs (test_the_examples_add_up_to_5000 checks it).
EXAMPLES = {"get_routes": 2000, "pdf_routes": 30, "cart_add": 600, "cart_update": 300, "cart_remove": 150,
            "checkout": 300, "order_lookup": 400, "verify": 400, "sign_in": 400, "sign_up": 250,
            "password_forgot": 300, "password_set": 300}
# FUZZ_SCALE=0.1 for a quick local run. CI runs the full budget on SQLite and 40 % of it again on
# PostgreSQL (the second pass is there for what only PostgreSQL refuses: NUL in text, 32-bit overflows).
ON_POSTGRES = os.environ.get("TEST_DATABASE_URL", "").startswith("postgres")
SCALE = float(os.environ.get("FUZZ_SCALE", "0.4" if ON_POSTGRES else "1"))
PRIVATE_BLUEPRINTS = ("backoffice", "portal", "staff")
PDF_ENDPOINTS = {"showroom.catalog_pdf", "showroom.labels_pdf"}
MAX_LOCATION = 4096  # bounded echoes: no redirect may carry more


def fuzz_settings(name: str):
    """Reproducible (derandomized, no example database) and without time limits: requests vary in cost."""
    return settings(max_examples=max(1, int(EXAMPLES[name] * SCALE)), deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much])


# --- junk ---------------------------------------------------------------------------------------

SPECIAL = ["", " ", "\x00", "a\x00b", "0", "-0", "+1", "1", "-1", "007", "2147483647", "2147483648", "-2147483649",
           "9223372036854775807", "9223372036854775808", "1e999", "-1e999", "NaN", "inf", "0x1F", "1_000", "3.5",
           "1,5", "²", "٣", "１２", "null", "true", "[]", "{}", "%00", "%", "%ZZ", "<script>alert(1)</script>",
           "\"'><svg onload=alert(1)>", "' OR 1=1 --", "../../etc/passwd", "//evil.example/", "/\\evil.example",
           "javascript:alert(1)", "Ðông Triều", "ＯＣＯＰ", "\u202egnp.exe", "🙂", "金花茶", "\r\nSet-Cookie: a=b",
           "\ufeff", "\u0301", "　"]


def _repeat(n: int, chars: str = "a9Đ<%\x00 ") -> st.SearchStrategy[str]:
    return st.sampled_from(chars).map(lambda c: c * n)


junk = st.one_of(
    st.sampled_from(SPECIAL),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.integers(min_value=19, max_value=5000).flatmap(lambda n: st.sampled_from(["9" * n, "-" + "9" * n])),
    st.text(max_size=30),
    st.integers(min_value=300, max_value=70_000).flatmap(_repeat),
)


def values(*real) -> st.SearchStrategy[str]:
    """Junk, or one of the real values of a field (so that the rest of the form is reached)."""
    if not real:
        return junk
    return st.one_of(st.sampled_from([str(v) for v in real]), junk)


def fields(spec: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[MultiDict]:
    """Form data or query pairs: each field absent, once or repeated, plus unknown names."""
    names = sorted(spec)
    per_field = {name: st.lists(spec[name], min_size=0, max_size=3) for name in names}
    extra = st.lists(st.tuples(st.sampled_from(["x", "zz[]", "\x00", "a" * 300, ""]), junk), max_size=2)

    @st.composite
    def build(draw):
        pairs = []
        for name in names:
            # Mostly present once, so that validation goes past the first missing field.
            count = draw(st.sampled_from([1, 1, 1, 1, 0, 2]))
            chosen = draw(per_field[name]) if count == 2 else [draw(spec[name])] * count
            pairs += [(name, v) for v in chosen]
        pairs += draw(extra)
        return MultiDict(pairs)

    return build()


# --- the world -----------------------------------------------------------------------------------

def _cheap_hash(password: str, method: str = "", salt_length: int = 16) -> str:
    return generate_password_hash(password, method="pbkdf2:sha256:1", salt_length=salt_length)


@pytest.fixture()
def world(app, db, config_override, monkeypatch):
    """A small catalog (producers, products, a certificate, a point, a fair, an order, a user) with CSRF and
    rate limits off, so that generated forms reach their validation and the services behind them.
    Password hashes are made cheap: scrypt is slow on purpose, and these tests are about input."""
    config_override(WTF_CSRF_ENABLED=False)
    limiter.enabled = False
    monkeypatch.setattr(account_services, "_DUMMY_HASH", _cheap_hash("not-a-real-password"))
    monkeypatch.setattr(account_services, "generate_password_hash", _cheap_hash)
    app.test_client_class = FreshContextClient  # each request its own g and session, as in production
    tea = make_product(db.session, name={"vi": "Trà hoa vàng Đông Triều", "en": "Golden tea", "zh": "金花茶"},
                       stock=1_000_000, prices=(120_000, 480_000))
    honey = make_product(db.session, name="Mật ong rừng", stock=1_000_000)
    draft = make_product(db.session, name="Bản nháp bí mật", status="draft")
    award = certify(db.session, tea, stars=5, decision_date=date(2025, 6, 1)).awards[0]
    point = make_sales_point(db.session, carries=[tea, honey])
    fair = Fair(slug="hoi-cho-ocop", kind="provincial", starts_on=date(2026, 4, 1), ends_on=date(2026, 4, 5),
                translations=[FairTranslation(locale="vi", name="Hội chợ OCOP")])
    db.session.add(fair)
    make_user(db.session, "customer", email="an@example.com").password_hash = _cheap_hash("wrong password")
    db.session.commit()
    order = placement.place_order(
        db.session, [CartItem(tea.packagings[0].id, 1)], make_checkout(), locale="vi",
        now=datetime.now(timezone.utc), settings=order_settings(app))
    db.session.commit()
    yield {
        "packaging_ids": [p.id for p in (*tea.packagings, *honey.packagings, *draft.packagings)],
        "product_slugs": [tea.slug, honey.slug, draft.slug], "producer_slugs": [tea.producer.slug],
        "point_slugs": [point.slug], "point_ids": [point.id], "fair_slugs": [fair.slug],
        "codes": [tea.code, award.code, draft.code], "order": (order.code, order.token),
        "groups": ["I", "I.5", "II.1"], "localities": ["ha-long", "dong-trieu"],
    }
    limiter.enabled = True


def _check(response, what) -> None:
    try:
        assert response.status_code < 500, (what, response.status_code, response.get_data(as_text=True)[:500])
        assert len(response.headers.get("Location", "")) <= MAX_LOCATION, (what, "oversized Location")
    finally:
        response.close()  # static files are streamed from an open file


def _drop_flashes(client) -> None:
    # A redirect that is not followed leaves its flash in the cookie; many would outgrow it.
    with client.session_transaction() as session:
        session.pop("_flashes", None)


def _post(client, path: str, data: MultiDict):
    """POST form data; the answer must be below 500 with a bounded Location."""
    response = client.post(path, data=data)
    _check(response, (path, data))
    if 300 <= response.status_code < 400:
        _drop_flashes(client)
    return response


def _fill_cart(client, packaging_id: int) -> None:
    _post(client, "/en/cart/add", MultiDict({"packaging_id": packaging_id, "quantity": 1}))


# --- every public GET route ----------------------------------------------------------------------

def public_get_rules(app, *, pdf: bool):
    """The GET rules of app.url_map that a visitor may open without signing in."""
    rules = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.endpoint.split(".")[0] in PRIVATE_BLUEPRINTS:
            continue
        if (rule.endpoint in PDF_ENDPOINTS) == pdf:
            rules.append(rule)
    return sorted(rules, key=lambda r: r.rule)


QUERY_NAMES = ["q", "page", "per_page", "stars", "group", "locality", "producer_type", "type", "price_min",
               "price_max", "sort", "when", "locale", "lang", "next", "code", "sales_point", "products",
               "redirect_status", "status"]


def _path_value(world, name: str) -> st.SearchStrategy[str]:
    real = {"locale": ["vi", "en", "zh", "ko", "fr", "VI"], "slug": world["product_slugs"] + world["producer_slugs"]
            + world["point_slugs"] + world["fair_slugs"], "product_slug": world["product_slugs"],
            "code": world["codes"] + ["c-" + world["codes"][1].lower()], "token": [world["order"][1]],
            "filename": ["css/shop.css", "js/map.js", "../config.py", "demo/a.webp"]}.get(name, [])
    return values(*real)


def _query_value(world, name: str) -> st.SearchStrategy[str]:
    real = {"page": [1, 2, 10_000], "per_page": [1, 24, 100], "stars": [3, 4, 5], "group": world["groups"],
            "locality": world["localities"], "producer_type": ["cooperative", "enterprise"], "sort": ["price_asc",
            "name", "stars"], "locale": ["vi", "en"], "lang": ["vi", "zh"], "next": ["/en/cart"],
            "code": world["codes"], "sales_point": world["point_slugs"], "products": [",".join(world["codes"])],
            "q": ["trà", "Ðông", "金"], "type": ["cooperative"], "when": ["upcoming", "past"]}.get(name, [])
    return values(*real)


@st.composite
def get_request(draw, world, rules):
    """A rule with its variables filled in (real or junk, percent-encoded) and a query of real and junk pairs."""
    rule = draw(st.sampled_from(rules))
    path = rule.rule
    for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", rule.rule):
        value = draw(_path_value(world, name))
        encoded = quote(value, safe="/" if converter == "path" else "")
        path = re.sub(rf"<(?:\w+:)?{name}>", lambda _m: encoded, path, count=1)
    pairs = draw(st.lists(st.sampled_from(QUERY_NAMES).flatmap(
        lambda n: st.tuples(st.just(n), _query_value(world, n))), max_size=5))
    return path, urlencode(pairs)


def test_every_public_get_route_answers_junk_without_a_server_error(app, world):
    """Every public GET route of app.url_map, with junk in its path and query, answers below 500."""
    rules = public_get_rules(app, pdf=False)
    assert len(rules) >= 30 and any(r.endpoint == "catalog.product_list" for r in rules)
    client = app.test_client()

    @fuzz_settings("get_routes")
    @given(get_request(world, rules))
    def run(request):
        path, query = request
        _check(client.get(path, query_string=query), (path, query[:300]))

    run()


def test_printable_catalog_and_labels_answer_junk_without_a_server_error(app, world):
    """The PDF routes (slow to render, so fewer examples) answer junk filters below 500."""
    rules = public_get_rules(app, pdf=True)
    assert {r.endpoint for r in rules} == PDF_ENDPOINTS
    client = app.test_client()

    @fuzz_settings("pdf_routes")
    @given(get_request(world, rules))
    def run(request):
        path, query = request
        _check(client.get(path, query_string=query), (path, query[:300]))

    run()


# --- every public form ---------------------------------------------------------------------------

def test_cart_add_answers_junk_without_a_server_error(app, world):
    """Add to cart: junk ids, quantities and next= (a draft's id among the real ones) never make a 5xx."""
    client = app.test_client()

    @fuzz_settings("cart_add")
    @given(fields({"packaging_id": values(*world["packaging_ids"]), "quantity": values(0, 1, 2, 99, 100),
                   "next": values("/en/cart", "/en/products")}))
    def run(data):
        _post(client, "/en/cart/add", data)

    run()


def test_cart_update_answers_junk_without_a_server_error(app, world):
    """Update a cart line: junk ids and quantities against a cart holding one line."""
    client = app.test_client()

    @fuzz_settings("cart_update")
    @given(fields({"packaging_id": values(*world["packaging_ids"]), "quantity": values(0, 1, 5, 99, 100)}))
    def run(data):
        _fill_cart(client, world["packaging_ids"][0])  # quantity 0 may have taken the line out
        _post(client, "/en/cart/update", data)

    run()


def test_cart_remove_answers_junk_without_a_server_error(app, world):
    """Remove a cart line: junk ids."""
    client = app.test_client()

    @fuzz_settings("cart_remove")
    @given(fields({"packaging_id": values(*world["packaging_ids"])}))
    def run(data):
        _fill_cart(client, world["packaging_ids"][1])
        _post(client, "/en/cart/remove", data)

    run()


def test_checkout_answers_junk_without_a_server_error(app, world):
    """Checkout with a cart: junk in every field, non-numeric and unknown sales points and provinces."""
    @fuzz_settings("checkout")
    @given(fields({"name": values("Nguyễn Văn An"), "phone": values("0912 345 678", "+86 138 0013 8000"),
                   "email": values("an@example.com"), "fulfilment": values("delivery", "pickup"),
                   "province": values("quang-ninh", "ha-noi"), "commune": values("Hạ Long"),
                   "street": values("12 Bạch Đằng"), "sales_point": values(*world["point_ids"], 0),
                   "payment_method": values("cod", "card", "vietqr"), "note": values("Giao giờ hành chính"),
                   "idempotency_key": values("k" * 24, "short")}))
    def run(data):
        if _post(client, "/en/checkout", data).status_code != 400:
            _fill_cart(client, world["packaging_ids"][0])  # an order was placed, or the cart needs a look

    client = app.test_client()
    _fill_cart(client, world["packaging_ids"][0])

    run()


def test_order_lookup_answers_junk_without_a_server_error(app, world):
    """Order lookup by code and contact."""
    code, _token = world["order"]

    client = app.test_client()

    @fuzz_settings("order_lookup")
    @given(fields({"code": values(code, code.lower()), "contact": values("0912345678", "an@example.com")}))
    def run(data):
        _post(client, "/en/orders/lookup", data)

    run()


def test_verify_form_answers_junk_without_a_server_error(app, world):
    """The certificate check form (a GET form) and its API twin."""
    client = app.test_client()

    @fuzz_settings("verify")
    @given(fields({"code": values(*world["codes"])}), st.sampled_from(["vi", "en", "zh", "ko"]))
    def run(data, locale):
        _check(client.get(f"/{locale}/verify", query_string=data), ("verify", data))
        first = data.get("code", "")
        _check(client.get("/api/v1/verify/" + quote(first, safe="")), ("api verify", first[:100]))

    run()


def test_sign_in_answers_junk_without_a_server_error(app, world):
    """Sign-in with junk addresses, passwords and next=."""
    client = app.test_client()

    @fuzz_settings("sign_in")
    @given(fields({"email": values("an@example.com"), "password": values("wrong password", "x")}),
           values("/en/cart", "//evil.example"))
    def run(data, next_):
        if _post(client, "/en/login?" + urlencode({"next": next_}), data).status_code == 302:
            _post(client, "/en/logout", MultiDict())  # signed in: out again for the next example

    run()


def test_sign_up_answers_junk_without_a_server_error(app, world):
    """Sign-up with junk addresses, passwords and languages."""
    client = app.test_client()

    @fuzz_settings("sign_up")
    @given(fields({"email": values("an@example.com", "moi@example.com"), "password": values("a-long-enough-password"),
                   "confirm": values("a-long-enough-password"), "locale": values("vi", "en", "zh", "ko")}))
    def run(data):
        if _post(client, "/en/register", data).status_code == 302:
            _post(client, "/en/logout", MultiDict())  # the new account was signed in: out again

    run()


def test_password_reset_answers_junk_without_a_server_error(app, world):
    """Asking for a password link with junk addresses."""
    client = app.test_client()

    @fuzz_settings("password_forgot")
    @given(fields({"email": values("an@example.com")}))
    def run(data):
        _post(client, "/en/password/forgot", data)

    run()


def test_password_set_answers_junk_without_a_server_error(app, world):
    """Setting a password through a junk link token with junk passwords."""
    client = app.test_client()

    @fuzz_settings("password_set")
    @given(values("abc.def.ghi"), fields({"password": values("a-long-enough-password"),
                                          "confirm": values("a-long-enough-password")}))
    def run(token, data):
        _post(client, "/en/password/set/" + quote(token, safe=""), data)

    run()


def test_the_examples_add_up_to_5000():
    """The budget of examples across these tests is at least 5,000."""
    assert sum(EXAMPLES.values()) >= 5000
