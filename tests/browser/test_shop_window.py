"""The shop window on phones and desktops (issue 9): no public page scrolls sideways in any
language at 360, 390 or 1366 px; the product's Add to cart is in a phone's first screen and a
tap adds the item; axe and the Nu checker pass on every page (the cart with a message shown);
a Chinese phone buyer goes from the catalog to the thank-you page.

Screenshots of every page at 390 and 1366 px in vi, en and zh go to instance/screenshots/
(gitignored), so that anyone can look at them after a run.
"""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser_tools import axe_violations, format_violations, vnu_errors_many
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "instance" / "screenshots"
LOCALES = ("vi", "en", "zh")
PHONE = {"width": 390, "height": 844}
VIEWPORTS = ({"width": 360, "height": 740}, PHONE, {"width": 1366, "height": 900})
SHOT_WIDTHS = (390, 1366)



@dataclass(frozen=True)
class World:
    """Addresses (without the locale) of one page of each kind, from the live server's demo data."""

    product: str
    producer: str
    sales_point: str
    fair: str
    certificate: str
    kiosk_product: str


def world_of(live_server) -> World:
    from shop.catalog.models import CertifiedProduct, Product
    from shop.extensions import db
    from shop.places.models import Fair, SalesPoint, SalesPointProduct

    with live_server.app.app_context():
        session = db.session
        point, product_slug = session.execute(
            select(SalesPoint.slug, Product.slug).join(SalesPointProduct, SalesPointProduct.sales_point_id == SalesPoint.id)
            .join(Product, Product.id == SalesPointProduct.product_id).order_by(SalesPoint.id, Product.id).limit(1)).one()
        fair = session.scalar(select(Fair.slug).order_by(Fair.id).limit(1))
        code = session.scalar(select(CertifiedProduct.code).order_by(CertifiedProduct.id).limit(1))
        session.remove()
    return World(product=f"products/{live_server.product_slug}", producer=f"producers/{live_server.producer_slug}",
                 sales_point=f"sales-points/{point}", fair=f"fairs/{fair}", certificate=f"verify/{code}",
                 kiosk_product=f"kiosk/{point}/{product_slug}")


def page_paths(world: World, order_token: str) -> dict[str, str]:
    """Every public page of issue 9, item 1, by a short name; '{l}' is the locale."""
    return {
        "home": "/{l}/", "catalog": "/{l}/products", "catalog-5-stars": "/{l}/products?stars=5",
        "product": f"/{{l}}/{world.product}", "producers": "/{l}/producers", "producer": f"/{{l}}/{world.producer}",
        "sales-points": "/{l}/sales-points", "sales-point": f"/{{l}}/{world.sales_point}",
        "fairs": "/{l}/fairs", "fair": f"/{{l}}/{world.fair}", "search": "/{l}/search?q=tra",
        "cart": "/{l}/cart", "checkout": "/{l}/checkout", "order": f"/{{l}}/orders/{order_token}",
        "order-lookup": "/{l}/orders/lookup", "verify": "/{l}/verify", "verify-result": f"/{{l}}/{world.certificate}",
        "my-orders": "/{l}/account/orders", "kiosk": "/{l}/" + world.kiosk_product.rsplit("/", 1)[0],
        "kiosk-product": f"/{{l}}/{world.kiosk_product}",
    }


# Pages seen signed out: a signed-in customer is sent away from the sign-up form.
ANONYMOUS_PAGES = {"sign-in": "/{l}/login", "sign-up": "/{l}/register"}


def cheap_product_slug(live_server) -> str:
    """A product whose first packaging on sale costs under the free-shipping amount (so a fee shows)."""
    from shop.catalog.models import Packaging, Product, ProductStatus
    from shop.extensions import db

    with live_server.app.app_context():
        slug = db.session.scalar(
            select(Product.slug).join(Packaging, Packaging.product_id == Product.id)
            .where(Product.status == ProductStatus.PUBLISHED, Packaging.active.is_(True), Packaging.stock > 5,
                   Packaging.price_vnd < 100_000).order_by(Packaging.price_vnd).limit(1))
        db.session.remove()
    assert slug, "the demo has no product under 100,000 ₫"
    return slug


