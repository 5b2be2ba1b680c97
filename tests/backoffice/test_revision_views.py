"""The office reviews changes to published listings; the producer's users are mailed each decision; the
office gets a digest of submissions."""
import re

from sqlalchemy import select

from shop.catalog import listings
from shop.catalog.models import ProductRevision, ProductStatus, RevisionStatus
from shop.producers.models import Producer
from tests.conftest import login, session_token, visible_text
from tests.factories import make_product, make_user


def _texts(name_vi, name_zh=""):
    return {"vi": {"name": name_vi, "summary": "", "description": ""},
            "en": {"name": "", "summary": "", "description": ""},
            "zh": {"name": name_zh, "summary": "", "description": ""}}


def _revised(db, name="Trà cũ", new="Trà mới"):
    product = make_product(db.session, name=name)
    producer = db.session.get(Producer, product.producer_id)
    make_user(db.session, "producer", producer=producer, email="an@htx.vn", locale="vi")
    make_user(db.session, "producer", producer=producer, email="binh@htx.vn", locale="en")
    listings.update_listing(db.session, product.producer_id, product.id, group_id=product.group_id,
                            texts=_texts(new))
    db.session.commit()
    return product, listings.open_revision(db.session, product.id)


def _admin(client, db):
    user = make_user(db.session, "admin", locale="en", email="office@ocop.vn")
    db.session.commit()
    login(client, user)
    return user


def test_office_sees_the_difference_and_approval_is_mailed(client, db, outbox):
    """The queue lists the revision; its page shows old and new text; approving publishes the new text and
    mails each of the producer's users, in their language, with a link to the listing."""
    product, revision = _revised(db)
    _admin(client, db)
    assert f"/backoffice/revisions/{revision.id}" in client.get("/backoffice/reviews").get_data(as_text=True)
    page = client.get(f"/backoffice/revisions/{revision.id}").get_data(as_text=True)
    assert "<del>Trà cũ</del>" in page and "<ins>Trà mới</ins>" in page
    assert "Trà cũ" in client.get(f"/vi/products/{product.slug}").get_data(as_text=True)
    response = client.post(f"/backoffice/revisions/{revision.id}/approve",
                           data={"csrf_token": session_token(client)})
    assert response.status_code == 302
    assert "Trà mới" in client.get(f"/vi/products/{product.slug}").get_data(as_text=True)
    by = {m["To"]: m for m in outbox}
    assert set(by) == {"an@htx.vn", "binh@htx.vn"}
    assert "is approved" in by["binh@htx.vn"]["Subject"]
    assert f"/portal/products/{product.id}" in by["an@htx.vn"].get_content()


def test_changes_requested_is_mailed_and_shown_with_the_earlier_reason(client, db, outbox):
    """A request for changes needs a reason, is mailed with it, shows in the portal, and the next review
    page shows the office its earlier reason."""
    product, revision = _revised(db)
    _admin(client, db)
    url = f"/backoffice/revisions/{revision.id}/reject"
    assert client.post(url, data={"csrf_token": session_token(client), "reason": ""}).status_code == 400
    response = client.post(url, data={"csrf_token": session_token(client), "reason": "Thiếu tên tiếng Trung"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(ProductRevision, revision.id).status == RevisionStatus.CHANGES_REQUESTED
    assert db.session.get(type(product), product.id).status == ProductStatus.PUBLISHED
    assert {m["To"] for m in outbox} == {"an@htx.vn", "binh@htx.vn"}
    assert all("Thiếu tên tiếng Trung" in m.get_content() for m in outbox)
    # The producer edits again: the revision goes back to the queue, with the office's earlier reason shown.
    listings.update_listing(db.session, product.producer_id, product.id, group_id=product.group_id,
                            texts=_texts("Trà mới", "新茶"))
    db.session.commit()
    page = visible_text(client.get(f"/backoffice/revisions/{revision.id}").get_data(as_text=True))
    assert "Your earlier request" in page and "Thiếu tên tiếng Trung" in page


def test_a_new_listing_sent_back_says_changes_requested_in_the_portal(client, db, outbox):
    """The producer's dashboard shows "Changes requested" with the reason, not "Draft"."""
    product = make_product(db.session, status=ProductStatus.PENDING_REVIEW)
    producer_user = make_user(db.session, "producer", producer=db.session.get(Producer, product.producer_id))
    _admin(client, db)
    client.post(f"/backoffice/reviews/{product.id}/reject",
                data={"csrf_token": session_token(client), "reason": "Ảnh tối"})
    client.post("/en/logout", data={"csrf_token": session_token(client)})
    login(client, producer_user)
    page = visible_text(client.get("/portal/").get_data(as_text=True))
    assert "Changes requested" in page and "Ảnh tối" in page and "Draft" not in page


def test_the_office_sets_the_price_limit(client, db):
    """The limit page saves a percentage and refuses one out of range."""
    _admin(client, db)
    assert client.get("/backoffice/reviews/limits").status_code == 200
    assert client.post("/backoffice/reviews/limits", data={"csrf_token": session_token(client),
                                                           "max_price_change_percent": "5000"}).status_code == 400
    assert client.post("/backoffice/reviews/limits", data={"csrf_token": session_token(client),
                                                           "max_price_change_percent": "10"}).status_code == 302
    assert listings.limits(db.session).max_price_change_percent == 10


def test_digest_mails_the_office_what_was_submitted(app, db, outbox):
    """The review-digest command mails each office user the submissions with links; none when nothing arrived."""
    make_user(db.session, "admin", email="office@ocop.vn", locale="vi")
    product, revision = _revised(db, new="Chè Hải Hà mới")
    result = app.test_cli_runner().invoke(args=["shop", "review-digest", "--hours", "24"])
    assert result.exit_code == 0, result.output
    digests = [m for m in outbox if m["To"] == "office@ocop.vn"]
    assert len(digests) == 1
    body = digests[0].get_content()
    assert "Chè Hải Hà mới" in body or "Trà cũ" in body
    assert f"/backoffice/revisions/{revision.id}" in body and "/backoffice/reviews" in body
    db.session.execute(ProductRevision.__table__.update().values(
        submitted_at=revision.submitted_at.replace(year=2020)))
    db.session.commit()
    outbox.clear()
    result = app.test_cli_runner().invoke(args=["shop", "review-digest"])
    assert result.exit_code == 0 and outbox == []
    assert db.session.scalar(select(ProductRevision.id)) == revision.id
    assert re.search(r"0 new submission", result.output)
