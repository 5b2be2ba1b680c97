"""The Content-Security-Policy in a real browser: the public pages, the map and the scripts run with no
violation, and a refused add-to-cart shows its message on a phone and a desktop in vi, en and zh."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LOCALES = ("vi", "en", "zh")
# Recorded before any page script runs; init scripts come through DevTools, outside the page's CSP.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile));
"""


def _violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def test_public_pages_and_the_map_run_without_csp_violations(browser, live_server):
    """Home, catalog, product, producer, sales points with a tiled map, fairs, verify, cart, checkout and
    sign-in in three languages: no CSP violation, no console error about one, and the map's script runs."""
    app = live_server.app
    saved = app.config["MAP_TILE_URL"]
    app.config["MAP_TILE_URL"] = "https://{s}.tiles.invalid/{z}/{x}/{y}.png"  # no tile loads; the host is allowed
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text
            else None)
    try:
        for locale in LOCALES:
            paths = [f"/{locale}/", f"/{locale}/products", f"/{locale}/products/{live_server.product_slug}",
                     f"/{locale}/producers/{live_server.producer_slug}", f"/{locale}/sales-points",
                     f"/{locale}/fairs", f"/{locale}/verify", f"/{locale}/login", f"/{locale}/cart"]
            for path in paths:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                assert "'unsafe-inline'" not in response.headers["content-security-policy"]
                assert _violations(page) == [], (path, _violations(page))
            page.goto(f"{live_server.url}/{locale}/sales-points")
            expect(page.locator("#map")).to_have_class(re.compile(r"\bmap-ready\b"))  # Leaflet ran under the CSP
            assert _violations(page) == []
        page.goto(f"{live_server.url}/en/products/{live_server.product_slug}")
        page.locator("form[action$='/cart/add'] button[type=submit]").first.click()
        page.goto(f"{live_server.url}/en/checkout")
        assert _violations(page) == [] and console == [], console
    finally:
        app.config["MAP_TILE_URL"] = saved
        context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_a_refused_item_reads_not_available_without_naming_it(browser, live_server, artifacts, width):
    """Posting an id that names no product on sale shows 'not available' in the page's language (screenshots)."""
    expected = {"vi": "Mặt hàng này hiện không có.", "en": "This item is not available.",
                "zh": "该商品目前无法购买。"}
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 800 else 900})
    page = context.new_page()
    try:
        for locale in LOCALES:
            page.goto(f"{live_server.url}/{locale}/products/{live_server.product_slug}")
            form = page.locator("form[action$='/cart/add']").first
            form.locator("input[name=packaging_id]:checked").evaluate("(el) => { el.value = '2147483647'; }")
            form.locator("button[type=submit]").click()
            expect(page.locator(".flash-error")).to_have_text(expected[locale])
            page.screenshot(path=str(artifacts / f"cart-refused-{locale}-{width}.png"))
    finally:
        context.close()