def phone_context(browser, **extra):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, **extra)
    context.set_default_timeout(10_000)
    return context


def first_screen_holds(page, locator) -> bool:
    box = locator.bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["x"] >= 0 \
        and box["y"] + box["height"] <= viewport["height"] and box["x"] + box["width"] <= viewport["width"]


def add_first_packaging(page, base: str, product_path: str) -> None:
    """On a product page, tap Add to cart and wait for the panel (JavaScript on)."""
    page.goto(f"{base}/en/{product_path}")
    page.locator(".add-button").tap()
    expect(page.locator(".added-panel")).to_be_visible()


@pytest.fixture(scope="module")
def buyer_state(browser, live_server, tmp_path_factory):
    """A signed-in customer with one placed order and an item in the cart, as a Playwright storage state."""
    from shop.extensions import db
    from tests.factories import make_user

    email = f"window.{secrets.token_hex(4)}@example.com"
    with live_server.app.app_context():
        make_user(db.session, email=email, locale="en")
        db.session.commit()
        db.session.remove()
    world = world_of(live_server)
    context = phone_context(browser)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/login")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("link", name="My account")).to_be_visible()
        add_first_packaging(page, live_server.url, world.product)
        page.goto(f"{live_server.url}/en/checkout")
        page.get_by_label("Phone", exact=True).fill("0912 345 678")
        page.get_by_label("Full name").fill("Nguyễn Văn An")
        page.locator("#province").select_option("22")  # Quảng Ninh, by its code on the 2025 map
        expect(page.locator("#commune option")).not_to_have_count(1)  # its communes, fetched by the script
        page.locator("#commune").select_option(label="Đặc khu Vân Đồn")
        page.get_by_label("Street address").fill("12 Hạ Long")
        page.get_by_label("Cash on delivery").check()
        page.get_by_role("button", name="Place the order").click()
        expect(page).to_have_url(re.compile(r"/en/orders/[A-Za-z0-9_-]{20,}$"))
        token = page.url.rsplit("/", 1)[1]
        add_first_packaging(page, live_server.url, world.product)
        path = tmp_path_factory.mktemp("buyer") / "state.json"
        context.storage_state(path=str(path))
    finally:
        context.close()
    return path, world, token


def test_no_public_page_scrolls_sideways_in_any_language_or_width(browser, live_server, buyer_state):
    """Every public page of item 1 in vi, en and zh at 360x740, 390x844 and 1366x900: scrollWidth <= innerWidth;
    each is screenshotted at 390 and 1366 px under instance/screenshots/."""
    if os.environ.get("TEST_DATABASE_URL"):
        # The live server keeps its own SQLite file in both CI passes (see conftest.live_server), so this
        # matrix of 189 page loads would repeat the SQLite pass exactly: it runs once per CI run.
        pytest.skip("the overflow matrix runs in the SQLite pass only: the live server is the same there")
    state, world, token = buyer_state
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = page_paths(world, token)
    wide = {}
    for viewport in VIEWPORTS:
        for state_file, paths in ((state, pages), (None, ANONYMOUS_PAGES)):
            # Not is_mobile: a mobile layout viewport widens to fit wide content, and innerWidth with it.
            context = browser.new_context(viewport=viewport, storage_state=str(state_file) if state_file else None,
                                          has_touch=viewport["width"] < 700)
            context.set_default_timeout(10_000)
            page = context.new_page()
            try:
                for locale in LOCALES:
                    for name, path in paths.items():
                        url = live_server.url + path.format(l=locale)
                        response = page.goto(url)
                        assert response is not None and response.status == 200, (url, response and response.status)
                        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                        assert inner == viewport["width"], (url, inner)
                        if width > inner:
                            wide[f"{name} {locale} {viewport['width']}"] = width
                        if viewport["width"] in SHOT_WIDTHS:
                            page.screenshot(path=str(SCREENSHOTS / f"{name}-{locale}-{viewport['width']}.png"),
                                            full_page=True)
            finally:
                context.close()
    assert not wide, f"pages wider than the screen (scrollWidth): {wide}"


