"""Back office: review queue, producers and invitations, certificates, dashboard figures."""
import re
from datetime import date, timedelta

from sqlalchemy import select

from shop.accounts.models import User
from shop.catalog.models import Certificate, Product, ProductReview, ProductStatus
from shop.catalog.search import search
from shop.clock import today
from shop.producers.models import Producer
from tests.conftest import login, session_token, visible_text
from tests.factories import certify, make_locality, make_product, make_user


def _admin(client, db):
    user = make_user(db.session, "admin", locale="en")
    db.session.commit()
    login(client, user)
    return user


def test_approve_publishes_and_indexes(client, db):
    """Approving a pending listing publishes it, records the decision and makes it searchable."""
    _admin(client, db)
    product = make_product(db.session, name="Chè Hải Hà đặc biệt", status=ProductStatus.PENDING_REVIEW)
    db.session.commit()
    assert product.slug not in client.get("/en/products").get_data(as_text=True)
    assert "Chè Hải Hà đặc biệt" in client.get("/backoffice/reviews").get_data(as_text=True)
    assert client.get(f"/backoffice/reviews/{product.id}").status_code == 200
    response = client.post(f"/backoffice/reviews/{product.id}/approve", data={"csrf_token": session_token(client)})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == ProductStatus.PUBLISHED
    assert db.session.scalar(select(ProductReview.decision)) == "approved"
    hits, _total = search(db.session, "hai ha dac biet")
    assert [h.entity_id for h in hits] == [product.id]
    assert client.get(f"/en/products/{product.slug}").status_code == 200


def test_reject_needs_a_reason_and_mails_it_to_the_producers_users(client, db, outbox):
    """A rejection without a reason is refused; with one, the listing says "changes requested" and every
    user of the producer gets the reason by mail in their own language."""
    _admin(client, db)
    product = make_product(db.session, name="Nem chua", status=ProductStatus.PENDING_REVIEW)
    producer = db.session.get(Producer, product.producer_id)
    make_user(db.session, "producer", producer=producer, email="a@htx.vn", locale="vi")
    make_user(db.session, "producer", producer=producer, email="b@htx.vn", locale="en")
    make_user(db.session, "producer", email="other@htx.vn")  # another producer's user
    db.session.commit()
    token = session_token(client)
    assert client.post(f"/backoffice/reviews/{product.id}/reject", data={"csrf_token": token, "reason": " "}).status_code == 400
    response = client.post(f"/backoffice/reviews/{product.id}/reject",
                           data={"csrf_token": token, "reason": "Ảnh quá tối, hãy chụp lại."})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Product, product.id).status == ProductStatus.CHANGES_REQUESTED
    assert sorted(m["To"] for m in outbox) == ["a@htx.vn", "b@htx.vn"]
    for message in outbox:
        assert "Ảnh quá tối, hãy chụp lại." in message.get_content()
        assert f"/portal/products/{product.id}" in message.get_content()
    # The producer sees the reason in the portal too.
    client.post("/en/logout", data={"csrf_token": token})
    login(client, db.session.scalar(select(User).where(User.email == "b@htx.vn")))
    assert "Ảnh quá tối" in client.get("/portal/").get_data(as_text=True)


def test_only_pending_listings_can_be_reviewed(client, db):
    """A draft or published product is not in the queue: its review page and actions are 404."""
    _admin(client, db)
    draft = make_product(db.session, status=ProductStatus.DRAFT)
    db.session.commit()
    assert client.get(f"/backoffice/reviews/{draft.id}").status_code == 404
    assert client.post(f"/backoffice/reviews/{draft.id}/approve",
                       data={"csrf_token": session_token(client)}).status_code == 404


def test_office_creates_and_edits_a_producer(client, db):
    """A producer is created with names in three languages and a slug from the Vietnamese name."""
    _admin(client, db)
    locality = make_locality(db.session, "ba-che")
    db.session.commit()
    data = {"csrf_token": session_token(client), "slug": "", "type": "cooperative", "locality": locality.id,
            "phone": "", "email": "htx@example.vn", "website": "", "address": "",
            "name_vi": "HTX Lâm sản Ba Chẽ", "summary_vi": "", "story_vi": "Câu chuyện",
            "name_en": "Ba Che forest cooperative", "summary_en": "", "story_en": "",
            "name_zh": "", "summary_zh": "", "story_zh": ""}
    response = client.post("/backoffice/producers/new", data=data)
    assert response.status_code == 302
    producer = db.session.scalar(select(Producer).where(Producer.slug == "htx-lam-san-ba-che"))
    assert producer is not None and producer.locality_id == locality.id
    data.update(type="enterprise", name_en="Ba Che forest company")
    assert client.post(f"/backoffice/producers/{producer.id}", data=data).status_code == 302
    db.session.expire_all()
    producer = db.session.get(Producer, producer.id)
    assert producer.type == "enterprise"
    assert "Ba Che forest company" in client.get(f"/en/producers/{producer.slug}").get_data(as_text=True)


