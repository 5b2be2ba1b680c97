"""Issue 15 in a real browser: a Chinese buyer chooses province and commune (fetched by the checkout's
script), asks for a VAT invoice, pays with VNPay, lands on the (fake, loopback) gateway's page, pays
there, and comes back to an order that VNPay's IPN has confirmed. Screenshots of the checkout at
390 and 1366 px in vi, en and zh go to test-artifacts/."""
from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.payments.fake_vnpay import HASH_SECRET, TMN_CODE, Server

pytestmark = pytest.mark.browser


@pytest.fixture()
def vnpay_live(live_server):
    """The live server configured for VNPay against a fake gateway that calls the live server's IPN."""
    app = live_server.app
    with Server() as gateway:
        gateway.ipn_url = f"{live_server.url}/payments/vnpay/ipn"
        settings = {"VNPAY_TMN_CODE": TMN_CODE, "VNPAY_HASH_SECRET": HASH_SECRET,
                    "VNPAY_PAYMENT_URL": gateway.payment_url, "VNPAY_API_URL": gateway.api_url}
        saved = {key: app.config.get(key) for key in settings}
        app.config.update(settings)
        try:
            yield gateway
        finally:
            app.config.update(saved)


def _buyable(app):
    """A published product's slug and a packaging in stock (from the live server's database)."""
    from shop.catalog.models import Packaging, Product, ProductStatus
    from shop.extensions import db
    with app.app_context():
        product, packaging = db.session.execute(
            select(Product, Packaging).join(Packaging, Packaging.product_id == Product.id)
            .where(Product.status == ProductStatus.PUBLISHED, Packaging.active.is_(True), Packaging.stock >= 5)
            .order_by(Product.id, Packaging.position, Packaging.id).limit(1)).first()
        return product.slug, packaging.id


def _fill_cart(page, live_server, locale="zh"):
    slug, packaging_id = _buyable(live_server.app)
    page.goto(f"{live_server.url}/{locale}/products/{slug}")
    form = page.locator(f"form.add-to-cart:has(input[name=packaging_id][value='{packaging_id}'])")
    form.locator(f"input[name=packaging_id][value='{packaging_id}']").check()
    form.locator("button[type=submit]").click()
    expect(page.locator(".added-panel")).to_be_visible()  # the add went through (a fetch, with scripts on)


def test_chinese_buyer_pays_with_vnpay_on_the_gateway_page(live_server, page, vnpay_live, artifacts):
    """zh checkout: province → its communes by script, VAT invoice, VNPay → the gateway's page (locale en,
    amount × 100 signed) → paid → back on the order page, confirmed by the IPN."""
    from shop.extensions import db
    from shop.orders.models import Order

    email = f"wang.fang.{secrets.token_hex(4)}@example.com"
    _fill_cart(page, live_server)
    page.goto(f"{live_server.url}/zh/checkout")
    page.get_by_label("姓名").fill("王芳")
    page.get_by_label("电话", exact=True).fill("0912 345 678")
    page.get_by_label("电子邮箱").fill(email)
    page.get_by_label("送货上门").check()
    # With the script, the "show its communes" button is hidden and the communes come from the API.
    expect(page.locator("button[name=choose_province]")).to_be_hidden()
    page.locator("#province").select_option("22")
    commune = page.locator("#commune")
    expect(commune.locator("option")).to_have_count(55)
    expect(commune).to_have_attribute("lang", "vi")
    commune.select_option(label="Đặc khu Vân Đồn")
    page.get_by_label("街道地址").fill("1 Cái Rồng")
    page.locator("details.invoice-request summary").click()
    page.get_by_label("公司名称").fill("Công ty TNHH Quà Tặng Hạ Long")
    page.get_by_label("税号").fill("0100233488")
    page.get_by_label("发票地址").fill("1 Cái Rồng, Vân Đồn, Quảng Ninh")
    page.get_by_label("接收电子发票的邮箱").fill("ketoan@example.com")
    page.get_by_label("VNPay（越南国内银行卡、银行应用、二维码）").check()
    page.screenshot(path=str(artifacts / "vnpay-checkout-zh-1280.png"), full_page=True)
    page.get_by_role("button", name="提交订单").click()

    # VNPay's page (the fake gateway on loopback), reached with a signature it accepted.
    expect(page.locator("#vnpay-gateway")).to_have_text("Cổng thanh toán VNPAY")
    assert page.url.startswith(vnpay_live.payment_url + "?")
    assert len(vnpay_live.pay_requests) == 1 and not vnpay_live.bad_requests
    sent = vnpay_live.pay_requests[0]
    assert sent["vnp_Locale"] == "en" and sent["vnp_CurrCode"] == "VND" and sent["vnp_Version"] == "2.1.0"
    with live_server.app.app_context():
        order = db.session.scalar(select(Order).where(Order.email == email))
        assert order.status == "pending_payment" and sent["vnp_Amount"] == str(order.total_vnd * 100)
        assert (order.commune_code, order.invoice_tax_code) == ("06994", "0100233488")
        token = order.token
    page.screenshot(path=str(artifacts / "vnpay-gateway.png"))

    page.locator("#pay").click()
    expect(page).to_have_url(re.compile(rf"/zh/orders/{re.escape(token)}$"))
    expect(page.locator(".status-pill")).to_have_text("已收到订单")
    expect(page.locator("body")).to_contain_text("增值税发票")
    page.screenshot(path=str(artifacts / "vnpay-order-zh.png"), full_page=True)


@pytest.mark.parametrize("locale", ["vi", "en", "zh"])
@pytest.mark.parametrize("width", [390, 1366])
def test_checkout_with_map_and_invoice_fits_the_screen(live_server, browser, artifacts, locale, width):
    """The checkout with its province, commune and open invoice section never scrolls sideways."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        _fill_cart(page, live_server, locale)
        page.goto(f"{live_server.url}/{locale}/checkout")
        page.locator("#province").select_option("22")
        expect(page.locator("#commune option")).to_have_count(55)
        page.locator("details.invoice-request summary").click()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"
        page.screenshot(path=str(artifacts / f"checkout-map-{locale}-{width}.png"), full_page=True)
    finally:
        context.close()


def test_without_javascript_the_server_lists_the_communes(live_server, browser, artifacts):
    """With scripts off (zh, 390 px): choose the province, press the button, pick from its communes."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        _fill_cart(page, live_server, "zh")
        page.goto(f"{live_server.url}/zh/checkout")
        expect(page.locator("#commune option")).to_have_count(1)
        page.locator("#province").select_option("22")
        page.get_by_role("button", name="显示其乡、坊").click()
        expect(page.locator("#commune option")).to_have_count(55)
        expect(page.locator("#province")).to_have_value("22")
        page.locator("#commune").select_option("06688")
        page.screenshot(path=str(artifacts / "checkout-map-nojs-zh-390.png"), full_page=True)
    finally:
        context.close()
