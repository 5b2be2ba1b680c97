"""Script and HTML typed into any portal or back-office text field come out inert on the public pages."""
import re

from sqlalchemy import select

from shop.catalog.models import Product
from shop.producers.models import Producer
from tests.conftest import login, session_token
from tests.factories import make_group, make_locality, make_user

PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>[x](javascript:alert(4))'
EMAIL_PAYLOAD = '"><script>alert(5)</script>@evil.example'
ACTIVE = re.compile(r"<script>alert|<img src=x|<svg onload|href=\"javascript:|\"><script", re.I)


def test_payloads_in_every_text_field_are_inert_on_public_pages(client, db, new_client):
    """Product and producer names, summaries, descriptions and stories in every language, and the contact
    fields, are escaped or sanitised on every public page that shows them."""
    group = make_group(db.session, "I.5")
    make_locality(db.session, "ha-long")
    producer_user = make_user(db.session, "producer")
    admin = make_user(db.session, "admin")
    db.session.commit()
    login(client, producer_user)
    texts = {f"{field}_{locale}": PAYLOAD for locale in ("vi", "en", "zh") for field in ("name", "summary", "story")}
    response = client.post("/portal/profile", data={
        "csrf_token": session_token(client), "phone": PAYLOAD[:40], "email": EMAIL_PAYLOAD, "website": "",
        "address": PAYLOAD, **texts})
    assert response.status_code == 302, response.get_data(as_text=True)
    texts = {f"{field}_{locale}": PAYLOAD for locale in ("vi", "en", "zh") for field in ("name", "summary", "description")}
    assert client.post("/portal/products/new", data={"csrf_token": session_token(client), "group": group.id,
                                                     **texts}).status_code == 302
    product = db.session.scalar(select(Product))
    token = session_token(client)
    client.post(f"/portal/products/{product.id}/packagings", data={
        "csrf_token": token, "container": "jar", "quantity": 1, "unit": "g", "price_vnd": 1000, "stock": 1})
    db.session.execute(Product.__table__.update().values(status="pending_review"))
    db.session.commit()
    office = new_client()
    login(office, admin)
    # The office's own review page shows the payload inert too.
    assert not ACTIVE.search(office.get(f"/backoffice/reviews/{product.id}").get_data(as_text=True))
    assert office.post(f"/backoffice/reviews/{product.id}/approve",
                       data={"csrf_token": session_token(office)}).status_code == 302
    producer = db.session.scalar(select(Producer))
    product = db.session.scalar(select(Product))
    visitor = new_client()
    pages = []
    for locale in ("vi", "en", "zh"):
        pages += [f"/{locale}/", f"/{locale}/products", f"/{locale}/products/{product.slug}", f"/{locale}/producers",
                  f"/{locale}/producers/{producer.slug}", f"/{locale}/search?q=script+alert"]
    for path in pages:
        response = visitor.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert not ACTIVE.search(html), (path, ACTIVE.search(html).group())
    # The payload is visible as text where it is shown (not silently dropped).
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in visitor.get(f"/en/products/{product.slug}").get_data(as_text=True)
    backoffice_pages = ["/backoffice/producers", f"/backoffice/producers/{producer.id}", "/backoffice/reviews"]
    for path in backoffice_pages:
        assert not ACTIVE.search(office.get(path).get_data(as_text=True)), path
