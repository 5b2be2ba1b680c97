"""The pages that earn a visitor's trust, in a real browser: content pages, credits, the unknown-code warning,
the footer, and the home page's hero. Phone and desktop widths, vi/en/zh; axe and the Nu checker.
Screenshots go to instance/screenshots/trust/ (not committed) so that anyone can look."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser_tools import axe_violations, format_violations, vnu_errors_many

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "instance" / "screenshots" / "trust"
PATHS = ("/pages/about-ocop", "/pages/shipping-returns", "/pages/privacy", "/pages/terms", "/credits",
         "/verify/CZZZZZZZZ", "/")
VIEWPORTS = {390: 844, 1366: 900}


def _shot_name(path: str, locale: str, width: int) -> str:
    return f"{path.strip('/').replace('/', '_') or 'home'}-{locale}-{width}.png"


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_trust_pages_fit_the_screen_and_pass_axe(browser, live_server, width):
    """At 390 and 1366 px, in vi/en/zh, no page scrolls sideways and axe finds nothing serious or critical."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]})
    page = context.new_page()
    failures = {}
    try:
        for locale in ("vi", "en", "zh"):
            for path in PATHS:
                url = f"{live_server.url}/{locale}{path}"
                page.goto(url)
                page.screenshot(path=str(SHOTS / _shot_name(path, locale, width)), full_page=True)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                if scroll_width > width:
                    failures[url] = f"scrollWidth {scroll_width} > {width}"
                violations = axe_violations(page)
                if violations:
                    failures[url] = format_violations(violations)
    finally:
        context.close()
    assert not failures, "\n\n".join(f"{url}\n{text}" for url, text in failures.items())


def test_trust_pages_are_valid_html(live_server, html_checker):
    """The Nu Html Checker finds no error on the content pages, credits, the unknown-code page and home."""
    import urllib.error
    import urllib.request
    docs = {}
    for locale in ("vi", "zh"):
        for path in PATHS:
            url = f"{live_server.url}/{locale}{path}"
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    docs[url] = response.read().decode()
            except urllib.error.HTTPError as error:  # the unknown code is a 404 with a full page
                docs[url] = error.read().decode()
    errors = {url: found for url, found in vnu_errors_many(docs).items() if found}
    assert not errors, "\n\n".join(f"{url}\n" + "\n".join(found) for url, found in errors.items())


def test_unknown_code_warns_in_red_and_the_box_tries_again(browser, live_server):
    """A phone opening an unknown code sees the red warning; typing a real code in the box opens its check."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/verify/CZZZZZZZZ")
        warning = page.locator(".verify-unknown")
        assert "may not be genuine" in warning.inner_text()
        red, green, blue = (int(c) for c in warning.evaluate("e => getComputedStyle(e).borderColor")
                            .removeprefix("rgb(").removesuffix(")").split(","))
        assert red > 140 and green < 60 and blue < 60
        with live_server.app.app_context():
            from sqlalchemy import select

            from shop.catalog.models import CertifiedProduct
            from shop.extensions import db
            code = db.session.scalar(select(CertifiedProduct.code).where(CertifiedProduct.is_current)
                                     .order_by(CertifiedProduct.id).limit(1))
            db.session.remove()
        page.fill("#verify-code", code)
        page.get_by_role("button", name="Check").click()
        page.wait_for_url(f"**/en/verify/{code}")
        assert page.locator(".verify-unknown").count() == 0
    finally:
        context.close()
