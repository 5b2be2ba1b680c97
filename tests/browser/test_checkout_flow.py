"""Issue 3 in a real browser: a Chinese visitor fills a cart from two producers, picks
the order up at a sales point carrying every item, pays cash, and gets one order however
often the form is sent; axe-core audits the cart, checkout and order pages on the way."""
from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass

import pytest
from flask import request, request_started
from playwright.sync_api import expect
from sqlalchemy import func, select

from tests.browser_tools import axe_violations, format_violations

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Pick:
    """A product to buy: which packaging, how many, and the names the zh pages show."""

    slug: str
    name: str
    producer: str
    packaging_id: int
    quantity: int
    stock: int


@dataclass(frozen=True)
class Plan:
    picks: tuple[Pick, Pick]
    point_name: str           # an active sales point carrying both
    lacking_point_name: str   # another one, lacking at least one of them


def plan_order(app) -> Plan:
    """From the live server's database: a sales point carrying in-stock products of two
    producers, one buyable product of each, and another point lacking one of them."""
    from shop.catalog.models import Packaging, Product, ProductStatus
    from shop.extensions import db
    from shop.i18n import translated
    from shop.places.models import SalesPointProduct
    from shop.places.services import sales_points

    with app.app_context():
        session = db.session
        points = sales_points(session)
        carried = {point.id: set(session.scalars(select(SalesPointProduct.product_id).where(
            SalesPointProduct.sales_point_id == point.id, SalesPointProduct.in_stock.is_(True))))
            for point in points}
        buyable = {}  # product id -> (product, its first packaging in stock)
        for product, packaging in session.execute(
                select(Product, Packaging).join(Packaging, Packaging.product_id == Product.id)
                .where(Product.status == ProductStatus.PUBLISHED, Packaging.active.is_(True), Packaging.stock >= 5)
                .order_by(Product.id, Packaging.position, Packaging.id)):
            buyable.setdefault(product.id, (product, packaging))
        for point in points:
            first_of = {}  # producer id -> (product, packaging)
            for product_id in sorted(carried[point.id] & buyable.keys()):
                product, packaging = buyable[product_id]
                first_of.setdefault(product.producer_id, (product, packaging))
            if len(first_of) < 2:
                continue
            chosen = list(first_of.values())[:2]
            ids = {product.id for product, _ in chosen}
            lacking = next((other for other in points if not ids <= carried[other.id]), None)
            if lacking is None:
                continue
            picks = tuple(
                Pick(slug=product.slug, name=translated(product, "name", "zh").text,
                     producer=translated(product.producer, "name", "zh").text,
                     packaging_id=packaging.id, quantity=quantity, stock=packaging.stock)
                for (product, packaging), quantity in zip(chosen, (2, 1)))
            return Plan(picks, translated(point, "name", "zh").text, translated(lacking, "name", "zh").text)
    pytest.fail("the demo has no sales point carrying in-stock products of two producers")


def orders_and_stock(app, email: str, packaging_ids) -> tuple[int, dict[int, int]]:
    """How many orders this email placed, and the stock of these packagings, read from the server's database."""
    from shop.catalog.models import Packaging
    from shop.extensions import db
    from shop.orders.models import Order

    with app.app_context():
        count = db.session.scalar(select(func.count(Order.id)).where(Order.email == email))
        stock = dict(db.session.execute(
            select(Packaging.id, Packaging.stock).where(Packaging.id.in_(packaging_ids))).all())
    return count, stock


