"""Issue 12's Done-when in a real browser: a producer on a 390 × 844 phone creates a listing with two
packagings and two photos and submits it; the office publishes it; the producer edits the published text
(the public page stays 200 with the old text) and marks an order line shipped; the office approves the
revision; the public page then shows the new text. No producer page scrolls sideways."""
from __future__ import annotations

import re
import secrets

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.test_portal_flow import PASSWORD, _sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def people(live_server):
    """A new producer with one portal user, and an office user."""
    from shop.accounts import services as accounts
    from shop.accounts.models import Role
    from shop.extensions import db
    from shop.producers.models import Producer, ProducerTranslation

    tag = secrets.token_hex(3)
    with live_server.app.app_context():
        producer = Producer(slug=f"htx-thu-{tag}", type="cooperative",
                            translations=[ProducerTranslation(locale="vi", name=f"HTX Thử {tag}")])
        db.session.add(producer)
        db.session.flush()
        accounts.create_user(db.session, email=f"member-{tag}@example.com", role=Role.PRODUCER, password=PASSWORD,
                             producer_id=producer.id, locale="en")
        accounts.create_user(db.session, email=f"desk-{tag}@example.com", role=Role.ADMIN, password=PASSWORD,
                             locale="en")
        db.session.commit()
        db.session.remove()
    return f"member-{tag}@example.com", f"desk-{tag}@example.com", tag


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px phone"


def _place_order(app, product_id: int) -> int:
    """A confirmed cash-on-delivery order of the listing's first packaging, as a buyer would place it."""
    from datetime import datetime, timezone

    from shop.cart.services import CartItem
    from shop.catalog.models import Product
    from shop.extensions import db
    from shop.orders import placement
    from shop.orders.placement import OrderSettings
    from tests.factories import make_checkout

    with app.app_context(), app.test_request_context():
        product = db.session.get(Product, product_id)
        order = placement.place_order(db.session, [CartItem(product.packagings[0].id, 1)], make_checkout(),
                                      locale="vi", now=datetime.now(timezone.utc),
                                      settings=OrderSettings.from_config(app.config))
        db.session.commit()
        order_id = order.id
        db.session.remove()
    return order_id


def test_producer_on_a_phone_lists_sells_and_revises_while_on_sale(browser, live_server, people, tmp_path,
                                                                    artifacts):
    """The whole back-of-house round on a phone and at the office's desk."""
    base = live_server.url
    producer_email, office_email, tag = people
    _fresh_sign_in_limits(live_server)
    name, new_name = f"Trà hoa vàng {tag}", f"Trà hoa vàng Ba Chẽ {tag}"
    photos = []
    for n, colour in enumerate(("#2e7d32", "#c0392b")):
        path = tmp_path / f"photo-{n}.png"
        Image.new("RGB", (900, 700), colour).save(path)
        photos.append(str(path))

    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone.set_default_timeout(15_000)
    desk = browser.new_context(viewport={"width": 1366, "height": 900})
    desk.set_default_timeout(15_000)
    try:
        page = phone.new_page()
        _sign_in(page, base, producer_email)
        page.goto(f"{base}/portal/products/new")
        page.get_by_label("OCOP product group").select_option(index=1)
        page.locator("#name_vi").fill(name)
        page.get_by_role("button", name="Save").first.click()
        expect(page).to_have_url(re.compile(r"/portal/products/\d+$"))
        product_id = int(page.url.rsplit("/", 1)[1])
        _fits(page)

        for size, price in (("250", "280.000"), ("500", "450,000")):
            page.locator("#quantity").fill(size)
            page.locator("#unit").select_option("g")
            page.locator("#price_vnd").fill(price)
            page.locator("#stock").fill("10")
            page.get_by_role("button", name="Add", exact=True).click()
            expect(page.locator(".flashes").first).to_contain_text("Packaging added")
        page.locator("input[type=file][name=photo]").set_input_files(photos)
        expect(page.locator("#photo-previews li")).to_have_count(2)
        page.get_by_role("button", name="Upload").click()
        expect(page.locator(".flashes").first).to_contain_text("2 photos added")
        expect(page.locator("ul.thumbs li")).to_have_count(2)
        expect(page.locator(".checklist .todo")).to_have_count(0)
        _fits(page)
        page.screenshot(path=str(artifacts / "issue12-phone-listing.png"), full_page=True)
        page.get_by_role("button", name="Send for review").click()
        expect(page.locator(".status-pending_review")).to_be_visible()

        office = desk.new_page()
        _sign_in(office, base, office_email)
        office.goto(f"{base}/backoffice/reviews/{product_id}")
        office.get_by_role("button", name="Approve and publish").click()
        expect(office.locator(".flashes").first).to_contain_text("Published")

        page.reload()
        public = page.locator("a", has_text="See the public page").get_attribute("href")
        assert public and "/products/" in public

        # Edit the published text: the public page keeps the old text meanwhile.
        page.locator("#name_vi").fill(new_name)
        page.get_by_role("button", name="Save").first.click()
        expect(page.locator(".status-revision-pending").first).to_be_visible()
        response = page.request.get(base + public)
        assert response.status == 200 and name in response.text() and new_name not in response.text()

        # An order comes in; the producer marks its line shipped.
        order_id = _place_order(live_server.app, product_id)
        page.goto(f"{base}/portal/orders")
        _fits(page)
        page.goto(f"{base}/portal/orders/{order_id}")
        expect(page.locator(".cash-to-collect")).to_be_visible()
        page.get_by_label("Mark as").select_option("shipped")
        page.get_by_role("button", name="Save").click()
        expect(page.locator(".flashes").first).to_contain_text("Saved")
        expect(page.locator(".line-status").first).to_contain_text("Shipped")
        _fits(page)
        page.screenshot(path=str(artifacts / "issue12-phone-order.png"), full_page=True)

        # The office approves the revision; the public page shows the new text.
        office.goto(f"{base}/backoffice/reviews")
        office.locator("a[href^='/backoffice/revisions/']", has_text=name).click()
        expect(office.locator("ins", has_text=new_name)).to_be_visible()
        office.get_by_role("button", name="Approve the changes").click()
        expect(office.locator(".flashes").first).to_contain_text("The changes are published")
        response = page.request.get(base + public)
        assert response.status == 200 and new_name in response.text()
    finally:
        phone.close()
        desk.close()


def _fresh_sign_in_limits(live_server) -> None:
    """Sign-ins are limited per address and every browser test signs in from 127.0.0.1: start this test's
    sign-ins from a clean count so that the tests before it in the session do not use them up."""
    from shop.extensions import limiter
    with live_server.app.app_context():
        limiter.reset()