def test_add_to_cart_is_in_a_phones_first_screen_and_a_tap_adds_the_item(browser, live_server):
    """On a 390x844 phone the Add to cart button lies wholly in the first screen, in every language,
    and a tap (not a script click) adds the item: the panel shows and the header's count goes up."""
    context = phone_context(browser)
    try:
        page = context.new_page()
        for locale in LOCALES:
            page.goto(f"{live_server.url}/{locale}/products/{live_server.product_slug}")
            button = page.locator(".add-button")
            assert first_screen_holds(page, button), (locale, button.bounding_box())
        before = page.locator("[data-cart-count]").inner_text().strip()
        page.locator(".add-button").tap()
        panel = page.locator(".added-panel")
        expect(panel).to_be_visible()
        expect(panel.get_by_role("link", name="查看购物车")).to_be_visible()
        expect(panel.get_by_role("link", name="去结算")).to_be_visible()
        expect(page.locator("[data-cart-count]")).to_have_text(str(int(before or 0) + 1))
        assert page.url.endswith(f"/zh/products/{live_server.product_slug}"), "no reload, no other page"
    finally:
        context.close()


def test_add_to_cart_without_javascript_lands_back_on_the_product_with_the_panel(browser, live_server):
    """With JavaScript off, Add to cart is a form post that lands back on the product with the panel shown."""
    context = phone_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        slug = cheap_product_slug(live_server)
        page.goto(f"{live_server.url}/en/products/{slug}")
        page.locator(".add-button").click()
        expect(page).to_have_url(re.compile(rf"/en/products/{slug}#added$"))
        panel = page.locator(".added-panel")
        expect(panel.get_by_role("heading", name="Added to your cart.")).to_be_visible()
        expect(panel).to_contain_text("Your cart: 1 item")
        expect(page.locator(".cart-link")).to_contain_text("(1 item)")
        page.reload()
        expect(page.locator(".added-panel")).to_have_count(0)  # shown once, not on every visit
        # Checkout without JavaScript: both fulfilments under their headings, and an "Update total" button.
        page.goto(f"{live_server.url}/en/checkout")
        expect(page.get_by_role("group", name="Delivery address")).to_be_visible()
        expect(page.get_by_role("group", name="Pickup")).to_be_visible()
        total = page.locator("#checkout-total")
        expect(total).to_contain_text("choose a province")
        page.locator("#province").select_option("01")  # Hà Nội: the northern zone
        page.get_by_role("button", name="Update total").click()
        expect(total.locator("dd").nth(1)).to_have_text("₫35,000")  # the northern zone's fee, priced by the server
        expect(page.locator("#province")).to_have_value("01")
        expect(page.locator(".error-summary")).to_have_count(0)
    finally:
        context.close()


def test_every_public_page_passes_axe_and_the_nu_checker_with_a_message_shown(browser, live_server, buyer_state,
                                                                               html_checker):
    """axe (no serious or critical) and the Nu Html Checker (no errors) on every public page in vi, en and zh,
    the cart with a message shown in its live region."""
    state, world, token = buyer_state
    pages = {**page_paths(world, token), **ANONYMOUS_PAGES}
    documents, failures = {}, {}
    for anonymous in (False, True):
        context = browser.new_context(viewport=PHONE, storage_state=None if anonymous else str(state))
        context.set_default_timeout(10_000)
        page = context.new_page()
        try:
            for locale in LOCALES:
                for name, path in pages.items():
                    if (name in ANONYMOUS_PAGES) != anonymous:
                        continue
                    url = live_server.url + path.format(l=locale)
                    page.goto(url)
                    if name == "cart":  # a message in the live region: the cart was just updated
                        page.get_by_role("button", name=re.compile(r"^(Cập nhật|Update|更新)$")).first.click()
                        expect(page.locator("#messages .flash")).to_have_count(1)
                    violations = axe_violations(page)
                    if violations:
                        failures[url] = format_violations(violations)
                    documents[url] = page.content()
        finally:
            context.close()
    invalid = {url: errors for url, errors in vnu_errors_many(documents).items() if errors}
    assert not failures, "axe:\n" + "\n".join(f"{url}\n{text}" for url, text in failures.items())
    assert not invalid, "Nu checker:\n" + "\n".join(f"{url}: {errors}" for url, errors in invalid.items())


