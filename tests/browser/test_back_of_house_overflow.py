"""Every portal, staff and back-office page fits a 390 px phone, in Vietnamese and English, signed in as its
role; the dashboard's tables for screen readers stay out of sight. The page list comes from app.url_map,
so a new page is measured without touching this file."""
from __future__ import annotations

import secrets

import pytest

from tests.browser.test_portal_flow import PASSWORD, _sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
ROLES = {"portal": "producer", "staff": "staff", "backoffice": "admin", "backoffice_pages": "admin"}
NOT_PAGES = (".csv", ".pdf")


@pytest.fixture(scope="module")
def back_world(live_server):
    """Users of each role over the demo data, an order of the producer, a listing waiting for review and a
    revision, so that every page has something to show."""
    from datetime import datetime, timezone

    from sqlalchemy import select

    from shop.accounts import services as accounts
    from shop.accounts.models import Role
    from shop.cart.services import CartItem
    from shop.catalog import listings
    from shop.catalog.models import Certificate, Product, ProductStatus
    from shop.extensions import db
    from shop.orders import placement
    from shop.orders.placement import OrderSettings
    from shop.places.models import Fair, SalesPoint
    from tests.factories import make_checkout

    app, tag = live_server.app, secrets.token_hex(3)
    with app.app_context(), app.test_request_context():
        products = list(db.session.scalars(select(Product).where(Product.status == ProductStatus.PUBLISHED)
                                           .order_by(Product.id.desc())).unique())
        mine, pending = products[0], products[1]
        point = db.session.scalars(select(SalesPoint).order_by(SalesPoint.id)).first()
        users = {
            "producer": accounts.create_user(db.session, email=f"p-{tag}@example.com", role=Role.PRODUCER,
                                             password=PASSWORD, producer_id=mine.producer_id, locale="en"),
            "staff": accounts.create_user(db.session, email=f"s-{tag}@example.com", role=Role.SALES_POINT_STAFF,
                                          password=PASSWORD, sales_point_id=point.id, locale="en"),
            "admin": accounts.create_user(db.session, email=f"a-{tag}@example.com", role=Role.ADMIN,
                                          password=PASSWORD, locale="en"),
        }
        order = placement.place_order(db.session, [CartItem(mine.packagings[0].id, 1)], make_checkout(),
                                      locale="vi", now=datetime.now(timezone.utc),
                                      settings=OrderSettings.from_config(app.config))
        texts = {t.locale: {"name": t.name + " mới", "summary": t.summary, "description": t.description}
                 for t in mine.translations}
        listings.update_listing(db.session, mine.producer_id, mine.id, group_id=mine.group_id, texts=texts)
        revision = listings.open_revision(db.session, mine.id)
        pending.status = ProductStatus.PENDING_REVIEW
        db.session.commit()
        ids = {"product_id": mine.id, "order_id": order.id, "revision_id": revision.id,
               "certificate_id": db.session.scalars(select(Certificate.id)).first(),
               "fair_id": db.session.scalars(select(Fair.id)).first(), "sales_point_id": point.id,
               "producer_id": mine.producer_id, "slug": "about-ocop"}
        emails = {role: user.email for role, user in users.items()}
        review_id = pending.id
        db.session.remove()
    return emails, ids, review_id


def _pages(app, ids, review_id):
    pages = {}
    for rule in app.url_map.iter_rules():
        area = rule.endpoint.split(".")[0]
        if area not in ROLES or "GET" not in rule.methods or rule.rule.endswith(NOT_PAGES):
            continue
        url = rule.rule
        if rule.endpoint == "backoffice.review_detail":
            url = url.replace("<int:product_id>", str(review_id))
        for name, value in ids.items():
            url = url.replace(f"<int:{name}>", str(value)).replace(f"<{name}>", str(value))
        assert "<" not in url, f"the overflow test cannot fill {rule.rule}: add the id to back_world()"
        pages.setdefault(ROLES[area], []).append(url)
    return pages


SCREENSHOTS = {"/portal/", "/portal/orders", "/staff/", "/backoffice/", "/backoffice/import", "/backoffice/reviews"}


def test_every_back_of_house_page_fits_a_phone(browser, live_server, back_world, artifacts):
    """No portal, staff or back-office page is wider than a 390 px phone, in Vietnamese and English."""
    emails, ids, review_id = back_world
    too_wide = []
    _fresh_sign_in_limits(live_server)
    for role, urls in _pages(live_server.app, ids, review_id).items():
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.set_default_timeout(15_000)
        try:
            page = context.new_page()
            _sign_in(page, live_server.url, emails[role])  # once per role: sign-ins are rate-limited
            for locale in ("vi", "en"):
                too_wide += _measure(page, live_server, emails[role], locale, urls, artifacts)
        finally:
            context.close()
    assert too_wide == [], too_wide


def _measure(page, live_server, email, locale, urls, artifacts):
    """Each page's width in one language (the user's language decides the signed-in pages' language)."""
    from sqlalchemy import update

    from shop.accounts.models import User
    from shop.extensions import db
    with live_server.app.app_context():
        db.session.execute(update(User).where(User.email == email).values(locale=locale))
        db.session.commit()
        db.session.remove()
    too_wide = []
    for url in sorted(urls):
        response = page.goto(live_server.url + url)
        assert response.status == 200, (email, url, response.status)
        assert page.locator("html").get_attribute("lang") == locale, url
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append((locale, url, width))
        if url in SCREENSHOTS or url.startswith("/backoffice/revisions/"):
            name = url.strip("/").replace("/", "-") or "home"
            page.screenshot(path=str(artifacts / f"issue12-390-{locale}-{name.split('-')[0]}-{name}.png"),
                            full_page=True)
        if url == "/backoffice/":
            hidden = page.evaluate("Array.from(document.querySelectorAll('.chart .visually-hidden'))"
                                   ".map(e => e.getBoundingClientRect().width)")
            assert hidden and max(hidden) <= 1, hidden
    return too_wide


def _fresh_sign_in_limits(live_server) -> None:
    """Sign-ins are limited per address and every browser test signs in from 127.0.0.1: start this test's
    sign-ins from a clean count so that the tests before it in the session do not use them up."""
    from shop.extensions import limiter
    with live_server.app.app_context():
        limiter.reset()
