"""Issue 4 in a real browser: a producer edits a listing in Chinese with a new photo, the office approves the
changes (a revision: the listing stays on sale meanwhile), and the Chinese storefront shows both."""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "a long enough password 1"


@dataclass(frozen=True)
class PortalWorld:
    producer_email: str
    admin_email: str
    product_id: int
    product_slug: str


@pytest.fixture(scope="module")
def portal_world(live_server):
    """A producer user for the producer of a demo product (not the storefront tests' product), and an admin."""
    from sqlalchemy import select

    from shop.accounts import services as accounts
    from shop.accounts.models import Role
    from shop.catalog.models import Product, ProductStatus
    from shop.extensions import db

    app = live_server.app
    with app.app_context():
        product = db.session.scalars(select(Product).where(
            Product.status == ProductStatus.PUBLISHED, Product.slug != live_server.product_slug)
            .order_by(Product.id)).first()
        tag = secrets.token_hex(3)
        producer_user = accounts.create_user(db.session, email=f"producer-{tag}@example.com", role=Role.PRODUCER,
                                             password=PASSWORD, producer_id=product.producer_id, locale="en")
        admin_user = accounts.create_user(db.session, email=f"office-{tag}@example.com", role=Role.ADMIN,
                                          password=PASSWORD, locale="en")
        world = PortalWorld(producer_user.email, admin_user.email, product.id, product.slug)
        db.session.commit()
        db.session.remove()
    return world


def _sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/en/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


def _main_photo_src(page, base: str, slug: str) -> str:
    page.goto(f"{base}/zh/products/{slug}")
    return page.locator(".product-photos img").first.get_attribute("src") or ""


def test_producer_edit_in_chinese_with_photo_is_approved_and_shown(browser, live_server, portal_world, tmp_path):
    """Producer changes the Chinese name and photo; admin approves the changes; /zh/ shows both."""
    base, world = live_server.url, portal_world
    from tests.browser.test_back_of_house_flow import _fresh_sign_in_limits
    _fresh_sign_in_limits(live_server)
    new_name = f"金花茶礼盒 {secrets.token_hex(2)}"
    png = tmp_path / "new-photo.png"
    Image.new("RGB", (640, 480), "#2e7d32").save(png)

    producer = browser.new_context(viewport={"width": 1280, "height": 900})
    producer.set_default_timeout(10_000)
    try:
        page = producer.new_page()
        page.on("dialog", lambda dialog: dialog.accept())  # "Remove this photo?"
        old_src = _main_photo_src(page, base, world.product_slug)
        _sign_in(page, base, world.producer_email)
        page.goto(f"{base}/portal/")
        page.locator(f"a[href='/portal/products/{world.product_id}']").click()
        expect(page).to_have_url(re.compile(rf"/portal/products/{world.product_id}$"))

        page.locator("#name_zh").fill(new_name)
        page.get_by_role("button", name="Save", exact=True).first.click()
        expect(page.locator(".flashes").first).to_contain_text("review")

        # Replace the photos: the upload becomes the listing's main photo.
        while page.locator("#photos + ul.thumbs li").count():
            page.locator("#photos + ul.thumbs li").first.get_by_role("button", name="Remove").click()
            expect(page.locator(".flashes").first).to_contain_text("Photo removed")
        page.locator("input[type=file][name=photo]").set_input_files(str(png))
        page.get_by_role("button", name="Upload").click()
        expect(page.locator(".flashes").first).to_contain_text("Photo added")
        # A published listing stays published; its text changes wait as a revision.
        expect(page.locator(".status-published")).to_have_text("Published")
        expect(page.locator(".status-revision-pending").first).to_be_visible()
    finally:
        producer.close()

    office = browser.new_context(viewport={"width": 1280, "height": 900})
    office.set_default_timeout(10_000)
    try:
        page = office.new_page()
        _sign_in(page, base, world.admin_email)
        with live_server.app.app_context():  # other tests may leave revisions of other listings in the queue
            from shop.catalog.listings import open_revision
            from shop.extensions import db
            revision_id = open_revision(db.session, world.product_id).id
            db.session.remove()
        page.goto(f"{base}/backoffice/reviews")
        page.locator(f"a[href='/backoffice/revisions/{revision_id}']").click()
        expect(page.get_by_text(new_name).first).to_be_visible()
        page.get_by_role("button", name="Approve the changes").click()
        expect(page.locator(".flashes").first).to_contain_text("The changes are published")

        new_src = _main_photo_src(page, base, world.product_slug)
        expect(page.locator(".product-info h1")).to_have_text(new_name)
        assert new_src != old_src and re.search(rf"/media/products/{world.product_id}/[\w-]+\.webp$", new_src), \
            (old_src, new_src)
        assert page.request.get(base + new_src).headers["content-type"] == "image/webp"
    finally:
        office.close()
