"""What a visitor may know: refusals about drafts read exactly like refusals about nothing, pages and API alike."""
from __future__ import annotations

import pytest

from shop.catalog.models import ProductStatus
from tests.conftest import session_token
from tests.factories import make_product

SECRET = "Rượu chưa công bố"


@pytest.fixture()
def draft(db):
    product = make_product(db.session, name=SECRET, status=ProductStatus.DRAFT)
    db.session.commit()
    return product


def _body(response) -> str:
    return response.get_data(as_text=True)


def test_api_answers_a_draft_like_a_missing_product(client, draft):
    """/api/v1/products/<draft> and /api/v1/verify/<draft's code> are the same 404 as for nothing at all."""
    for locale in ("vi", "en"):
        hidden = client.get(f"/api/v1/products/{draft.slug}?locale={locale}")
        missing = client.get(f"/api/v1/products/khong-co-{draft.id}?locale={locale}")
        assert hidden.status_code == missing.status_code == 404
        assert hidden.get_json() == missing.get_json() and SECRET not in _body(hidden)
    assert client.get(f"/api/v1/verify/{draft.code}").get_json() == client.get("/api/v1/verify/PZZZZZZZZ").get_json()


def test_pages_answer_a_draft_like_a_missing_product(client, draft):
    """The product page, its short code and the certificate check of a draft name nothing."""
    for path in (f"/en/products/{draft.slug}", f"/p/{draft.code}", f"/en/verify/{draft.code}"):
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 404 and SECRET not in _body(response), path


def test_cart_and_checkout_never_name_a_draft(client, draft):
    """Adding a draft's packaging by id, then opening the cart and the checkout, shows its name nowhere."""
    token = session_token(client)
    added = client.post("/en/cart/add", data={"csrf_token": token, "packaging_id": draft.packagings[0].id,
                                              "quantity": 1}, follow_redirects=True)
    assert "This item is not available." in _body(added) and SECRET not in _body(added)
    for path in ("/en/cart", "/en/checkout"):
        assert SECRET not in _body(client.get(path, follow_redirects=True))