def test_a_chinese_phone_buyer_goes_from_the_catalog_to_the_thank_you_page(browser, live_server):
    """In zh on a phone: catalog → Filter and sort → 5 stars → product → Add to cart panel → Check out →
    only the delivery fields → the total with shipping shown → place → thank-you page with next steps."""
    context = phone_context(browser)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/zh/products")
        drawer = page.locator("details.filter-drawer")
        drawer.locator("summary").tap()
        expect(drawer.locator("form.filters")).to_be_visible()
        drawer.get_by_label("5星").check()
        drawer.get_by_role("button", name="筛选").tap()
        expect(page).to_have_url(re.compile(r"[?&]stars=5(&|$)"))
        expect(page.get_by_role("navigation", name="已选筛选条件")).to_contain_text("5星")
        cards = page.locator(".results .product-card")
        expect(cards.first).to_be_visible()
        assert all(text.strip() == "★★★★★" for text in cards.locator(".card-meta .stars").all_inner_texts())
        cards.first.locator("a.card-link").tap()
        expect(page).to_have_url(re.compile(r"/zh/products/[a-z0-9-]+$"))

        page.locator(".add-button").tap()
        panel = page.locator(".added-panel")
        expect(panel.get_by_role("heading", name="已加入购物车。")).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "flow-zh-added-panel-390.png"))
        panel.get_by_role("link", name="去结算").tap()
        expect(page).to_have_url(f"{live_server.url}/zh/checkout")

        # Delivery is chosen: its fields only; the pickup point is hidden until pickup is chosen.
        expect(page.locator("#province")).to_be_visible()
        expect(page.get_by_label("展销点", exact=True)).to_be_hidden()
        page.get_by_label("姓名").fill("王芳")
        page.get_by_label("电话", exact=True).fill("+86 138 0013 8000")
        page.get_by_label("电子邮箱").fill(f"wang.{secrets.token_hex(4)}@example.com")
        page.locator("#province").select_option("01")  # Hà Nội
        expect(page.locator("#commune option")).not_to_have_count(1)  # its communes, fetched by the script
        page.locator("#commune").select_option(index=1)
        page.get_by_label("街道地址").fill("1 Tràng Tiền")
        total = page.locator("#checkout-total")
        expect(total).to_contain_text("运费")
        expect(total.locator("dd").nth(1)).not_to_have_text(re.compile("选择"))  # a fee, priced by the server
        shown_total = total.locator("dd").nth(2).inner_text()
        page.get_by_label("货到付款").check()
        page.screenshot(path=str(SCREENSHOTS / "flow-zh-checkout-390.png"), full_page=True)
        page.get_by_role("button", name="提交订单").tap()

        expect(page).to_have_url(re.compile(r"/zh/orders/[A-Za-z0-9_-]{20,}$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("感谢您的订购！")
        expect(page.locator(".order-code")).to_have_text(re.compile(r"^QN-[A-HJ-NP-Z2-9]{6}$"))
        steps = page.locator("section.next-steps")
        expect(steps.get_by_role("heading", name="接下来")).to_be_visible()
        expect(steps).to_contain_text(shown_total)  # the cash to have ready is the total shown before placing
        expect(page.locator(".status-pill")).to_have_text("已收到订单")
        page.screenshot(path=str(SCREENSHOTS / "flow-zh-thank-you-390.png"), full_page=True)
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^订单 QN-"))
        expect(page.locator("section.next-steps")).to_be_visible()  # the page a buyer returns to says the same
    finally:
        context.close()