def test_invitation_link_lets_the_producer_choose_a_password(client, db, outbox, new_client):
    """An invited user gets a mail naming the producer, with a set-password link valid for days; using it
    signs them in to the portal, and they can sign in again later."""
    _admin(client, db)
    producer = make_product(db.session).producer
    db.session.commit()
    response = client.post(f"/backoffice/producers/{producer.id}/invite",
                           data={"csrf_token": session_token(client), "email": "New@HTX.vn", "locale": "zh"})
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new@htx.vn"))
    assert user.role == "producer" and user.producer_id == producer.id and user.password_hash == ""
    assert len(outbox) == 1
    link = re.search(r"http://localhost(/zh/password/set/\S+)", outbox[0].get_content()).group(1)
    invited = new_client()
    page = invited.get(link)
    assert page.status_code == 200
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    body = outbox[0].get_content()
    assert {t.locale: t.name for t in producer.translations}["zh"] in body and "168" not in body
    response = invited.post(link, data={"csrf_token": token, "password": "my own password",
                                        "confirm": "my own password"})
    assert response.status_code == 302 and response.headers["Location"] == "/portal/"
    assert invited.get("/portal/").status_code == 200
    invited.post("/zh/logout", data={"csrf_token": token})
    login_page = invited.get("/zh/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
    response = invited.post("/zh/login", data={"csrf_token": token, "email": "new@htx.vn",
                                               "password": "my own password"})
    assert response.headers["Location"] == "/portal/"
    assert invited.get(link).status_code == 400  # spent


def test_inviting_an_address_that_has_an_account_is_refused(client, db, outbox):
    """An email already used by another account is not attached to a producer."""
    _admin(client, db)
    producer = make_product(db.session).producer
    make_user(db.session, "customer", email="taken@example.com")
    db.session.commit()
    client.post(f"/backoffice/producers/{producer.id}/invite",
                data={"csrf_token": session_token(client), "email": "taken@example.com", "locale": "vi"})
    assert outbox == []
    assert db.session.scalar(select(User.role).where(User.email == "taken@example.com")) == "customer"


def test_record_a_certificate_with_its_products_and_stars(client, db):
    """A decision lists products by code with stars and score; each becomes the product's current award."""
    _admin(client, db)
    tea = make_product(db.session, name="Trà")
    wine = make_product(db.session, name="Rượu")
    db.session.commit()
    response = client.post("/backoffice/certificates/new", data={
        "csrf_token": session_token(client), "decision_number": "DEMO-1/QĐ-UBND", "decision_date": "2025-05-01",
        "authority": "UBND tỉnh Quảng Ninh", "awards": f"{tea.code} 4 78 new\n{wine.slug}, 3, 60, upgraded\n"})
    assert response.status_code == 302, response.get_data(as_text=True)
    certificate = db.session.scalar(select(Certificate))
    assert certificate.valid_until == date(2028, 5, 1)
    assert sorted((a.product_id, a.stars) for a in certificate.awards) == sorted([(tea.id, 4), (wine.id, 3)])
    assert "OCOP ★★★★" in visible_text(client.get(f"/en/products/{tea.slug}").get_data(as_text=True))


def test_certificate_with_a_bad_line_saves_nothing_and_says_which_line(client, db):
    """One wrong line (2 stars, unknown code) refuses the whole decision with line-by-line errors."""
    _admin(client, db)
    tea = make_product(db.session)
    db.session.commit()
    response = client.post("/backoffice/certificates/new", data={
        "csrf_token": session_token(client), "decision_number": "DEMO-2/QĐ-UBND", "decision_date": "2025-05-01",
        "authority": "UBND", "awards": f"{tea.code} 4 78\n{tea.code}X 2 20\nPNOPE 4 80"})
    assert response.status_code == 400
    text = visible_text(response.get_data(as_text=True))
    assert "Line 2: Only 3, 4 or 5 stars are certified." in text or "Line 2: No product has this code." in text
    assert "Line 3: No product has this code." in text
    assert db.session.scalar(select(Certificate.id)) is None


def test_revoke_removes_the_mark_at_once(client, db):
    """A revoked certificate's products no longer show the OCOP stars."""
    _admin(client, db)
    product = make_product(db.session)
    certificate = certify(db.session, product, stars=5, decision_date=today_minus(100))
    db.session.commit()
    token = session_token(client)
    assert client.post(f"/backoffice/certificates/{certificate.id}/revoke",
                       data={"csrf_token": token, "reason": ""}).status_code == 400
    assert client.post(f"/backoffice/certificates/{certificate.id}/revoke",
                       data={"csrf_token": token, "reason": "Nhãn sai"}).status_code == 302
    text = visible_text(client.get(f"/en/products/{product.slug}").get_data(as_text=True))
    assert "★★★★★" not in text and "revoked" in text


def today_minus(days: int) -> date:
    from datetime import datetime
    from zoneinfo import ZoneInfo
    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() - timedelta(days=days)


def test_expiring_list_shows_certificates_lapsing_within_90_days(client, db):
    """Only valid certificates ending in the next 90 days are in the expiring list."""
    from shop.catalog.services import add_months
    _admin(client, db)
    day = today_minus(0)
    soon = certify(db.session, make_product(db.session), number="DEMO-SOON/QĐ",
                   decision_date=add_months(day, -36) + timedelta(days=30))
    certify(db.session, make_product(db.session), number="DEMO-LATER/QĐ",
            decision_date=add_months(day, -36) + timedelta(days=120))
    db.session.commit()
    html = client.get("/backoffice/certificates").get_data(as_text=True)
    expiring = html[html.index('id="expiring"'):html.index("All certificates")]
    assert soon.decision_number in expiring and "DEMO-LATER/QĐ" not in expiring


def test_dashboard_shows_the_programme_figures(client, db, app):
    """With the 2017–2020 seed loaded, the dashboard shows 456 products (food 314, beverages 90, herbal 41,
    handicrafts 8, services 3), 236 rated, and 177 producers (47 enterprises, 65 cooperatives, 65 households)."""
    from shop.backoffice.seed import seed_programme_2020
    with app.test_request_context():
        day = today()
    seed_programme_2020(db.session, day)
    db.session.commit()
    _admin(client, db)
    html = client.get("/backoffice/").get_data(as_text=True)
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', html))
    assert rows["I · Food"] == "314" and rows["II · Beverages"] == "90"
    assert rows["III · Medicinal herbs and herbal products"] == "41"
    assert rows["IV · Handicrafts, textiles and garments"] == "8"
    assert rows["VI · Community and eco-tourism services"] == "3"
    assert rows["Enterprise"] == "47" and rows["Cooperative"] == "65" and rows["Household producer"] == "65"
    assert int(rows["3 stars"]) + int(rows["4 stars"]) + int(rows["5 stars"]) == 236
    assert re.search(r'id="total-products">456<', html) and re.search(r'id="total-producers">177<', html)
    assert re.search(r'id="total-rated">236<', html)
    # 5 programme charts and 2 of orders, drawn on the server: no script builds them (only shared form helpers load).
    main = html.split("<main", 1)[1].split("</main>", 1)[0]  # the header has its own icon (the cart)
    assert main.count("<svg") == 7 and not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert all("/static/js/forms." in tag or "/static/js/shop." in tag for tag in re.findall(r"<script[^>]*>", html))


def test_seed_command_refuses_a_catalog_with_products(app, db):
    """seed-programme-2020 loads only into an empty catalog."""
    make_product(db.session)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["shop", "seed-programme-2020"])
    assert result.exit_code != 0 and "empty database" in result.output