def test_chinese_visitor_orders_from_two_producers_for_pickup_and_cash(live_server, page, artifacts):
    """Two producers' products into the cart from their pages, the cart grouped by producer,
    pickup at a point carrying both, cash; the Chinese order page; a double-clicked form,
    sent again afterwards, still makes exactly one order."""
    plan = plan_order(live_server.app)
    packaging_ids = [pick.packaging_id for pick in plan.picks]
    email = f"wang.fang.{secrets.token_hex(4)}@example.com"  # this run's orders only
    assert orders_and_stock(live_server.app, email, packaging_ids) == (0, {p.packaging_id: p.stock for p in plan.picks})
    audits = {}

    def audit(name):
        found = axe_violations(page)
        if found:
            audits[name] = format_violations(found)

    page.goto(f"{live_server.url}/zh/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")

    # Each product from its own page, with the add-to-cart form of one packaging.
    for pick in plan.picks:
        page.goto(f"{live_server.url}/zh/products/{pick.slug}")
        expect(page.locator(".product-info h1")).to_have_text(pick.name)
        form = page.locator(f"form.add-to-cart:has(input[name=packaging_id][value='{pick.packaging_id}'])")
        form.locator(f"input[name=packaging_id][value='{pick.packaging_id}']").check()
        form.get_by_label("数量").fill(str(pick.quantity))
        form.get_by_role("button", name="加入购物车").click()
        expect(page.locator(".added-panel")).to_contain_text("已加入购物车")
        expect(page).to_have_url(f"{live_server.url}/zh/products/{pick.slug}")
    expect(page.locator(".cart-link")).to_contain_text(f"{sum(pick.quantity for pick in plan.picks)}件商品")

    # The cart: one section per producer, headed by its name, holding its product.
    page.locator(".cart-link").click()
    expect(page).to_have_url(f"{live_server.url}/zh/cart")
    expect(page.get_by_role("heading", level=1)).to_have_text("您的购物车")
    groups = page.locator("section.cart-group")
    expect(groups).to_have_count(2)
    for pick in plan.picks:
        group = groups.filter(has=page.get_by_role("heading", level=2, name=pick.producer, exact=True))
        expect(group.locator("tbody tr")).to_have_count(1)
        expect(group.get_by_role("link", name=pick.name)).to_be_visible()
        expect(group.get_by_label("数量")).to_have_value(str(pick.quantity))
    audit("cart")

    page.get_by_role("link", name="去结算").click()
    expect(page).to_have_url(f"{live_server.url}/zh/checkout")
    audit("checkout")
    page.get_by_label("姓名").fill("王芳")
    page.get_by_label("电话", exact=True).fill("0912 345 678")
    page.get_by_label("电子邮箱").fill(email)
    page.get_by_label("到 OCOP 展销点自提").check()
    page.get_by_label("货到付款").check()

    # A point lacking one of the items is refused, in Chinese, and the form keeps what was typed.
    sales_point = page.get_by_label("展销点", exact=True)
    sales_point.select_option(label=plan.lacking_point_name)
    page.get_by_role("button", name="提交订单").click()
    expect(page.get_by_role("alert")).to_contain_text("该展销点没有")
    expect(page.get_by_label("电子邮箱")).to_have_value(email)
    expect(page.get_by_label("到 OCOP 展销点自提")).to_be_checked()
    audit("checkout, refused point")

    # A double-click. The order page is held back a little, as on a slow line, so the second
    # click still lands on the form: the server gets the form twice, with the same key.
    sales_point.select_option(label=plan.point_name)
    received = []  # the idempotency keys of the checkout forms the server got

    def count_checkout_posts(sender, **extra):
        if request.method == "POST" and request.path == "/zh/checkout":
            received.append(request.form.get("idempotency_key"))

    def slow_line(route):
        time.sleep(0.25)
        route.continue_()

    sent = []
    page.on("request", lambda r: sent.append(r) if r.method == "POST" and r.url.endswith("/zh/checkout") else None)
    page.route("**/zh/orders/*", slow_line)
    with request_started.connected_to(count_checkout_posts, live_server.app):
        page.get_by_role("button", name="提交订单").dblclick(delay=40)
        expect(page).to_have_url(re.compile(r"/zh/orders/[A-Za-z0-9_-]{20,}$"))
        page.unroute("**/zh/orders/*")
        order_url = page.url

        # Sent once more afterwards, as a browser's "resend the form" does: the same order again.
        resent = page.request.post(sent[-1].url, data=sent[-1].post_data, max_redirects=0,
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert resent.status == 303, resent.status
        assert resent.headers["location"].endswith(order_url.removeprefix(live_server.url)), resent.headers
    assert len(received) == 3 and len(set(received)) == 1, f"two clicks and one resend expected: {received}"

    # The confirmation, in Chinese: code, status, the pickup point, cash.
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.get_by_role("heading", level=1)).to_have_text("感谢您的订购！")
    expect(page.locator(".order-code")).to_have_text(re.compile(r"^QN-[A-HJ-NP-Z2-9]{6}$"))
    code = page.locator(".order-code").inner_text()
    assert code in page.title() and CJK.search(page.title())
    expect(page.locator(".status-pill")).to_have_text("已收到订单")
    where = page.locator("section", has=page.get_by_role("heading", level=2, name="到 OCOP 展销点自提"))
    expect(where.get_by_role("link", name=plan.point_name)).to_be_visible()
    expect(where).to_contain_text(f"王芳 · +84912345678 · {email}")
    lines = page.locator("table.order-lines tbody tr")
    expect(lines).to_have_count(2)
    for pick in plan.picks:
        row = lines.filter(has_text=pick.name)
        expect(row.locator("td").nth(1)).to_have_text(pick.producer)
        expect(row.locator("td").nth(3)).to_have_text(str(pick.quantity))
    payment = page.locator("dl.facts").filter(has=page.locator("dt", has_text=re.compile("^付款$")))
    expect(payment.locator("dt:text-is('付款') + dd")).to_have_text(re.compile("^货到付款 — "))
    expect(page.get_by_text(re.compile("^自提时以现金支付"))).to_be_visible()
    expect(page.locator("section ol time")).to_have_attribute(  # valid HTML: whole seconds, in UTC
        "datetime", re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"))
    audit("order")
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(artifacts / "checkout-zh.png"), full_page=True)

    # The cart was emptied: going back to checkout only leads to the empty cart.
    page.goto(f"{live_server.url}/zh/checkout")
    expect(page).to_have_url(f"{live_server.url}/zh/cart")
    expect(page.locator(".flashes")).to_contain_text("您的购物车是空的")

    count, stock = orders_and_stock(live_server.app, email, packaging_ids)
    assert count == 1, f"{count} orders from one checkout form"
    assert stock == {pick.packaging_id: pick.stock - pick.quantity for pick in plan.picks}, stock
    assert not audits, "\n\n".join(f"{name}\n{text}" for name, text in audits.items())
