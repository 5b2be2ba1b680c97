"""The storefront in a real browser: a visitor's path through it, accessibility
(axe-core) and valid HTML (the Nu Html Checker) on the public pages of every language."""
from __future__ import annotations

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from config import Config
from tests.browser_tools import axe_violations, format_violations, vnu_errors_many

pytestmark = pytest.mark.browser

LOCALES = Config.LOCALES
FIVE_STARS = "★★★★★"


def public_pages(live_server) -> list[str]:
    """The paths of the pages audited: six kinds of page in each configured language (vi, en, zh, ko)."""
    return [path
            for locale in LOCALES
            for path in (f"/{locale}/", f"/{locale}/products",
                         f"/{locale}/products/{live_server.product_slug}",
                         f"/{locale}/producers/{live_server.producer_slug}",
                         f"/{locale}/sales-points", f"/{locale}/fairs")]


def test_visitor_switches_to_english_filters_five_stars_and_opens_a_product(browser, live_server, page, artifacts):
    """A Chinese visitor switches to English, filters the catalog to 5 stars and opens a certified product."""
    page.goto(f"{live_server.url}/zh/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")

    page.locator("nav.languages").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Products").click()
    expect(page).to_have_url(re.compile(r"/en/products$"))
    page.locator("details.filter-drawer > summary").click()  # "Filter and sort"
    filters = page.locator("form.filters")
    filters.locator("input[name=stars][value='5']").check()
    filters.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"[?&]stars=5(&|$)"))

    cards = page.locator(".results .product-card")
    expect(cards.first).to_be_visible()
    star_texts = cards.locator(".card-meta .stars").all_inner_texts()
    assert len(star_texts) == cards.count() > 0, "every card should carry the OCOP mark"
    assert all(text.strip() == FIVE_STARS for text in star_texts), star_texts

    title = cards.first.locator(".card-title").inner_text().strip()
    cards.first.locator("a.card-link").click()
    expect(page).to_have_url(re.compile(r"/en/products/[a-z0-9-]+$"))
    expect(page.locator(".product-info h1")).to_have_text(title)
    badge = page.locator(".product-badge .ocop-badge")
    expect(badge).to_contain_text("OCOP")
    expect(badge.locator(".stars")).to_have_text(FIVE_STARS)
    expect(badge.locator(".stars")).to_have_attribute("aria-label", "5 stars")
    page.screenshot(path=str(artifacts / "product-en.png"))

    mobile = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                 is_mobile=True, has_touch=True)
    try:
        phone = mobile.new_page()
        phone.goto(f"{live_server.url}/zh/")
        expect(phone.locator("html")).to_have_attribute("lang", "zh")
        phone.evaluate("document.fonts.ready")
        phone.screenshot(path=str(artifacts / "home-zh-mobile.png"))
    finally:
        mobile.close()


def test_korean_visitor_switches_language_and_searches_in_hangul(browser, live_server, page, artifacts):
    """From /en/ a visitor picks 한국어, searches 진주 and finds the pearls, on a page in Korean."""
    page.goto(f"{live_server.url}/en/")
    page.locator("nav.languages").get_by_role("link", name="한국어").click()
    expect(page).to_have_url(f"{live_server.url}/ko/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill("진주")
    search.get_by_role("button", name="검색").click()
    expect(page).to_have_url(re.compile(r"/ko/search\?q="))
    expect(page.locator("main")).to_contain_text("하롱 아코야 진주")
    page.screenshot(path=str(artifacts / "search-ko.png"), full_page=True)


def test_public_pages_have_no_serious_accessibility_violations(browser, live_server, page):
    """axe-core finds no serious or critical violation on the public pages (6 kinds x vi, en, zh, ko)."""
    failures = {}
    for path in public_pages(live_server):
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        violations = axe_violations(page)
        if violations:
            failures[path] = format_violations(violations)
    assert not failures, "\n\n".join(f"{path}\n{text}" for path, text in failures.items())


def test_public_pages_are_valid_html(html_checker, live_server):
    """The Nu Html Checker finds no error in the server's HTML of the public pages (6 kinds x every language)."""
    docs = {}
    for path in public_pages(live_server):
        # The raw HTML as served, not page.content(): the browser would have repaired it.
        with urllib.request.urlopen(live_server.url + path, timeout=10) as response:
            assert response.status == 200, path
            docs[path] = response.read().decode("utf-8")
    errors = {path: found for path, found in vnu_errors_many(docs).items() if found}
    assert not errors, "\n\n".join(f"{path}\n" + "\n".join(found) for path, found in errors.items())
