"""Every form of the shop, sent empty and with bad values in each language, answers in that language."""
from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from shop.producers.models import Producer
from tests.conftest import csrf_token_of, login
from tests.factories import make_product, make_user
from tests.i18n.page_language import problems
from tests.i18n.test_language_crawl import english_ui

# Forms that end the session or leave the page's area: not what this test is about.
MAX_PAGES = 30
SKIP_ACTIONS = re.compile(r"/logout$")
# Bad values carry no English word, so that an echo of them is not mistaken for an English message.
BAD = {"email": "@@@", "url": "::", "number": "-99999999999999999999", "date": "2024-13-45", "tel": "@@@",
       "text": "x" * 5000, "password": "x", "search": "x" * 500, "textarea": "x" * 30000}


class Forms(HTMLParser):
    """The POST forms of a page: action and fields (name, type, options)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.links, self._form, self._select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": [],
                          "multipart": "multipart" in (attrs.get("enctype") or "")}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            field = {"name": attrs["name"], "type": kind, "value": attrs.get("value") or "", "options": []}
            self._form["fields"].append(field)
            if tag == "select":
                self._select = field
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _forms_and_links(html: str):
    parser = Forms()
    parser.feed(html)
    return parser.forms, parser.links


def _payloads(form: dict, token: str):
    """The form sent empty (only CSRF and hidden fields), then with a bad value in every field."""
    empty, bad, files = {"csrf_token": token}, {"csrf_token": token}, {}
    for field in form["fields"]:
        name, kind = field["name"], field["type"]
        if name == "csrf_token":
            continue
        if kind == "hidden":
            empty[name] = bad[name] = field["value"]
        elif kind == "file":
            files[name] = b"not an image, not a CSV \xff\xfe"
        elif kind in ("checkbox", "radio"):
            bad[name] = "no-such-choice"
        elif kind == "select":
            bad[name] = "999999999"
        elif kind in ("submit", "button"):
            continue
        else:
            bad[name] = BAD.get(kind, "x" * 5000)
    return empty, bad, files


def _check_area(client, start: list[str], area_prefix: str, locale: str, min_sent: int = 4,
                max_pages: int = MAX_PAGES) -> dict[str, list[str]]:
    english = english_ui(locale)
    seen, queue, found, sent, tried = set(start), deque(start), {}, 0, set()
    seen_kinds = {re.sub(r"\d+", "N", path) for path in start}
    visited = 0
    while queue and visited < max_pages:
        path = queue.popleft()
        visited += 1
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        forms, links = _forms_and_links(html)
        for link in links:
            link = link.split("#")[0]
            if (link.startswith(area_prefix) and link not in seen and not link.endswith((".pdf", ".csv"))
                    and re.sub(r"\d+", "N", link) not in seen_kinds):
                seen_kinds.add(re.sub(r"\d+", "N", link))
                seen.add(link)
                queue.append(link)
        for form in forms:
            action = form["action"] or path
            # One form of a kind is enough: /orders/3/status and /orders/4/status answer alike.
            kind = re.sub(r"\d+", "N", action.split("?")[0])
            if SKIP_ACTIONS.search(action) or kind in tried:
                continue
            tried.add(kind)
            token = next((f["value"] for f in form["fields"] if f["name"] == "csrf_token"), "")
            empty, bad, files = _payloads(form, token)
            for name, data in (("empty", empty), ("bad", bad)):
                if files and name == "bad":
                    from io import BytesIO
                    data = {**data, **{key: (BytesIO(content), "bad.jpg") for key, content in files.items()}}
                answer = client.post(action, data=data, follow_redirects=True,
                                     content_type="multipart/form-data" if form["multipart"] else None)
                sent += 1
                if answer.mimetype == "text/html":
                    trouble = [p for p in problems(answer.get_data(as_text=True), locale, english)
                               if p.startswith("English")]
                    if trouble:
                        found[f"{name} {action}"] = trouble
    assert sent >= min_sent, f"only {sent} forms sent from {start}"
    return found


@pytest.fixture()
def catalog(db, demo):
    return demo


@pytest.mark.parametrize("locale", ["vi", "zh", "ko"])
def test_public_forms_answer_in_the_page_language(client, db, catalog, locale):
    """Sign-in, sign-up, password, order lookup, cart and checkout forms: messages in the page's language."""
    from shop.catalog.models import Product
    product = db.session.scalar(select(Product).where(Product.slug == "cha-muc-ha-long"))
    page = client.get(f"/{locale}/products/{product.slug}").get_data(as_text=True)
    client.post(f"/{locale}/cart/add", data={"csrf_token": csrf_token_of(page), "quantity": 1,
                                             "packaging_id": product.packagings[0].id})
    start = [f"/{locale}/login", f"/{locale}/register", f"/{locale}/password/forgot", f"/{locale}/orders/lookup",
             f"/{locale}/checkout", f"/{locale}/cart", f"/{locale}/products/{product.slug}",
             f"/{locale}/password/set/not-a-token"]
    assert _check_area(client, start, f"/{locale}/", locale) == {}


@pytest.mark.parametrize("locale", ["vi", "zh", "ko"])
def test_signed_in_customer_forms_answer_in_the_page_language(client, db, catalog, locale):
    """My account form: messages in the page's language."""
    login(client, make_user(db.session, locale=locale))
    db.session.commit()
    assert _check_area(client, [f"/{locale}/account"], f"/{locale}/account", locale, min_sent=2) == {}


@pytest.mark.parametrize("locale", ["vi", "zh", "ko"])
def test_portal_forms_answer_in_the_producer_language(client, db, catalog, locale):
    """Every producer-portal form (profile, listing, packaging, photo, submit) answers in the producer's language."""
    producer = db.session.scalar(select(Producer).where(Producer.slug == "quy-hoa"))
    login(client, make_user(db.session, "producer", producer=producer, locale=locale))
    db.session.commit()
    assert _check_area(client, ["/portal/", "/portal/profile", "/portal/products/new"], "/portal/", locale,
                       max_pages=8) == {}


@pytest.mark.parametrize("locale", ["vi", "zh", "ko"])
def test_backoffice_forms_answer_in_the_office_language(client, db, catalog, locale):
    """Every back-office form (producers, places, fairs, certificates, import, orders) answers in the user's language."""
    login(client, make_user(db.session, "admin", locale=locale))
    db.session.commit()
    producer = db.session.scalar(select(Producer).where(Producer.slug == "quy-hoa"))
    start = ["/backoffice/producers/new", f"/backoffice/producers/{producer.id}", "/backoffice/sales-points/new",
             "/backoffice/fairs/new", "/backoffice/certificates/new", "/backoffice/import", "/backoffice/reviews"]
    # The office's forms are on these pages; following every link would take minutes (one page per entity).
    assert _check_area(client, start, "/backoffice/", locale, max_pages=len(start)) == {}


@pytest.mark.parametrize("locale", ["vi", "zh", "ko"])
def test_staff_forms_answer_in_the_staff_language(client, db, catalog, locale):
    """The sales-point staff forms answer in the user's language."""
    from shop.places.models import SalesPoint
    point = db.session.scalar(select(SalesPoint).where(SalesPoint.slug == "trung-tam-ocop-ha-long"))
    login(client, make_user(db.session, "sales_point_staff", sales_point=point, locale=locale))
    db.session.commit()
    assert _check_area(client, ["/staff/", "/staff/find"], "/staff/", locale, min_sent=2) == {}