def test_certificate_products_are_picked_by_name_with_a_translated_kind(client, db):
    """The form offers every product by code and name and the award kinds in the reader's language; a picked
    row ("code · name") records the award."""
    _admin(client, db)
    tea = make_product(db.session, name={"vi": "Trà hoa vàng", "en": "Golden camellia tea", "zh": "金花茶"})
    db.session.commit()
    page = client.get("/backoffice/certificates/new").get_data(as_text=True)
    assert f'<option value="{tea.code} · Trà hoa vàng">' in page
    assert '<option value="recertified">Re-certified</option>' in page
    response = client.post("/backoffice/certificates/new", data={
        "csrf_token": session_token(client), "decision_number": "DEMO-3/QĐ-UBND", "decision_date": "2025-05-01",
        "authority": "UBND tỉnh Quảng Ninh", "awards": "", "row-0-product": f"{tea.code} · Trà hoa vàng",
        "row-0-stars": "5", "row-0-score": "92", "row-0-kind": "upgraded"})
    assert response.status_code == 302, response.get_data(as_text=True)
    award = db.session.scalar(select(Certificate)).awards[0]
    assert (award.product_id, award.stars, award.score, award.kind) == (tea.id, 5, 92, "upgraded")


def test_office_invites_a_staff_member_who_lands_on_the_showroom(client, db, outbox, new_client):
    """A sales point's page invites staff; the mail names the point; the link signs them in to /staff/."""
    from tests.factories import make_sales_point
    _admin(client, db)
    point = make_sales_point(db.session, name="Trung tâm OCOP Hạ Long")
    db.session.commit()
    response = client.post(f"/backoffice/sales-points/{point.id}/invite",
                           data={"csrf_token": session_token(client), "email": "staff@ocop.vn", "locale": "vi"})
    assert response.status_code == 303
    user = db.session.scalar(select(User).where(User.email == "staff@ocop.vn"))
    assert user.role == "sales_point_staff" and user.sales_point_id == point.id
    assert "staff@ocop.vn" in client.get(f"/backoffice/sales-points/{point.id}").get_data(as_text=True)
    body = outbox[0].get_content()
    assert "Trung tâm OCOP Hạ Long" in body
    link = re.search(r"http://localhost(/vi/password/set/\S+)", body).group(1)
    invited = new_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', invited.get(link).get_data(as_text=True))
    response = invited.post(link, data={"csrf_token": token.group(1), "password": "a staff password 1",
                                        "confirm": "a staff password 1"})
    assert response.status_code == 302 and response.headers["Location"] == "/staff/"
