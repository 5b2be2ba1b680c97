"""The layout's parts kept by {% memo %} (shop/template_memo.py) and the catalog's filter drawer: pages stay byte for
byte what the templates without the tags render, for every locale and visitor, while the kept parts are rendered once
and follow the configuration."""
import difflib
import re
from pathlib import Path

import pytest
from flask import render_template_string
from jinja2 import ChoiceLoader, DictLoader

from shop.pages import site
from tests.conftest import login
from tests.factories import make_product, make_user

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_MEMO_TAG_LINE = re.compile(r"^\{% (?:memo\b.*?|endmemo) %\}\n", re.M | re.S)
# What differs between two requests anyway: the script nonce and the form tokens.
_PER_REQUEST = re.compile(r'(nonce="|value=")[\w.-]{24,}"')


def _pages(client, paths):
    out = {}
    for path in paths:
        response = client.get(path)
        out[path] = (response.status_code, _PER_REQUEST.sub(r'\1"', response.get_data(as_text=True)))
    return out


def _first_difference(got: str, expected: str) -> list[str]:
    return [line for line in difflib.unified_diff(expected.splitlines(), got.splitlines(), lineterm="", n=1)][:12]


@pytest.fixture()
def untagged_layout(app):
    """Switches the app to its templates without their memo tags (the layout as it was), and back."""
    original = app.jinja_env.loader
    untagged = {}
    for path in TEMPLATES.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        if "{% memo" in source:
            untagged[path.relative_to(TEMPLATES).as_posix()] = _MEMO_TAG_LINE.sub("", source)
    assert {"base.html", "catalog/list.html"} <= set(untagged)
    assert not any("{% memo" in source or "endmemo" in source for source in untagged.values())

    def use():
        app.jinja_env.loader = ChoiceLoader([DictLoader(untagged), original])
        app.jinja_env.cache.clear()

    yield use
    app.jinja_env.loader = original
    app.jinja_env.cache.clear()


@pytest.mark.parametrize("role", [None, "customer", "producer", "admin"])
def test_pages_are_byte_for_byte_those_of_the_layout_without_tags(app, db, new_client, untagged_layout, role):
    """Every locale, anonymous and signed in, first render and kept parts: the same bytes as base.html without tags."""
    product = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "Golden camellia tea"})
    user = make_user(db.session, role) if role else None
    db.session.commit()
    paths = [f"/{code}{page}" for code in app.config["LOCALES"]
             for page in ("/", "/products", "/products?stars=4&group=I.5&sort=price_asc&price_min=1000",
                          "/products?locality=ha-long&producer_type=cooperative&page=2", f"/products/{product.slug}",
                          "/search?q=tra", "/producers", "/credits", "/login", "/no-such-page")]
    client = new_client()
    if user is not None:
        login(client, user)
    first, kept = _pages(client, paths), _pages(client, paths)
    untagged_layout()
    without_tags = _pages(client, paths)
    assert {status for status, _ in without_tags.values()} >= {200, 404}
    for path in paths:
        assert first[path] == without_tags[path], (path, _first_difference(first[path][1], without_tags[path][1]))
        assert kept[path] == without_tags[path], (path, _first_difference(kept[path][1], without_tags[path][1]))


def test_kept_parts_are_rendered_once_per_generation(client, db, monkeypatch):
    """The footer is rendered on the first visit only; a commit that changes public rows renders it again."""
    calls = []
    real = site.footer_pages
    monkeypatch.setattr(site, "footer_pages", lambda: calls.append(1) or real())
    client.application.jinja_env.globals["footer_pages"] = site.footer_pages
    try:
        make_product(db.session)
        db.session.commit()  # a generation of its own: what earlier tests kept is not used
        client.get("/en/credits")
        client.get("/en/products")
        assert len(calls) == 1
        client.get("/vi/credits")  # another locale: its own footer
        assert len(calls) == 2
        make_product(db.session)
        db.session.commit()  # a new generation
        client.get("/en/credits")
        assert len(calls) == 3
    finally:
        client.application.jinja_env.globals["footer_pages"] = real


def test_the_footer_follows_the_configuration_at_once(client, db, config_override, vietqr):
    """A changed office phone and a newly configured payment method show on the next page, kept footer or not."""
    client.get("/en/credits")
    config_override(OFFICE_PHONE="0203 3999 999")
    html = client.get("/en/credits").get_data(as_text=True)
    assert "0203 3999 999" in html and 'href="tel:+842033999999"' in html
    assert "VietQR" in html or "bank transfer" in html.lower()


def test_the_current_section_is_marked_on_each_page(client, db):
    """The navigation is kept per page kind: each marks its own section, also when served from what was kept."""
    for _ in range(2):
        products = client.get("/en/products").get_data(as_text=True)
        producers = client.get("/en/producers").get_data(as_text=True)
        assert re.search(r'href="/en/products" aria-current="page"', products)
        assert not re.search(r'href="/en/producers" aria-current="page"', products)
        assert re.search(r'href="/en/producers" aria-current="page"', producers)
        assert not re.search(r'href="/en/products" aria-current="page"', producers)


def test_outside_a_request_the_tag_renders_its_body(app):
    """With no request (a job rendering a template) there is no generation to keep by: the body is rendered."""
    with app.app_context():
        assert render_template_string('{% memo "x" %}a{{ 1 + 1 }}{% endmemo %}') == "a2"


def test_the_filter_drawer_shows_each_visits_own_filters(client, db):
    """The drawer is kept per filters: each choice is selected on its own page, none on the plain catalog."""
    make_product(db.session)
    db.session.commit()
    for _ in range(2):
        plain = client.get("/en/products").get_data(as_text=True)
        four = client.get("/en/products?stars=4&sort=price_asc").get_data(as_text=True)
        assert 'value="4" checked' not in plain and 'value="price_asc" selected' not in plain
        assert 'value="4" checked' in four and 'value="price_asc" selected' in four
        assert '<span class="filter-count">1</span>' in four


def test_parts_keyed_by_a_visitors_choices_stay_bounded(app, client, db, monkeypatch):
    """A crawler walking price filters never makes the kept drawers grow past the bound: they start again."""
    from shop import template_memo
    monkeypatch.setattr(template_memo, "PARTS_PER_NAME", 3)
    make_product(db.session)
    db.session.commit()  # a generation of its own
    for price in range(10):
        assert client.get(f"/en/products?price_min={price}").status_code == 200
        assert len(app.extensions["page_memo"].tables["template_part:filter-drawer"]) <= 3
